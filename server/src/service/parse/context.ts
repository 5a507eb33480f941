import { commonPrefixLength, commonSuffixLength } from './commonEnds';
import type { Segment } from './path';

/**
 * Where the cursor is, read from the text's indentation rather than the AST:
 * while a key is half-typed (`    lif|`) the YAML around it does not parse as
 * what the user means (`name: a lif` folds into one scalar), but the lines'
 * indentation still says exactly which map or list item the cursor is in.
 */
export interface CursorContext {
  /** Path of the map (or list item) the cursor's key belongs to, from the document root. */
  readonly path: Segment[];
  /** Typing a key, or a value after `key: `. */
  readonly on: 'key' | 'value';
  /** For a value: the key it belongs to. */
  readonly key?: string;
  /** The partial word under the cursor: [start, end) offsets in the chunk, and its text. */
  readonly word: { readonly start: number; readonly end: number; readonly text: string };
  /** Column where a key at the cursor starts (for indenting inserted blocks). */
  readonly keyColumn: number;
  /** Keys already present in the cursor's map (above and below the cursor). */
  readonly present: ReadonlySet<string>;
  /** The cursor starts a new list item (`- |`). */
  readonly newItem: boolean;
  /** On a key that already has its colon (`na|me: x`): a completion replaces the name only. */
  readonly keyHasColon: boolean;
}

/** One line of a text, analysed; where it starts is the text's business (Lines.starts), so an unchanged line's analysis serves every version. */
interface Line {
  readonly text: string;
  /** Columns of the leading `- ` markers. */
  readonly dashes: readonly number[];
  /** Column of the first character after indentation and dashes. */
  readonly keyColumn: number;
  /** The key at keyColumn, when the line reads `key:` or `key: value`. */
  readonly key?: string;
  readonly blank: boolean;
}

/**
 * The key a line's text (after indentation and dashes) starts with, when it
 * reads `key:` or `key: value`: a quoted key, or a plain one that does not
 * start on an indicator and holds no `:` or `#`; then optional spaces, and a
 * `:` followed by a space or the line's end. In one pass: the regex this
 * replaces, /^("[^"]*"|'[^']*'|[^\s#'"{[\]}:,][^:#]*?)\s*:(?:\s|$)/, took
 * time quadratic in the line's length on a long line without a key (21 s on
 * `a`, 100,000 spaces, `b`), and completion asks on every line it walks.
 */
export function keyOf(rest: string): string | undefined {
  const first = rest[0];
  if (first === undefined) return undefined;
  let end: number;
  let colon: number;
  if (first === '"' || first === "'") {
    const close = rest.indexOf(first, 1);
    if (close < 0) return undefined;
    end = close + 1;
    colon = end;
    while (colon < rest.length && WHITE.test(rest[colon])) colon++;
    if (rest[colon] !== ':') return undefined;
  } else {
    if (NOT_KEY_START.test(first)) return undefined;
    colon = -1;
    for (let i = 1; i < rest.length; i++) {
      const c = rest.charCodeAt(i);
      if (c === 35 /* # */) return undefined;
      if (c === 58 /* : */) {
        colon = i;
        break;
      }
    }
    if (colon < 0) return undefined;
    end = colon;
    while (end > 1 && WHITE.test(rest[end - 1])) end--;
  }
  const after = rest[colon + 1];
  if (after !== undefined && !WHITE.test(after)) return undefined;
  return rest.slice(0, end).replace(/^["']|["']$/g, '');
}
const WHITE = /\s/;
const NOT_KEY_START = /[\s#'"{[\]}:,]/;
/** Completion stops this far to the right on a line (a key and a value's first word are far shorter). */
const MAX_COLUMN = 1000;

function analyse(text: string): Line {
  let i = 0;
  const dashes: number[] = [];
  for (;;) {
    while (text[i] === ' ') i++;
    if (text[i] === '-' && (text[i + 1] === ' ' || i + 1 === text.length)) {
      dashes.push(i);
      i++;
      continue;
    }
    break;
  }
  const rest = text.slice(i);
  const blank = rest.trim() === '' || rest.trimStart().startsWith('#');
  const key = keyOf(rest);
  return { text, dashes, keyColumn: i, key, blank: blank && dashes.length === 0 };
}

/**
 * A text's lines: where each starts (after each \n), and each one analysed
 * (a \r before the \n left out) when first asked for. Completion walks up
 * from the cursor to the document's root, but only lines at or left of the
 * column it is looking for can change its answer, and indentation alone
 * (`indent`) tells the others apart: in a 2,600-line Pod the first completion
 * analysed every line, 9 ms of a fresh server's 16 ms; now it analyses the
 * few dozen that matter.
 */
export class Lines {
  private readonly analysed: (Line | undefined)[];

  constructor(
    readonly text: string,
    readonly starts: readonly number[],
    analysed?: (Line | undefined)[],
  ) {
    this.analysed = analysed ?? new Array<Line | undefined>(starts.length);
  }

  get count(): number {
    return this.starts.length;
  }

  line(i: number): Line {
    return (this.analysed[i] ??= analyse(lineText(this.text, this.starts, i)));
  }

  /**
   * The number of spaces a line starts with. A line's key column is never
   * left of it, and a line's first `- ` marker, if any, is there; so a line
   * indented past a column can neither own nor share a map at that column.
   */
  indent(i: number): number {
    const text = this.text;
    const end = i + 1 < this.starts.length ? this.starts[i + 1] : text.length;
    let at = this.starts[i];
    while (at < end && text.charCodeAt(at) === 32) at++;
    return at - this.starts[i];
  }

  /** The analyses made so far, by line (holes for lines not asked about); for reuse and tests. */
  get analysedSoFar(): readonly (Line | undefined)[] {
    return this.analysed;
  }
}

/**
 * The lines of the last few texts asked about. Completion asks about the same
 * document again and again, and about one just edited: an edit's text keeps
 * the analyses of the lines the edit did not touch.
 */
const recentLines: Lines[] = [];
const RECENT = 4;

export function linesOf(text: string): Lines {
  const hit = recentLines.find((r) => r.text === text);
  if (hit) return hit;
  const lines = recentLines.length > 0 ? reanalysed(recentLines[0], text) : new Lines(text, lineStarts(text));
  recentLines.unshift(lines);
  if (recentLines.length > RECENT) recentLines.pop();
  return lines;
}

/** Every line of a text analysed, with nothing reused. */
export function analyseLines(text: string): Lines {
  const lines = new Lines(text, lineStarts(text));
  for (let i = 0; i < lines.count; i++) lines.line(i);
  return lines;
}

/** Lines end at \n only, as completion has always read them (parse/lines.ts also ends them at a lone \r, as TextDocument does). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineText(text: string, starts: readonly number[], i: number): string {
  const end = i + 1 < starts.length ? starts[i + 1] - 1 : text.length;
  return text.charCodeAt(end - 1) === 13 && end > starts[i] ? text.slice(starts[i], end - 1) : text.slice(starts[i], end);
}

/**
 * `text`'s lines from `prev`'s: the lines in the part both texts start with,
 * and those in the part both end with, keep whatever analysis they had; the
 * lines between start unanalysed.
 */
function reanalysed(prev: Lines, text: string): Lines {
  const a = prev.text;
  const p = commonPrefixLength(a, text);
  const s = commonSuffixLength(a, text, Math.min(a.length, text.length) - p);
  const starts = lineStarts(text);
  const old = prev.count;
  // Unchanged at the start: lines whose \n lies in the common start (the last line has none).
  let head = 0;
  while (head < old - 1 && prev.starts[head + 1] <= p) head++;
  // Unchanged at the end: lines from a \n in the common end to the text's end.
  let tail = 0;
  while (tail < old - head && prev.starts[old - 1 - tail] - 1 >= a.length - s) tail++;
  const before = prev.analysedSoFar;
  const analysed = new Array<Line | undefined>(starts.length);
  for (let i = 0; i < head; i++) analysed[i] = before[i];
  for (let j = 0; j < tail; j++) analysed[starts.length - tail + j] = before[old - tail + j];
  return new Lines(text, starts, analysed);
}

/**
 * The cursor context at `offset` in a document's text (one `---` chunk), or
 * undefined where no key or value is being typed (inside a flow collection,
 * after a block scalar indicator...).
 */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lines = linesOf(text);
  const starts = lines.starts;
  // The last line starting at or before the offset.
  let row = 0;
  for (let hi = lines.count - 1; row < hi; ) {
    const mid = (row + hi + 1) >> 1;
    if (starts[mid] <= offset) row = mid;
    else hi = mid - 1;
  }
  const line = lines.line(row);
  const lineStart = starts[row];
  const col = offset - lineStart;
  const before = line.text.slice(0, col);
  // The patterns below backtrack on a long line: nothing to complete that far to the right anyway.
  if (before.length > MAX_COLUMN) return undefined;
  // A tab in the indentation is a YAML error: nothing sensible to insert there.
  if (/^ *\t/.test(before)) return undefined;
  if (before.includes('#') && !/["']/.test(before)) return undefined;
  if (/[{[]/.test(before)) return undefined;

  const keyTyping = /^(\s*(?:-\s+)*)([^\s:#-][^\s:#]*|)$/.exec(before);
  const valueTyping = /^(\s*(?:-\s+)*)([^\s:#][^:#]*?)\s*:\s+([^\s#]*)$/.exec(before);
  let on: 'key' | 'value';
  let keyColumn: number;
  let wordStart: number;
  let key: string | undefined;
  if (valueTyping) {
    on = 'value';
    keyColumn = valueTyping[1].length;
    key = valueTyping[2].replace(/^["']|["']$/g, '');
    wordStart = col - valueTyping[3].length;
  } else if (keyTyping) {
    on = 'key';
    keyColumn = keyTyping[1].length;
    wordStart = keyColumn;
  } else {
    return undefined;
  }
  let wordEnd = col;
  while (wordEnd < line.text.length && /[^\s:#,\]}]/.test(line.text[wordEnd])) wordEnd++;
  const word = { start: lineStart + wordStart, end: lineStart + wordEnd, text: line.text.slice(wordStart, col) };
  const cursorDashes = (on === 'key' ? keyTyping![1] : valueTyping![1]).length > 0 ? dashColumns(line.text) : [];
  const newItem = on === 'key' && cursorDashes.length > 0 && line.text.slice(keyColumn).trim() === word.text;
  const keyHasColon = on === 'key' && /^[ \t]*:(?:[ \t]|$)/.test(line.text.slice(wordEnd));

  // Walk up the lines: first the cursor's own map, then its owners.
  const path: Segment[] = [];
  const present = new Set<string>();
  let state: { kind: 'map'; col: number } | { kind: 'seq'; col: number; index: number } =
    cursorDashes.length > 0 ? { kind: 'seq', col: cursorDashes[cursorDashes.length - 1], index: 0 } : { kind: 'map', col: keyColumn };
  if (state.kind === 'map') collectSiblings(lines, row, keyColumn, present);
  for (let r = row - 1; r >= 0; r--) {
    // Indented past the column looked for: neither owner nor list item of ours (Lines.indent).
    if (lines.indent(r) > state.col) continue;
    const l = lines.line(r);
    if (l.blank || l.text.startsWith('---')) continue;
    if (state.kind === 'map') {
      if (l.keyColumn > state.col) continue;
      if (l.keyColumn === state.col) {
        const dash = l.dashes.length > 0 ? l.dashes[l.dashes.length - 1] : undefined;
        if (dash !== undefined && dash < state.col) state = { kind: 'seq', col: dash, index: 0 };
        continue;
      }
      if (!l.key) return undefined;
      path.unshift(l.key);
      state = enter(l);
    } else {
      const dash = l.dashes.length > 0 ? l.dashes[0] : undefined;
      if (dash === state.col) {
        state.index++;
        continue;
      }
      if (l.keyColumn > state.col) continue;
      if (!l.key) return undefined;
      path.unshift(state.index);
      path.unshift(l.key);
      state = enter(l);
    }
  }
  if (state.kind === 'seq') path.unshift(state.index);
  return { path, on, key, word, keyColumn, present, newItem, keyHasColon };
}

/** After taking a line's key as owner: we are in that line's map; if the line is a list item, in its item. */
function enter(l: Line): { kind: 'map'; col: number } | { kind: 'seq'; col: number; index: number } {
  const dash = l.dashes.length > 0 ? l.dashes[l.dashes.length - 1] : undefined;
  return dash !== undefined ? { kind: 'seq', col: dash, index: 0 } : { kind: 'map', col: l.keyColumn };
}

function dashColumns(text: string): number[] {
  return analyse(text).dashes.slice();
}

/** Keys of the cursor's map: lines at the same column, up and down, until the map ends. */
function collectSiblings(lines: Lines, row: number, col: number, present: Set<string>): void {
  for (const step of [-1, 1]) {
    for (let r = row + step; r >= 0 && r < lines.count; r += step) {
      if (lines.indent(r) > col) continue;
      const l = lines.line(r);
      if (l.blank) continue;
      if (l.text.startsWith('---')) break;
      if (l.keyColumn < col) break;
      if (l.keyColumn === col && l.key) {
        // Below us, a dash starts the next list item: another map.
        if (step === 1 && l.dashes.length > 0) break;
        present.add(l.key);
        // Above us, a dash marks the first key of our own list item: the map starts there.
        if (step === -1 && l.dashes.length > 0) break;
      }
    }
  }
}
