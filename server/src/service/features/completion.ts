import { isScalar, Scalar } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  InsertTextMode,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import type { Locale } from '../l10n';
import { cursorContext, CursorContext } from '../parse/context';
import { documentAt, ParsedFile, YamlDocument } from '../parse/documents';
import { locate, Path } from '../parse/path';
import { Resource, resourcesOf } from '../resources';
import type { FieldDef, KindDef, Schema, TypeRef } from '../schema/model';
import { resolvePath, typeLabel } from '../schema/resolve';
import { contextSnippets, skeletonItems } from './completionSnippets';
import { fieldMarkdown } from './hover';
import { flowKeyItems, flowValueItems } from './completionFlow';
import { knownKeys, knownValues } from './wellKnown';
import { layoutOf } from './layout';
import { referenceValues } from './completionValues';

export interface CompletionOptions {
  readonly locale: Locale;
  /**
   * Whether to offer the snippets of snippets/kubernetes.json (default true).
   * VS Code shows them itself, from the extension's contribution: there the
   * server leaves them out, or each would be listed twice.
   */
  readonly snippets?: boolean;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

const LONE_CR = /\r(?!\n)/;
const NOT_FOR_EPHEMERAL = /^\w+ (?:is|are) not allowed for ephemeral containers/;

/**
 * Completion at a cursor: the keys valid in the map the cursor is in (read
 * from indentation, so half-typed keys work), values for enums, booleans,
 * kinds and references, and resource skeletons in an empty document.
 * Kubernetes keys are never offered in YAML that is not Kubernetes.
 */
export function doComplete(schema: Schema, file: ParsedFile, document: TextDocument, offset: number, options: CompletionOptions): CompletionList {
  const doc = documentAt(file, offset);
  if (!doc) return EMPTY;
  const rel = offset - doc.start;
  const text = doc.chunk.text;
  // The cursor analysis reads lines split at \n (\r\n included); a lone \r (classic Mac) also ends a
  // line for YAML and the editor, and edits computed without it would span lines. Offer nothing there.
  if (LONE_CR.test(text)) return EMPTY;
  if (isEmptyDocument(text)) return options.snippets === false ? EMPTY : { isIncomplete: false, items: skeletonItems(schema, document, doc.start + lineStartOf(text, rel), offset, layoutOf(doc)) };
  if (inBlockScalar(doc, offset)) return EMPTY;
  const ctx = cursorContext(text, rel);
  // Inside a flow map (`securityContext: {|}`) the line analysis gives up; the syntax tree knows the path.
  if (!ctx) {
    const values = (resource: Resource, path: Path, replace: Range) => valuesAt(schema, doc, document, resource, path, replace, options);
    return { isIncomplete: false, items: flowKeyItems(schema, doc, document, offset) ?? flowValueItems(schema, doc, document, offset, values) ?? [] };
  }
  const target = targetOf(schema, doc, ctx);
  if (!target) return ctx.path.length === 0 ? topLevelWithoutKind(schema, doc, document, ctx) : EMPTY;
  const items = ctx.on === 'key' ? keyItems(schema, doc, document, ctx, target, options) : valueItems(schema, doc, document, ctx, target, options);
  return { isIncomplete: false, items };
}

interface Target {
  readonly resource: Resource;
  /** The cursor's path relative to the resource. */
  readonly rest: Path;
}

/** The resource the cursor is in: detected from the AST, or from the text when the AST is broken. */
function targetOf(schema: Schema, doc: YamlDocument, ctx: CursorContext): Target | undefined {
  for (const r of resourcesOf(doc, schema)) {
    if (r.at.length <= ctx.path.length && r.at.every((seg, i) => ctx.path[i] === seg)) return { resource: r, rest: ctx.path.slice(r.at.length) };
  }
  const apiVersion = /^apiVersion:[ \t]*["']?([^\s"'#]+)/m.exec(doc.chunk.text)?.[1];
  const kind = /^kind:[ \t]*["']?([^\s"'#]+)/m.exec(doc.chunk.text)?.[1];
  if (!kind) return undefined;
  const match = schema.kind(apiVersion ?? '', kind) ?? (apiVersion ? undefined : schema.kind(defaultApiVersion(schema, kind) ?? '', kind));
  if (!match) return undefined;
  const node = doc.chunk.yaml.contents;
  return {
    resource: { at: [], node: node as Resource['node'], kind: match.def, apiVersion: apiVersion ?? match.def.apiVersion, exactVersion: match.exact, live: false },
    rest: ctx.path,
  };
}

function defaultApiVersion(schema: Schema, kind: string): string | undefined {
  return schema.kinds().find((k) => k.kind === kind)?.apiVersion;
}

function keyItems(schema: Schema, doc: YamlDocument, document: TextDocument, ctx: CursorContext, target: Target, options: CompletionOptions): CompletionItem[] {
  const resolved = resolvePath(schema, target.resource.kind, target.rest);
  if (!resolved) return [];
  let type: TypeRef = resolved.type;
  let newItemPrefix = '';
  if (type.k === 'list' && !ctx.newItem) {
    // Under `containers:` on a line without a dash yet: start a list item.
    type = type.of;
    newItemPrefix = '- ';
  }
  const replace = { start: document.positionAt(doc.start + ctx.word.start), end: document.positionAt(doc.start + ctx.word.end) };
  // A free-form map: the keys Kubernetes knows for it (`limits:` -> cpu, memory...).
  if (type.k === 'map' && !newItemPrefix) return knownKeys(resolved, ctx.present, replace, ctx.keyHasColon, options.locale);
  if (type.k !== 'object') return [];
  const typeDef = schema.type(type.ref);
  if (!typeDef) return [];
  // Inserted blocks follow the document: its indentation step and its line breaks.
  const layout = layoutOf(doc);
  const childColumn = ctx.keyColumn + newItemPrefix.length + layout.unit;
  const items: CompletionItem[] = [];
  const authored = !target.resource.live;
  for (const [name, def] of Object.entries(typeDef.fields)) {
    if (ctx.present.has(name)) continue;
    // Nor what only the API server writes (metadata.uid, creationTimestamp, resourceVersion...).
    if (authored && (name === 'status' || typeDef.status || def.ro)) continue;
    // The fields upstream says an ephemeral container may not have (lifecycle, probes, ports, resources).
    if (NOT_FOR_EPHEMERAL.test(def.d ?? '')) continue;
    if (target.rest.length === 0 && (name === 'apiVersion' || name === 'kind') && ctx.present.has(name)) continue;
    // On a key that has its colon and value already, only the name changes: `na|me: x` never becomes `key: : x`.
    const insert = newItemPrefix + (ctx.keyHasColon ? name : keySnippet(name, def, ' '.repeat(childColumn), layout.eol));
    const childPath = target.rest.concat(newItemPrefix ? [0, name] : [name]);
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: `${typeLabel(def.t)}${def.req ? ' · required' : ''}${def.d ? ` — ${firstSentence(def.d)}` : ''}`,
      labelDetails: { detail: ` ${typeLabel(def.t)}`, description: def.req ? (options.locale === 'zh-cn' ? '必填' : 'required') : undefined },
      sortText: `${def.req ? '0' : def.dep ? '2' : '1'}${name}`,
      filterText: newItemPrefix + name,
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      textEdit: TextEdit.replace(replace, insert),
      tags: def.dep ? [1] : undefined,
      // The documentation (the whole hover text) is filled in by completionItem/resolve, for the one item shown.
      data: { podsense: 'field', apiVersion: target.resource.apiVersion, kind: target.resource.kind.kind, path: childPath } satisfies FieldItemData,
    });
  }
  // A snippet brings whole lines: it has no place over a key that already has its value.
  if (!ctx.keyHasColon && options.snippets !== false) items.push(...contextSnippets(resolved, target.rest, ctx, replace, newItemPrefix !== '', layout));
  return items;
}

interface FieldItemData {
  readonly podsense: 'field';
  readonly apiVersion: string;
  readonly kind: string;
  readonly path: Path;
}

/** completionItem/resolve: the full hover text of a key item as its documentation. */
export function resolveCompletion(schema: Schema, item: CompletionItem, options: CompletionOptions): CompletionItem {
  const data = item.data as Partial<FieldItemData> | undefined;
  if (data?.podsense !== 'field' || typeof data.kind !== 'string' || typeof data.apiVersion !== 'string' || !Array.isArray(data.path)) return item;
  const match = schema.kind(data.apiVersion, data.kind);
  if (!match) return item;
  const path = data.path.filter((s): s is string | number => typeof s === 'string' || typeof s === 'number');
  const resolved = resolvePath(schema, match.def, path);
  if (!resolved?.field) return item;
  const resource = { at: [], node: undefined as never, kind: match.def, apiVersion: data.apiVersion, exactVersion: match.exact, live: false };
  return { ...item, documentation: { kind: 'markdown', value: fieldMarkdown(resolved, resource, path, undefined, options.locale) } };
}

/** What accepting a key inserts: `key: ` for scalars, an indented block for objects and maps, a `- ` item for lists. */
function keySnippet(name: string, def: FieldDef, childIndent: string, eol: string): string {
  const t = def.t;
  switch (t.k) {
    case 'boolean':
      return `${name}: \${1|true,false|}`;
    case 'string':
      return t.lit && t.lit.length > 1 ? `${name}: \${1|${t.lit.join(',')}|}` : t.lit?.length === 1 ? `${name}: ${t.lit[0]}` : `${name}: $0`;
    case 'object':
    case 'map':
    case 'any':
      return `${name}:${eol}${childIndent}$0`;
    case 'list':
      return `${name}:${eol}${childIndent}- $0`;
    default:
      return `${name}: $0`;
  }
}

function valueItems(schema: Schema, doc: YamlDocument, document: TextDocument, ctx: CursorContext, target: Target, options: CompletionOptions): CompletionItem[] {
  const replace = { start: document.positionAt(doc.start + ctx.word.start), end: document.positionAt(doc.start + ctx.word.end) };
  return valuesAt(schema, doc, document, target.resource, target.rest.concat([ctx.key!]), replace, options);
}

/** The values offered for the field at `path` (relative to `resource`), replacing `replace`: block or flow style alike. */
function valuesAt(schema: Schema, doc: YamlDocument, document: TextDocument, resource: Resource, path: Path, replace: Range, options: CompletionOptions): CompletionItem[] {
  // `kind` and `apiVersion` of the resource itself.
  if (path.length === 1 && path[0] === 'kind') return kindItems(schema, doc, document, replace);
  if (path.length === 1 && path[0] === 'apiVersion') return apiVersionItems(schema, resource.kind, replace);
  const resolved = resolvePath(schema, resource.kind, path);
  const def = resolved?.field?.def;
  if (!resolved || !def) return [];
  const t = resolved.type;
  if (t.k === 'boolean') {
    return ['true', 'false'].map((v) => ({ label: v, kind: CompletionItemKind.Value, textEdit: TextEdit.replace(replace, v) }));
  }
  if (t.k === 'string' && t.lit && t.lit.length > 0) {
    return t.lit.map((v, i) => {
      const meaning = def.vals?.find((x) => x.v === v)?.d;
      // The empty value (hostPath `type: ""`) must be written, and shown, as a quoted empty string.
      const text = v === '' ? '""' : v;
      return {
        label: text,
        kind: CompletionItemKind.EnumMember,
        detail: meaning ? meaning.split(/(?<=\.)\s/)[0] : undefined,
        documentation: { kind: 'markdown', value: fieldMarkdown(resolved, resource, path, v, options.locale) },
        sortText: String(i).padStart(3, '0'),
        textEdit: TextEdit.replace(replace, text),
      } satisfies CompletionItem;
    });
  }
  const known = knownValues(resolved, resource, path, replace, options.locale);
  if (known.length > 0) return known;
  return referenceValues(doc, resource, path, replace);
}

/**
 * `kind: Dep|` offers Deployment and fills in `apiVersion: apps/v1` when the
 * document has none, or corrects one that is not the kind's (`v1` left from a
 * Pod); an apiVersion of the kind's own group (an older one) is left as it is.
 */
function kindItems(schema: Schema, doc: YamlDocument, document: TextDocument, replace: TextEdit['range']): CompletionItem[] {
  const text = doc.chunk.text;
  const existing = /^apiVersion:[ \t]*["']?([^\s"'#]*)/m.exec(text);
  const kindLine = text.search(/^kind:/m);
  const apiVersionEdit = (k: KindDef): TextEdit[] | undefined => {
    if (!existing) return kindLine < 0 ? undefined : [TextEdit.insert(document.positionAt(doc.start + kindLine), `apiVersion: ${k.apiVersion}${layoutOf(doc).eol}`)];
    const written = existing[1];
    if (written === k.apiVersion || groupOf(written) === groupOf(k.apiVersion)) return undefined;
    const at = doc.start + existing.index + existing[0].length - written.length;
    return [TextEdit.replace({ start: document.positionAt(at), end: document.positionAt(at + written.length) }, k.apiVersion)];
  };
  return schema
    .kinds()
    .filter((k) => !k.kind.endsWith('List'))
    .map((k) => ({
      label: k.kind,
      kind: CompletionItemKind.Class,
      detail: k.apiVersion,
      textEdit: TextEdit.replace(replace, k.kind),
      additionalTextEdits: apiVersionEdit(k),
    }));
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function apiVersionItems(schema: Schema, kind: KindDef | undefined, replace: TextEdit['range']): CompletionItem[] {
  const versions = [...new Set(schema.kinds().filter((k) => !kind || k.kind === kind.kind).map((k) => k.apiVersion))];
  return versions.map((v) => ({ label: v, kind: CompletionItemKind.Module, textEdit: TextEdit.replace(replace, v) }));
}

/** A document with no kind yet: offer `apiVersion`/`kind` only when nothing else says it is some other YAML. */
function topLevelWithoutKind(schema: Schema, doc: YamlDocument, document: TextDocument, ctx: CursorContext): CompletionList {
  const replace = { start: document.positionAt(doc.start + ctx.word.start), end: document.positionAt(doc.start + ctx.word.end) };
  const k8sTop = new Set(['apiVersion', 'kind', 'metadata', 'spec']);
  if ([...ctx.present].some((k) => !k8sTop.has(k))) return EMPTY;
  if (ctx.on === 'value') {
    if (ctx.key === 'kind') return { isIncomplete: false, items: kindItems(schema, doc, document, replace) };
    if (ctx.key === 'apiVersion') return { isIncomplete: false, items: apiVersionItems(schema, undefined, replace) };
    return EMPTY;
  }
  const items: CompletionItem[] = [];
  for (const key of ['apiVersion', 'kind']) {
    if (ctx.present.has(key)) continue;
    items.push({ label: key, kind: CompletionItemKind.Property, sortText: `0${key}`, textEdit: TextEdit.replace(replace, `${key}: `) });
  }
  return { isIncomplete: false, items };
}

/** The first sentence of an upstream description, for the one-line detail of a completion item. */
function firstSentence(text: string): string {
  const m = /^(.{10,160}?[.!?])(\s|$)/.exec(text);
  return m ? m[1] : text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** Only blank lines, comments and markers; stops at the first line with content (usually the first). */
function isEmptyDocument(text: string): boolean {
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const t = text.slice(start, end).trim();
    if (!(t === '' || t.startsWith('#') || t === '---' || t === '...')) return false;
    start = end + 1;
  }
  return true;
}

function lineStartOf(text: string, rel: number): number {
  // lastIndexOf clamps a negative start to 0, so at offset 0 it would find a \n at 0.
  return rel <= 0 ? 0 : text.lastIndexOf('\n', rel - 1) + 1;
}

function inBlockScalar(doc: YamlDocument, offset: number): boolean {
  const loc = locate(doc, offset);
  const s = loc.scalar as Scalar | undefined;
  return !!s && isScalar(s) && (s.type === 'BLOCK_LITERAL' || s.type === 'BLOCK_FOLDED') && loc.on === 'value';
}
