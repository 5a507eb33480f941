import { isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';

/** A text replacement in file offsets. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A block of YAML to insert: scalars are already YAML text; maps keep their key order. */
export type Tree = string | { readonly [key: string]: Tree };

/** Offsets of one `---` document's AST are relative to its chunk; `base` turns them into file offsets. */
export interface Source {
  readonly text: string;
  readonly base: number;
  /** The indentation step of the `---` document (see indentUnit). */
  readonly unit: string;
}

/** The document's line break: `\r\n` when it uses it. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStart(text: string, at: number): number {
  // lastIndexOf clamps a negative start to 0, so at offset 0 it would find a \n at 0.
  return at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
}

export function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** Offset just past the line's newline (or the end of the text). */
export function nextLineStart(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

export function column(text: string, at: number): number {
  return at - lineStart(text, at);
}

export function leadingSpaces(text: string, at: number): string {
  const start = lineStart(text, at);
  return /^[ \t]*/.exec(text.slice(start, lineEnd(text, start)))![0];
}

/** True when only blanks (and sequence dashes, when allowed) stand before `at` on its line. */
export function startsLine(text: string, at: number): boolean {
  return text.slice(lineStart(text, at), at).trim() === '';
}

/** Where the last character of a node's content is (file offset, exclusive): never its trailing comments. */
export function contentEnd(node: unknown, base: number): number | undefined {
  let n: unknown = node;
  for (let guard = 0; guard < 10_000; guard++) {
    if (isPair(n)) {
      const v = n.value as Node | null;
      n = v && v.range && !(isScalar(v) && v.value === null && v.range[0] === v.range[1]) ? v : n.key;
      continue;
    }
    if ((isMap(n) || isSeq(n)) && !n.flow && n.items.length > 0) {
      n = n.items[n.items.length - 1];
      continue;
    }
    const r = (n as Node | null)?.range;
    return r ? base + r[1] : undefined;
  }
  return undefined;
}

export function startOf(node: unknown, base: number): number | undefined {
  const r = (node as Node | null)?.range;
  return r ? base + r[0] : undefined;
}

/** The smallest indentation step the document uses (2 unless it clearly uses another). */
export function indentUnit(text: string): string {
  let unit = 0;
  for (const m of text.matchAll(/^( +)[^ \t\n#-]/gm)) {
    const n = m[1].length;
    if (unit === 0 || n < unit) unit = n;
  }
  return ' '.repeat(unit >= 2 && unit <= 8 ? unit : 2);
}

/** `key:\n  child: v` lines at `indent` (the first line without it, for inserting after a key). */
export function renderBlock(tree: { readonly [key: string]: Tree }, indent: string, unit: string): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.push(`${indent}${key}: ${value}`);
    else out.push(`${indent}${key}:`, ...renderBlock(value, indent + unit, unit));
  }
  return out;
}

export function renderFlow(tree: { readonly [key: string]: Tree }): string {
  return Object.entries(tree)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : `{${renderFlow(v)}}`}`)
    .join(', ');
}

/** Adds `tree`'s keys to a map: block maps after `after` (default: the last key) at the keys' indentation; flow maps before `}`. */
export function insertIntoMap(src: Source, map: YAMLMap, tree: { readonly [key: string]: Tree }, after?: Pair): Edit | undefined {
  const { text, base } = src;
  const range = map.range;
  if (!range) return undefined;
  if (map.flow) {
    let close = base + range[1] - 1;
    while (close > base + range[0] && text[close] !== '}') close--;
    if (text[close] !== '}') return undefined;
    return { start: close, end: close, newText: (map.items.length > 0 ? ', ' : '') + renderFlow(tree) };
  }
  const first = map.items[0];
  const last = after ?? map.items[map.items.length - 1];
  const keyAt = first ? startOf(first.key, base) : undefined;
  const end = last ? contentEnd(last, base) : undefined;
  if (keyAt === undefined || end === undefined) return undefined;
  const indent = ' '.repeat(column(text, keyAt));
  return insertAfterLine(src, Math.max(end - 1, keyAt), renderBlock(tree, indent, src.unit));
}

/** Inserts lines after the line holding file offset `at` (before its line break, so trailing comments stay put). */
export function insertAfterLine(src: Source, at: number, lines: readonly string[]): Edit {
  const eol = eolOf(src.text);
  let end = lineEnd(src.text, at);
  if (eol === '\r\n' && src.text[end - 1] === '\r') end--;
  return { start: end, end, newText: eol + lines.join(eol) };
}

/** Removes a pair from its map: whole lines in block style, the entry and one separator in flow style. */
export function removePair(src: Source, map: YAMLMap, pair: Pair): Edit | undefined {
  const { text, base } = src;
  const index = map.items.indexOf(pair);
  const keyAt = startOf(pair.key, base);
  const end = contentEnd(pair, base);
  if (index < 0 || keyAt === undefined || end === undefined) return undefined;
  const next = map.items[index + 1];
  if (!map.flow && startsLine(text, keyAt)) {
    return { start: lineStart(text, keyAt), end: nextLineStart(text, Math.max(end - 1, keyAt)), newText: '' };
  }
  const nextAt = next ? startOf(next.key, base) : undefined;
  if (nextAt !== undefined) return { start: keyAt, end: nextAt, newText: '' };
  const prev = map.items[index - 1];
  const prevEnd = prev ? contentEnd(prev, base) : undefined;
  if (prevEnd !== undefined) return { start: prevEnd, end, newText: '' };
  // The only key of `- key: v` or `{key: v}`: leave an empty map.
  return { start: keyAt, end, newText: map.flow ? '' : '{}' };
}

/** Replaces a scalar's text, inside its quotes when it is quoted; undefined when its source has escapes. */
export function replaceScalar(src: Source, scalar: Scalar, value: string): Edit | undefined {
  const inner = scalarInner(src, scalar);
  return inner ? { start: inner[0], end: inner[1], newText: value } : undefined;
}

/** File offsets of the scalar's text without quotes, when the source is exactly its value. */
export function scalarInner(src: Source, scalar: Scalar): [number, number] | undefined {
  const r = scalar.range;
  if (!r || typeof scalar.value !== 'string') return undefined;
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  if (!quoted && scalar.type !== 'PLAIN') return undefined;
  const start = src.base + r[0] + (quoted ? 1 : 0);
  const end = src.base + r[1] - (quoted ? 1 : 0);
  return src.text.slice(start, end) === scalar.value ? [start, end] : undefined;
}

/** Joins deletions that overlap and drops any other edit overlapping an earlier one. */
export function disjoint(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Edit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && e.start < prev.end) {
      if (prev.newText === '' && e.newText === '') out[out.length - 1] = { start: prev.start, end: Math.max(prev.end, e.end), newText: '' };
      continue;
    }
    if (prev && e.start === prev.end && e.start === e.end && prev.start === prev.end) continue;
    out.push(e);
  }
  return out;
}
