import { Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, Node, parseDocument, Scalar } from 'yaml';
import { commonPrefixLength, commonSuffixLength } from './commonEnds';

/**
 * The two edits people make most in a large `---` document, applied to its
 * AST without parsing it again (the parser needs about 45 ms for a 2,600-line
 * Pod here; this is a walk over the node ranges). Each applies only where the
 * result is certain to equal a fresh parse of the new text, and says no
 * otherwise (the caller parses); the old AST must have no errors or warnings.
 *
 * Typing inside one plain scalar (an image name, a port, a key being written):
 * - the edit adds or removes no line break and lies inside (or at either end
 *   of) one single-line plain scalar with no tag and no anchor, in a block
 *   collection;
 * - the scalar's new text is a plain scalar on its own: it does not start
 *   with an indicator or a document marker, has no `: `, ` #`, tab, flow
 *   indicator or outer space, and parses alone to one plain scalar.
 * The new scalar (its value typed as a parse would type it: `80` a number,
 * `true` a boolean) replaces the old one, and the ranges behind it move.
 *
 * Enter, or deleting an empty line: see patchBlankLine.
 *
 * The old AST has no duplicate keys (it has no errors), and neither edit can
 * add one, except renaming a key to another key of its map: that edit is left
 * to a parse, which reports it. So a patched AST needs no duplicate-key check.
 */
export function patchEdit(doc: Document.Parsed, oldText: string, newText: string): boolean {
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  // The edit: old [from, oldEnd) became new [from, newEnd).
  const from = commonPrefixLength(oldText, newText);
  const common = commonSuffixLength(oldText, newText, Math.min(oldText.length, newText.length) - from);
  const oldEnd = oldText.length - common;
  const newEnd = newText.length - common;
  if (from === oldText.length && from === newText.length) return false;
  if (hasBreak(oldText, from, oldEnd) || hasBreak(newText, from, newEnd)) return patchBlankLine(doc, oldText, newText, from, oldEnd, newEnd);
  return patchScalar(doc, oldText, newText, from, oldEnd, newEnd);
}

function patchScalar(doc: Document.Parsed, oldText: string, newText: string, from: number, oldEnd: number, newEnd: number): boolean {
  const found = scalarAt(doc, from, oldEnd);
  if (!found) return false;
  const { scalar, parent, ancestors, replace, isKey } = found;
  const [start, valueEnd, nodeEnd] = scalar.range!;
  if (scalar.type !== 'PLAIN' || scalar.tag || scalar.anchor || (isCollection(parent) && parent.flow)) return false;
  if (hasBreak(oldText, start, valueEnd)) return false;
  const delta = newEnd - oldEnd;
  const source = newText.slice(start, valueEnd + delta);
  if (!isSafePlain(source)) return false;
  const alone = parseDocument(source, { prettyErrors: false, strict: false, uniqueKeys: false });
  const fresh = alone.contents;
  if (alone.errors.length > 0 || alone.warnings.length > 0 || !isScalar(fresh) || fresh.type !== 'PLAIN' || fresh.tag || fresh.source !== source) return false;
  // A key renamed to another key of its map: left to a parse, which reports the duplicate (compared as that check does).
  if (isKey && isMap(parent) && parent.items.some((p) => isPair(p) && p.key !== scalar && isScalar(p.key) && p.key.value === fresh.value)) return false;

  shiftRanges(
    doc,
    (r, holds) => {
      if (r[0] > oldEnd || (r[0] === oldEnd && !holds)) r[0] += delta;
      if (r[1] > oldEnd || (r[1] === oldEnd && holds)) r[1] += delta;
      if (r[2] > oldEnd || (r[2] === oldEnd && holds)) r[2] += delta;
    },
    oldEnd,
    ancestors,
  );
  fresh.range = [start, valueEnd + delta, nodeEnd + delta];
  if (scalar.spaceBefore) fresh.spaceBefore = true;
  if (scalar.commentBefore) fresh.commentBefore = scalar.commentBefore;
  if (scalar.comment) fresh.comment = scalar.comment;
  replace(fresh);
  return true;
}

function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)/;
const UNSAFE_INSIDE = /: |:$| #|[\t,[\]{}]|\s$/;

function isSafePlain(source: string): boolean {
  return source.length > 0 && source.length < 1000 && !INDICATOR_START.test(source) && !DOCUMENT_MARKER.test(source) && !UNSAFE_INSIDE.test(source);
}

interface Found {
  readonly scalar: Scalar;
  readonly parent: unknown;
  /** The collections from the root down to the scalar's parent. */
  readonly ancestors: ReadonlySet<unknown>;
  readonly replace: (node: Scalar) => void;
  /** The scalar is a map key (renaming it could make a duplicate key). */
  readonly isKey: boolean;
}

/** The innermost scalar whose value range contains [from, to] (ends included), with a way to replace it. */
function scalarAt(doc: Document.Parsed, from: number, to: number): Found | undefined {
  const contains = (n: unknown): n is Node => {
    const r = (n as Node | null)?.range;
    return !!r && r[0] <= from && to <= r[1];
  };
  let node: unknown = doc.contents;
  let parent: unknown = doc;
  const ancestors = new Set<unknown>();
  let replace = (s: Scalar): void => {
    doc.contents = s as Scalar.Parsed;
  };
  let isKey = false;
  // An explicit walk down the tree: no recursion, however deep the document.
  for (;;) {
    if (isScalar(node)) return contains(node) ? { scalar: node, parent, ancestors, replace, isKey } : undefined;
    if (!isCollection(node) || !contains(node)) return undefined;
    let next: { node: unknown; replace: (s: Scalar) => void; isKey?: boolean } | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (contains(pair.key)) next = { node: pair.key, replace: (s) => (pair.key = s), isKey: true };
        else if (contains(pair.value)) next = { node: pair.value, replace: (s) => (pair.value = s) };
        if (next) break;
      }
    } else if (isSeq(node)) {
      const items = node.items;
      const i = items.findIndex((item) => contains(item));
      if (i >= 0) next = { node: items[i], replace: (s) => (items[i] = s) };
    }
    if (!next) return undefined;
    ancestors.add(node);
    parent = node;
    node = next.node;
    replace = next.replace;
    isKey = next.isKey === true;
  }
}

type Range3 = [number, number, number];

/**
 * Applies `move` to every range of the document; `holds` tells whether the
 * node is a collection holding the edit (for a scalar edit: right at the
 * edit's end, those end with it and move their ends, not their starts, as in
 * typing at the start of a document's first key; any other node ending there
 * ends before the edit, and any other node starting there starts after it).
 */
function shiftRanges(doc: Document.Parsed, move: (r: Range3, holds: boolean) => void, edit: number, ancestors: ReadonlySet<unknown> = new Set()): void {
  if (doc.range) move(doc.range, true);
  walk(doc, (n) => {
    const r = n.range as Range3 | null | undefined;
    // A node that ends before the edit does not move, nor does anything in it: a whole branch above the edit is
    // left alone. (Only error-free documents are patched, and there a collection ends at or after its items:
    // patch.test.ts checks it on every such document of the corpus.)
    if (!r || r[2] < edit) return 'skip';
    move(r, isCollection(n) && ancestors.has(n));
    return 'enter';
  });
}

/**
 * Visits the document's nodes depth first, a node before its items, with an
 * explicit stack (no recursion, however deep the document). `visit` answers
 * 'enter' to visit a collection's items, 'skip' not to, or 'stop'; walk
 * returns false when stopped.
 */
function walk(doc: Document.Parsed, visit: (n: Node) => 'enter' | 'skip' | 'stop'): boolean {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.value, n.key);
    } else if (isScalar(n) || isAlias(n) || isCollection(n)) {
      const next = visit(n);
      if (next === 'stop') return false;
      if (next === 'enter' && isCollection(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    }
  }
  return true;
}

/**
 * Enter at the end of a line or before a line's content (a new line of
 * spaces), or deleting such a line: the AST keeps its nodes, the ones below
 * move, and the first node of the next line gains or loses its blank-line
 * mark (`spaceBefore`). Only between two lines of plain content: no comment,
 * block scalar, quote or flow collection on either, and not inside any scalar
 * (a blank line inside a multi-line plain scalar is a line feed in its value).
 */
function patchBlankLine(doc: Document.Parsed, oldText: string, newText: string, from: number, oldEnd: number, newEnd: number): boolean {
  const inserting = oldEnd === from;
  if (!inserting && newEnd !== from) return false;
  // Where the blank line is, as a whole line at a line start of the text without it.
  const blank = inserting ? blankLineAdded(oldText, newText, from, newEnd) : blankLineAdded(newText, oldText, from, oldEnd);
  if (!blank) return false;
  const { at, length } = blank;
  const without = inserting ? oldText : newText;
  if (at === 0 || at >= without.length) return false;
  const aboveStart = without.lastIndexOf('\n', at - 2) + 1;
  const belowEnd = without.indexOf('\n', at);
  const above = without.slice(aboveStart, at - 1);
  const below = without.slice(at, belowEnd < 0 ? without.length : belowEnd);
  if (!isPlainContentLine(above) || !isPlainContentLine(below)) return false;
  // After an empty value (`key:`, a lone `-`) with the next line less indented, yaml marks the empty
  // value as having the blank line before it, not the next line's node: left to a parse.
  if (/(?::|^[ -]*-) *$/.test(above) && indentOf(below) < contentColumn(above)) return false;
  if (!outsideScalarsAndFlow(doc, at - 1)) return false;
  // The node that carries the blank-line mark: the outermost one starting at the line's first character (a
  // list that starts there), or else after each `- ` marker in turn (an item of a list that started above).
  // Found before anything moves.
  const marks = /^( *)((?:- +)*)/.exec(without.slice(at, at + 200))!;
  const candidates = [marks[1].length];
  for (const m of marks[2].matchAll(/- +/g)) candidates.push(marks[1].length + m.index + m[0].length);
  const shift = inserting ? 0 : length;
  let first: Node | undefined;
  for (const c of candidates) if (!first) first = outermostAt(doc, at + c + shift);
  if (!first) return false;
  // Old offsets: a node ending with the line above (its break included) stays; starts from the line below on move.
  if (inserting) {
    shiftRanges(
      doc,
      (r) => {
        if (r[0] >= at) r[0] += length;
        if (r[1] > at) r[1] += length;
        if (r[2] > at) r[2] += length;
      },
      at,
    );
  } else {
    const moved = (o: number) => (o >= at + length ? o - length : Math.min(o, at));
    shiftRanges(
      doc,
      (r) => {
        r[0] = moved(r[0]);
        r[1] = moved(r[1]);
        r[2] = moved(r[2]);
      },
      at,
    );
  }
  if (inserting) first.spaceBefore = true;
  else delete first.spaceBefore;
  return true;
}

/**
 * When `longer` is `shorter` with `longer[from, end)` inserted, and that makes
 * one whole new line of spaces: where it starts in `shorter` (a line start)
 * and its length with its \n. LF line breaks only.
 */
function blankLineAdded(shorter: string, longer: string, from: number, end: number): { at: number; length: number } | undefined {
  const inserted = longer.slice(from, end);
  if (!/^ *\n *$/.test(inserted)) return undefined;
  const lineStart = shorter.lastIndexOf('\n', from - 1) + 1;
  let lineEnd = shorter.indexOf('\n', from);
  if (lineEnd < 0) return undefined;
  const line = shorter.slice(lineStart, lineEnd);
  const breakAt = from + inserted.indexOf('\n');
  const first = longer.slice(lineStart, breakAt);
  const second = longer.slice(breakAt + 1, lineEnd + inserted.length);
  if (first.trim() === '' && second === line) return { at: lineStart, length: first.length + 1 };
  if (second.trim() === '' && first === line) return { at: lineEnd + 1, length: second.length + 1 };
  return undefined;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Where a line's content starts after its indentation and `- ` markers. */
function contentColumn(line: string): number {
  return /^ *(?:- +)*/.exec(line)![0].length;
}

/** A line with content and none of what makes a blank line next to it matter. */
function isPlainContentLine(line: string): boolean {
  return line.trim() !== '' && !/[#|>'"[\]{}\t]/.test(line) && !/^ *(?:---|\.\.\.)/.test(line);
}

/** True when no scalar spans the offset and no flow collection holds it. */
function outsideScalarsAndFlow(doc: Document.Parsed, offset: number): boolean {
  return walk(doc, (n) => {
    const r = n.range;
    if (!r) return 'skip';
    if (!isCollection(n)) return r[0] < offset && offset < r[1] ? 'stop' : 'skip';
    if (offset < r[0] || offset > r[2]) return 'skip';
    return n.flow ? 'stop' : 'enter';
  });
}

/** The outermost node starting at an offset: a pair's key, or a list item. */
function outermostAt(doc: Document.Parsed, offset: number): Node | undefined {
  let found: Node | undefined;
  walk(doc, (n) => {
    const r = n.range;
    if (!r) return 'skip';
    if (r[0] === offset) {
      found = n;
      return 'stop';
    }
    return isCollection(n) && r[0] < offset && offset <= r[2] ? 'enter' : 'skip';
  });
  return found;
}
