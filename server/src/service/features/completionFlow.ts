import { isMap, isPair } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, Range, TextEdit } from 'vscode-languageserver-types';
import type { YamlDocument } from '../parse/documents';
import { keyText, locate, nodeAtPath, type Path } from '../parse/path';
import { Resource, resourceAt, resourcesOf } from '../resources';
import type { Schema } from '../schema/model';
import { resolvePath, typeLabel } from '../schema/resolve';

const WORD = /[\w.-]/;

/**
 * Keys inside a flow map (`securityContext: {|}`, `{runAsUser: 1, |}`): the
 * line-based analysis stops at a `{`, so the path comes from the syntax tree.
 * A key is inserted as `key: `, in the flow style around it. Undefined when
 * the cursor is not where a flow map's key goes.
 */
export function flowKeyItems(schema: Schema, doc: YamlDocument, document: TextDocument, offset: number): CompletionItem[] | undefined {
  const text = doc.chunk.text;
  const rel = offset - doc.start;
  let start = rel;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let before = start - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t' || text[before] === '\n' || text[before] === '\r')) before--;
  if (text[before] !== '{' && text[before] !== ',') return undefined;
  const loc = locate(doc, offset);
  // A half-typed key parses as a key of the map; an empty place, as the map itself.
  const mapPath: Path = loc.on === 'key' ? loc.path.slice(0, -1) : loc.on === 'none' ? loc.path : [];
  if (loc.on !== 'key' && loc.on !== 'none') return undefined;
  const hit = resourceAt(resourcesOf(doc, schema), mapPath);
  if (!hit) return undefined;
  const map = nodeAtPath(hit.resource.node, hit.rest);
  if (!isMap(map) || !map.flow) return undefined;
  const resolved = resolvePath(schema, hit.resource.kind, hit.rest);
  const type = resolved?.type;
  if (type?.k !== 'object') return undefined;
  const typeDef = schema.type(type.ref);
  if (!typeDef) return undefined;
  const present = new Set(map.items.filter(isPair).map((p) => keyText(p)).filter((k): k is string => k !== undefined));
  const typed = text.slice(start, rel);
  const range = { start: document.positionAt(doc.start + start), end: document.positionAt(doc.start + rel) };
  const items: CompletionItem[] = [];
  for (const [name, def] of Object.entries(typeDef.fields)) {
    if (name !== typed && present.has(name)) continue;
    if (!hit.resource.live && (name === 'status' || typeDef.status || def.ro)) continue;
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: `${typeLabel(def.t)}${def.req ? ' · required' : ''}`,
      sortText: `${def.req ? '0' : def.dep ? '2' : '1'}${name}`,
      textEdit: TextEdit.replace(range, `${name}: `),
    });
  }
  return items;
}

/** What a value may be made of at the cursor: anything but blanks, flow indicators, `:` and quotes. */
const VALUE_CHAR = /[^\s{}[\],:#"']/;
/** A plain scalar in a flow collection cannot hold these: a value with one is inserted double-quoted. */
const FLOW_INDICATOR = /[{}[\],]|: |#/;

/**
 * Values after a key inside a flow map (`limits: {cpu: |}`, `ports: [{protocol: |}]`):
 * the same values a block map's key gets (enums, booleans, references), for
 * the path the syntax tree gives. Undefined when the cursor is not after a
 * flow map's `key:`.
 */
export function flowValueItems(
  schema: Schema,
  doc: YamlDocument,
  document: TextDocument,
  offset: number,
  values: (resource: Resource, path: Path, replace: Range) => CompletionItem[],
): CompletionItem[] | undefined {
  const text = doc.chunk.text;
  const rel = offset - doc.start;
  let start = rel;
  while (start > 0 && VALUE_CHAR.test(text[start - 1])) start--;
  let end = rel;
  while (end < text.length && VALUE_CHAR.test(text[end])) end++;
  let colon = start - 1;
  while (colon >= 0 && (text[colon] === ' ' || text[colon] === '\t')) colon--;
  if (text[colon] !== ':') return undefined;
  let keyEnd = colon;
  while (keyEnd > 0 && (text[keyEnd - 1] === ' ' || text[keyEnd - 1] === '\t')) keyEnd--;
  if (keyEnd === 0) return undefined;
  // The key's own place in the tree: a key of a flow map inside a Kubernetes object.
  const loc = locate(doc, doc.start + keyEnd - 1);
  if (loc.on !== 'key') return undefined;
  const hit = resourceAt(resourcesOf(doc, schema), loc.path);
  if (!hit || hit.rest.length === 0) return undefined;
  const map = nodeAtPath(hit.resource.node, hit.rest.slice(0, -1));
  if (!isMap(map) || !map.flow) return undefined;
  const replace = { start: document.positionAt(doc.start + start), end: document.positionAt(doc.start + end) };
  return values(hit.resource, hit.rest, replace).map((item) => {
    const edit = item.textEdit;
    if (!edit || !('range' in edit) || !FLOW_INDICATOR.test(edit.newText)) return item;
    return { ...item, textEdit: TextEdit.replace(edit.range, JSON.stringify(edit.newText)) };
  });
}
