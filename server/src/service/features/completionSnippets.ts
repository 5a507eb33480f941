import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionItemKind, InsertTextFormat, InsertTextMode, Range, TextEdit } from 'vscode-languageserver-types';
import snippetFile from '../../../../snippets/kubernetes.json';
import type { CursorContext } from '../parse/context';
import type { Layout } from './layout';
import type { Path } from '../parse/path';
import type { Schema } from '../schema/model';
import type { Resolved } from '../schema/resolve';

/**
 * The extension's snippet file is the one source of snippet bodies: VS Code
 * shows them from the manifest, and the server offers the fitting ones as
 * completion items where they belong (bundled into the server at build time).
 */
interface Snippet {
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description: string;
}

const SNIPPETS: readonly Snippet[] = Object.values(snippetFile as Record<string, Snippet>);

const isResource = (s: Snippet) => s.body[0]?.startsWith('apiVersion:') || s.body.some((l) => l.startsWith('kind:'));
/** The container snippets each list takes: a regular container, or an init container and a native sidecar (an init container with restartPolicy: Always). */
const CONTAINER_ITEMS: Readonly<Record<string, readonly string[]>> = {
  containers: ['k8s-container'],
  initContainers: ['k8s-init-container', 'k8s-sidecar'],
};

/** Resource skeletons for an empty document. */
export function skeletonItems(_schema: Schema, document: TextDocument, lineStart: number, offset: number, layout: Layout): CompletionItem[] {
  const range = { start: document.positionAt(lineStart), end: document.positionAt(offset) };
  return SNIPPETS.filter(isResource).map((s) => snippetItem(s, s.body, 0, range, CompletionItemKind.Module, layout));
}

/**
 * Snippets that fit the cursor: a container where a new item of `containers:`
 * starts, an init container or a native sidecar where one of
 * `initContainers:` starts, and probes at the key level of a container or a
 * sidecar.
 */
export function contextSnippets(resolved: Resolved, rest: Path, ctx: CursorContext, range: Range, startsItem: boolean, layout: Layout): CompletionItem[] {
  const listField = resolved.field?.name;
  const atNewItem = (ctx.newItem || startsItem) && (listField === 'containers' || listField === 'initContainers') && typeof rest[rest.length - 1] !== 'string';
  if (atNewItem || (startsItem && (listField === 'containers' || listField === 'initContainers'))) {
    const fits = CONTAINER_ITEMS[listField!];
    return SNIPPETS.filter((s) => fits.includes(s.prefix)).map((s) => {
      // The user typed the dash already: insert the item without its own.
      const body = ctx.newItem ? [s.body[0].replace(/^- /, ''), ...s.body.slice(1)] : s.body;
      return snippetItem(s, body, ctx.newItem ? ctx.keyColumn - 2 : ctx.keyColumn, range, CompletionItemKind.Snippet, layout);
    });
  }
  const type = resolved.type;
  // Probes: in a regular container, and in a native sidecar (an init container with a restartPolicy); never
  // in another init container or an ephemeral one, which the API server rejects them in.
  const list = rest[rest.length - 2];
  const probesFit = list === 'containers' || (list === 'initContainers' && ctx.present.has('restartPolicy'));
  if (type.k === 'object' && type.ref === 'Container' && probesFit && ctx.on === 'key') {
    return SNIPPETS.filter((s) => s.prefix.startsWith('k8s-probe')).map((s) => snippetItem(s, s.body, ctx.keyColumn, range, CompletionItemKind.Snippet, layout));
  }
  return [];
}

/**
 * A snippet's body at `column`, with the document's line breaks. Its inner
 * indentation stays the snippet's own (2 spaces): list items align under
 * their dash, which a wider step would break, and YAML asks consistency only
 * within a block.
 */
function snippetItem(s: Snippet, body: readonly string[], column: number, range: Range, kind: CompletionItemKind, layout: Layout): CompletionItem {
  const indent = ' '.repeat(Math.max(0, column));
  return {
    label: s.prefix,
    kind,
    detail: s.description,
    sortText: `9${s.prefix}`,
    filterText: s.prefix,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: TextEdit.replace(range, body.map((l, i) => (i === 0 || l === '' ? l : indent + l)).join(layout.eol)),
    documentation: { kind: 'markdown', value: ['```yaml', ...body.map(stripPlaceholders), '```'].join('\n') },
  };
}

/** `${1:name}` -> name, `${2|a,b|}` -> a, `$0` -> '': how the snippet reads once inserted. */
export function stripPlaceholders(line: string): string {
  let out = line;
  for (let i = 0; i < 5; i++) {
    out = out.replace(/\$\{\d+:([^${}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1');
  }
  return out.replace(/\$\d+/g, '').replace(/\\\$/g, '$');
}
