import { Document, isScalar, type Node, type Pair, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { newScalar, prepareNodes } from './fastNodes';
import { unescapeDouble, unfold } from './scalarText';
import { OPTIONS } from './yamlOptions';

/**
 * The fast parser's base (fastYaml.ts has the whole story): the text's line
 * tables, the scalars (plain, quoted, over lines, block) built as `yaml`
 * builds them, and the helpers the block and flow parts share. A document
 * this cannot take is given up with bail(), and the caller parses it with
 * `yaml`.
 */

/** Collections nested deeper than this are left to `yaml` (which reports its own limit): the parser recurses per level. */
export const MAX_DEPTH = 200;

export const BLANK = 0;
export const COMMENT = 1;
export const CONTENT = 2;

export const SPACE = 32;
export const HASH = 35;
export const COLON = 58;
export const DASH = 45;

/** Thrown to give up on a document; the caller parses it with `yaml`. */
class Unsupported {}
export const UNSUPPORTED = new Unsupported();
/** Why the last document was left to `yaml`, for tests and measurements. */
export let lastUnsupported = '';
export function bail(reason: string): never {
  noteUnsupported(reason);
  throw UNSUPPORTED;
}
export function noteUnsupported(reason: string): void {
  lastUnsupported = reason;
}

type Tag = { default?: unknown; test?: RegExp; resolve: (value: string, onError: (message: string) => void, options: unknown) => unknown; format?: string };

let template: { tags: Tag[]; options: unknown } | undefined;
function schemaTags(): { tags: Tag[]; options: unknown } {
  if (!template) {
    const doc = new Document(undefined, OPTIONS);
    template = { tags: (doc.schema.tags as unknown as Tag[]).filter((t) => t.default === true && t.test), options: doc.options };
  }
  return template;
}

/** Characters no plain scalar may start with (YAML indicators), checked separately for `-`, `?`, `:`. */
export const INDICATOR = new Set('!&*|>\'"%@`,[]{}#'.split('').map((c) => c.charCodeAt(0)));

/** Control characters, tabs, CR, BOM, and the other characters that lead `yaml` into paths this parser does not take. */
export const UNSUPPORTED_CHARS = /[\x00-\x09\x0b-\x1f\x7f\ufeff\u0085\u2028\u2029]/;

/** The offset of the quote that closes the quoted scalar opening at `q` (skipping `\"` in double quotes, `''` in single ones), or -1. */
export function closingQuote(text: string, q: number): number {
  if (text.charCodeAt(q) === 34) {
    for (let close = text.indexOf('"', q + 1); close >= 0; close = text.indexOf('"', close + 1)) {
      let slashes = 0;
      while (text.charCodeAt(close - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) return close;
    }
    return -1;
  }
  let close = text.indexOf("'", q + 1);
  while (close >= 0 && text.charCodeAt(close + 1) === 39) close = text.indexOf("'", close + 2);
  return close;
}

export interface Value {
  node: Scalar | YAMLSeq;
  /** True when `yaml` keeps the value's line-end tokens (so an indented comment after it extends its end). */
  hasEnd: boolean;
}

/**
 * Sets a node's range: in place when it has one, as every scalar does from
 * plain() or scalar(), which give each node its own array; a flow collection
 * gets its first here. Most scalars get their final range from their caller,
 * and a second array for each was a tenth of what parsing big-multidoc
 * allocated.
 */
export function setRange(node: Node, start: number, valueEnd: number, nodeEnd: number): void {
  const range = node.range;
  if (range) {
    range[0] = start;
    range[1] = valueEnd;
    range[2] = nodeEnd;
  } else node.range = [start, valueEnd, nodeEnd];
}

/** The text's line tables and the scalar builders; FastFlow adds flow collections, FastParser (fastYaml.ts) the block structure. */
export abstract class FastText {
  protected readonly n: number;
  /** Lines in the text; per line, where it starts and ends, its indentation and its kind. */
  protected readonly lines: number;
  protected readonly starts: Int32Array;
  protected readonly ends: Int32Array;
  protected readonly indents: Int32Array;
  protected readonly kinds: Uint8Array;
  protected line = 0;
  protected readonly tags: Tag[];
  protected readonly tagOptions: unknown;

  constructor(protected readonly text: string) {
    this.n = text.length;
    prepareNodes();
    const t = schemaTags();
    this.tags = t.tags;
    this.tagOptions = t.options;
    const n = text.length;
    // Counted first, so that the tables are made once at their size (typed arrays: no growing, no garbage).
    let lines = 0;
    for (let nl = text.indexOf('\n'); nl >= 0 && nl < n - 1; nl = text.indexOf('\n', nl + 1)) lines++;
    if (n > 0) lines++;
    this.lines = lines;
    this.starts = new Int32Array(lines);
    this.ends = new Int32Array(lines);
    this.indents = new Int32Array(lines);
    this.kinds = new Uint8Array(lines);
    let pos = 0;
    for (let l = 0; l < lines; l++) {
      const nl = text.indexOf('\n', pos);
      const end = nl < 0 ? n : nl;
      let i = pos;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      this.starts[l] = pos;
      this.ends[l] = end;
      this.indents[l] = i - pos;
      this.kinds[l] = i === end ? BLANK : text.charCodeAt(i) === HASH ? COMMENT : CONTENT;
      pos = nl + 1;
    }
  }

  /** Offset after line `l` and its line break. */
  protected next(l: number): number {
    const e = this.ends[l];
    return e < this.n ? e + 1 : e;
  }

  protected contentStart(l: number): number {
    return this.starts[l] + this.indents[l];
  }

  /** The index of the line holding offset `at`, from the current line on. */
  protected lineOf(at: number): number {
    let l = this.line;
    while (this.ends[l] < at) l++;
    return l;
  }

  /** After a value: only spaces, then a comment (after at least one space) or the line's end. */
  protected lineEnd(from: number, end: number): void {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (i < end && (this.text.charCodeAt(i) !== HASH || i === from)) bail('text after a value');
  }

  /**
   * Whether a plain scalar may start at `at` (block context): not on an
   * indicator, nor on `-`, `?` or `:` followed by a space or the line's end.
   */
  protected plainStarts(at: number, end: number): boolean {
    const c = this.text.charCodeAt(at);
    if (INDICATOR.has(c)) return false;
    return !((c === DASH || c === 63 /* ? */ || c === COLON) && (at + 1 >= end || this.text.charCodeAt(at + 1) === SPACE));
  }

  /**
   * A plain scalar resolved by the core schema's tags, as yaml's composer
   * resolves it. Properties are added in the composer's order (value, range,
   * source, type, format), so all these nodes share one hidden class (their
   * prototype sets them apart from yaml's own: fastNodes.ts); callers replace
   * the provisional range.
   */
  protected plain(from: number, to: number, folded?: string): Scalar {
    const source = folded ?? this.text.slice(from, to);
    let node: Scalar | undefined;
    let format: string | undefined;
    const c = source.charCodeAt(0);
    // Letters other than those that start null, true, false: always a string.
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) || 'nNtTfF'.includes(source[0])) {
      for (const tag of this.tags) {
        if (!tag.test!.test(source)) continue;
        const resolved = tag.resolve(source, () => bail('scalar resolution'), this.tagOptions);
        node = isScalar(resolved) ? (resolved as Scalar) : newScalar(resolved);
        format = tag.format;
        break;
      }
    }
    node ??= newScalar(source);
    node.range = [from, to, to];
    node.source = source;
    node.type = Scalar.PLAIN;
    if (format) node.format = format;
    return node;
  }

  /** A scalar whose value needs no resolving (quoted, block, empty), built in yaml's property order. */
  protected scalar(value: string | null, source: string, type: Scalar.Type, from: number, to: number): Scalar {
    const node = newScalar(value);
    node.range = [from, to, to];
    node.source = source;
    node.type = type;
    return node;
  }

  /**
   * A single- or double-quoted scalar opening at `q`, on one line or more;
   * continuation lines must be blank or indented deeper than `threshold`
   * (when it is not negative). Values are unescaped and folded as `yaml` does;
   * an escape `yaml` would reject is left to it.
   */
  protected quoted(q: number, threshold: number): { node: Scalar; end: number } {
    const text = this.text;
    const double = text.charCodeAt(q) === 34;
    const close = closingQuote(text, q);
    if (close < 0) bail('unclosed quote');
    let multiLine = false;
    for (let l = this.lineOf(q); this.ends[l] < close; ) {
      l++;
      multiLine = true;
      if (threshold >= 0 && this.ends[l] !== this.starts[l] + this.indents[l] && this.indents[l] <= threshold) bail('quoted scalar indentation');
    }
    const inner = text.slice(q + 1, close);
    let value: string;
    if (double) value = unescapeDouble(inner, () => bail('double-quoted escape'));
    else value = (multiLine ? unfold(inner) : inner).replace(/''/g, "'");
    const node = this.scalar(value, value, double ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, q, close + 1);
    return { node, end: close + 1 };
  }

  /** A plain scalar over lines, folded as YAML does: a line break is a space, each blank line a line break. */
  protected multiLinePlain(q: number, firstEnd: number, lastLine: number): Value {
    const text = this.text;
    let value = text.slice(q, firstEnd);
    let sep = ' ';
    for (let i = this.line + 1; i <= lastLine; i++) {
      if (this.kinds[i] === BLANK) {
        if (sep === '\n') value += sep;
        else sep = '\n';
        continue;
      }
      const from = this.contentStart(i);
      const end = this.ends[i];
      let last = from;
      for (let e = from; e < end; e++) {
        const ch = text.charCodeAt(e);
        if (ch === SPACE) {
          if (text.charCodeAt(e + 1) === HASH) bail('comment after a multi-line scalar');
          continue;
        }
        if (ch === COLON && (e + 1 >= end || text.charCodeAt(e + 1) === SPACE)) bail('": " in a plain scalar');
        last = e + 1;
      }
      value += sep + text.slice(from, last);
      sep = ' ';
      if (i === lastLine) {
        const node = this.plain(q, last, value);
        setRange(node, q, last, this.next(i));
        this.line = i + 1;
        return { node, hasEnd: true };
      }
    }
    return bail('multi-line scalar');
  }

  /**
   * `|` or `>` with an optional `-` (strip) and no indentation indicator, on
   * lines indented more than the collection; trailing blank lines stay out of
   * it. Folded scalars with more-indented lines are left to `yaml`.
   */
  protected blockScalar(q: number, indent: number): Scalar {
    const text = this.text;
    const l = this.line;
    const literal = text.charCodeAt(q) === 124;
    let h = q + 1;
    let strip = false;
    if (text.charCodeAt(h) === DASH) {
      strip = true;
      h++;
    }
    if (h !== this.ends[l]) bail('block scalar header');
    const lines = this.lines;
    let i = l + 1;
    let contentIndent = -1;
    let lastContent = -1;
    for (; i < lines; i++) {
      const blank = this.ends[i] === this.starts[i] + this.indents[i];
      if (blank) {
        if (contentIndent < 0 ? this.indents[i] > 0 : this.indents[i] > contentIndent) bail('block scalar blank line');
        continue;
      }
      if (contentIndent < 0) {
        if (this.indents[i] <= indent) break;
        contentIndent = this.indents[i];
      } else if (this.indents[i] < contentIndent) break;
      lastContent = i;
    }
    if (lastContent < 0) bail('empty block scalar');
    const parts: string[] = [];
    for (let k = l + 1; k <= lastContent; k++) {
      parts.push(this.ends[k] === this.starts[k] + this.indents[k] ? '' : text.slice(this.starts[k] + contentIndent, this.ends[k]));
    }
    let value: string;
    if (literal) value = parts.join('\n');
    else {
      // Folding as yaml's resolveBlockScalar does it: a line break between two lines is a space, each empty
      // line a line break (those before the first line too), and the breaks around a more-indented line stay.
      value = '';
      let sep = '';
      let moreIndentedBefore = false;
      for (const part of parts) {
        if (part === '') {
          if (sep === '\n') value += '\n';
          else sep = '\n';
        } else if (part.charCodeAt(0) === SPACE) {
          if (sep === ' ') sep = '\n';
          else if (!moreIndentedBefore && sep === '\n') sep = '\n\n';
          value += sep + part;
          sep = '\n';
          moreIndentedBefore = true;
        } else {
          value += sep + part;
          sep = ' ';
          moreIndentedBefore = false;
        }
      }
    }
    if (!strip) value += '\n';
    const endOffset = this.next(lastContent);
    const node = this.scalar(value, value, literal ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED, q, endOffset);
    this.line = lastContent + 1;
    return node;
  }

  /**
   * Whether the map already has this key. Documents with duplicate keys are
   * left to `yaml` and the duplicate-key check in documents.ts, so that a
   * document this parser returns needs no such check. Keys compare by value,
   * as that check does; maps are small, so a scan beats a Set until they are not.
   */
  protected duplicate(map: YAMLMap, key: unknown): boolean {
    const items = map.items as Pair<Scalar>[];
    if (items.length < 24) {
      for (const item of items) if (item.key.value === key) return true;
      return false;
    }
    let keys = this.keySets.get(map);
    if (!keys) {
      keys = new Set(items.map((item) => item.key.value));
      this.keySets.set(map, keys);
    }
    if (keys.has(key)) return true;
    keys.add(key);
    return false;
  }

  protected readonly keySets = new Map<YAMLMap, Set<unknown>>();
}
