import { Document, isAlias, isCollection, isDocument, isMap, isPair, isScalar, isSeq, Node, parseDocument, Scalar } from 'yaml';

/**
 * Typing inside one plain scalar of a large `---` document (an image name, a
 * port, a key being written) without re-parsing the document: the parser
 * needs about 45 ms for a 2,600-line Pod here, while this takes a walk over
 * the node ranges. It applies only where the result is certain to equal a
 * fresh parse of the new text, and says no otherwise (the caller parses):
 *
 * - the old AST has no errors or warnings, and the edit neither adds nor
 *   removes a line break;
 * - the edit lies inside (or at either end of) one single-line plain scalar
 *   with no tag and no anchor, in a block collection;
 * - the scalar's new text is a plain scalar on its own: it does not start
 *   with an indicator or a document marker, has no `: `, ` #`, tab, flow
 *   indicator or outer space, and parses alone to one plain scalar.
 *
 * The new scalar (its value typed as a parse would type it: `80` a number,
 * `true` a boolean) replaces the old one, and every range after the edit
 * moves by the length difference. Duplicate keys are the caller's to check
 * again (a key may have been renamed).
 */
export function patchScalarEdit(doc: Document.Parsed, oldText: string, newText: string): boolean {
  if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
  // The edit: old [from, oldEnd) became new [from, newEnd).
  let from = 0;
  const minLength = Math.min(oldText.length, newText.length);
  while (from < minLength && oldText.charCodeAt(from) === newText.charCodeAt(from)) from++;
  let oldEnd = oldText.length;
  let newEnd = newText.length;
  while (oldEnd > from && newEnd > from && oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  if (from === oldText.length && from === newText.length) return false;
  if (hasBreak(oldText, from, oldEnd) || hasBreak(newText, from, newEnd)) return false;

  const found = scalarAt(doc, from, oldEnd);
  if (!found) return false;
  const { scalar, parent, ancestors, replace } = found;
  const [start, valueEnd, nodeEnd] = scalar.range!;
  if (scalar.type !== 'PLAIN' || scalar.tag || scalar.anchor || (isCollection(parent) && parent.flow)) return false;
  if (hasBreak(oldText, start, valueEnd)) return false;
  const delta = newEnd - oldEnd;
  const source = newText.slice(start, valueEnd + delta);
  if (!isSafePlain(source)) return false;
  const alone = parseDocument(source, { prettyErrors: false, strict: false, uniqueKeys: false });
  const fresh = alone.contents;
  if (alone.errors.length > 0 || alone.warnings.length > 0 || !isScalar(fresh) || fresh.type !== 'PLAIN' || fresh.tag || fresh.source !== source) return false;

  shiftRanges(doc, oldEnd, delta, ancestors);
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
  // An explicit walk down the tree: no recursion, however deep the document.
  for (;;) {
    if (isScalar(node)) return contains(node) ? { scalar: node, parent, ancestors, replace } : undefined;
    if (!isCollection(node) || !contains(node)) return undefined;
    let next: { node: unknown; replace: (s: Scalar) => void } | undefined;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (contains(pair.key)) next = { node: pair.key, replace: (s) => (pair.key = s) };
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
  }
}

/**
 * Moves the ranges behind the edit (which ended at `at` in the old text) by
 * `delta`: offsets after `at` move. Right at `at`, the collections holding
 * the scalar end with it and move their ends, not their starts (typing at the
 * start of a document's first key); any other node ending there ends before
 * the edit (typing at the start of the next key), and any other node starting
 * there starts after it.
 */
function shiftRanges(doc: Document.Parsed, at: number, delta: number, ancestors: ReadonlySet<unknown>): void {
  const move = (r: [number, number, number] | null | undefined, holds: boolean) => {
    if (!r) return;
    if (r[0] > at || (r[0] === at && !holds)) r[0] += delta;
    if (r[1] > at || (r[1] === at && holds)) r[1] += delta;
    if (r[2] > at || (r[2] === at && holds)) r[2] += delta;
  };
  move(doc.range, true);
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isPair(n)) {
      stack.push(n.key, n.value);
    } else if (isScalar(n) || isAlias(n)) {
      move(n.range, false);
    } else if (isCollection(n)) {
      move(n.range, ancestors.has(n));
      for (const item of n.items) stack.push(item);
    } else if (isDocument(n)) {
      stack.push(n.contents);
    }
  }
}
