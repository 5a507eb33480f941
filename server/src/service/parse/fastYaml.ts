import { Document, isScalar, type Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { newMap, newPair, newScalar, newSeq, prepareNodes } from './fastNodes';
import { unescapeDouble, unfold } from './scalarText';
import { OPTIONS } from './yamlOptions';

/**
 * A fast parser for the YAML that Kubernetes manifests are written in: block
 * maps and sequences, plain and quoted scalars (over lines too), literal and
 * folded block scalars, flow sequences and maps of any depth (JSON-style
 * documents too), blank lines and comments. It builds the same AST as the
 * `yaml` package's `parseDocument` (node classes, values resolved by yaml's
 * own core-schema tags, types, formats, sources, every node's three-offset
 * range, blank-line marks, the document's range and `---` mark) three to
 * eight times faster, because it reads lines instead of running a general
 * lexer, CST parser and composer.
 *
 * It returns `undefined` for anything else (anchors, aliases, tags, explicit
 * keys, block-map keys quoted over lines, block scalars with keep chomping or an
 * indentation indicator, tabs, CR line breaks, directives, bad indentation,
 * duplicate keys, nesting deeper than MAX_DEPTH, any text the `yaml` package
 * would report an error or warning for), and the caller parses the document
 * with `yaml` instead. So a document this parser accepts has no YAML errors,
 * and one it does not accept gets `yaml`'s messages.
 *
 * Not reproduced: comments (`comment`, `commentBefore`), which no feature
 * reads. Everything else is held to `yaml`'s output node for node by
 * test/unit/fastYaml.test.ts over the corpus and generated documents.
 *
 * How `yaml` places blank and comment lines, which this mirrors because it
 * moves nodes' end offsets: a comment line more indented than the innermost
 * open collection, right after a scalar or flow value (blank lines between
 * allowed), extends that value's end. Other blank and comment lines after an
 * item wait for the next content line. If it continues the collection, they
 * precede the next item (a blank first line marks the item `spaceBefore`).
 * If it closes the collection, they stay in it (extending its end up to the
 * next content line's indentation) when the collection is indented and one
 * of the comments is at least as indented as it; otherwise they pass to the
 * enclosing collection, which applies the same rule, up to the document.
 */

/** Collections nested deeper than this are left to `yaml` (which reports its own limit): the parser recurses per level. */
const MAX_DEPTH = 200;

const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Thrown to give up on a document; the caller parses it with `yaml`. */
class Unsupported {}
const UNSUPPORTED = new Unsupported();
/** Why the last document was left to `yaml`, for tests and measurements. */
export let lastUnsupported = '';
function bail(reason: string): never {
  lastUnsupported = reason;
  throw UNSUPPORTED;
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
const INDICATOR = new Set('!&*|>\'"%@`,[]{}#'.split('').map((c) => c.charCodeAt(0)));

/** Control characters, tabs, CR, BOM, and the other characters that lead `yaml` into paths this parser does not take. */
const UNSUPPORTED_CHARS = /[\x00-\x09\x0b-\x1f\x7f\ufeff\u0085\u2028\u2029]/;

/** The offset of the quote that closes the quoted scalar opening at `q` (skipping `\"` in double quotes, `''` in single ones), or -1. */
function closingQuote(text: string, q: number): number {
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

interface Value {
  node: Scalar | YAMLSeq;
  /** True when `yaml` keeps the value's line-end tokens (so an indented comment after it extends its end). */
  hasEnd: boolean;
}

interface Closed {
  node: YAMLMap | YAMLSeq;
  /** Blank and comment lines after the collection that pass to the enclosing one. */
  leftover: number[];
}

class FastParser {
  private readonly n: number;
  /** Lines in the text; per line, where it starts and ends, its indentation and its kind. */
  private readonly lines: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly indents: Int32Array;
  private readonly kinds: Uint8Array;
  private line = 0;
  /** The document the nodes are built for. */
  private readonly doc = new Document(undefined, OPTIONS) as Document.Parsed;
  private readonly tags: Tag[];
  private readonly tagOptions: unknown;

  constructor(private readonly text: string) {
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
  private next(l: number): number {
    const e = this.ends[l];
    return e < this.n ? e + 1 : e;
  }

  private contentStart(l: number): number {
    return this.starts[l] + this.indents[l];
  }

  parse(): Document.Parsed {
    const lines = this.lines;
    let l = 0;
    let docStart = false;
    if (lines > 0 && this.text.startsWith('---')) {
      const rest = this.text.slice(3, this.ends[0]);
      if (rest.trim() !== '') bail('content after ---');
      docStart = true;
      l = 1;
    }
    for (let i = l; i < lines; i++) {
      if (this.kinds[i] !== CONTENT || this.indents[i] !== 0) continue;
      const c = this.text.charCodeAt(this.starts[i]);
      if (c === 37 /* % */ || ((c === DASH || c === 46) && /^(?:---|\.\.\.)(?:[ \n]|$)/.test(this.text.slice(this.starts[i], this.starts[i] + 4)))) bail('directive or document marker');
    }
    const before: number[] = [];
    while (l < lines && this.kinds[l] !== CONTENT) before.push(l++);
    if (l >= lines) bail('no content');
    this.line = l;
    const first = this.text.charCodeAt(this.contentStart(l));
    const topFlow = first === 91 || first === 123;
    const closed: Closed = topFlow
      ? { node: this.blockFlow(this.contentStart(l), -1), leftover: this.trivia(undefined, -1) }
      : this.collection(this.indents[l], this.startsSeq(l));
    // Without `---`, the lines before the content are outside the document (yaml's prelude).
    if (docStart && before.length > 0 && this.kinds[before[0]] === BLANK) closed.node.spaceBefore = true;
    if (this.line < lines) bail('content after the top collection');
    const doc = this.doc;
    if (docStart) doc.directives!.docStart = true;
    doc.contents = closed.node as Document.Parsed['contents'];
    const contentEnd = closed.node.range![2];
    // After a top-level flow collection, yaml's document ends with the next line break; the lines after it are outside.
    const end = closed.leftover.length === 0 ? contentEnd : topFlow ? this.next(closed.leftover[0]) : this.n;
    doc.range = [docStart ? 0 : this.starts[l], contentEnd, end];
    return doc;
  }

  /** Whether content line `l` is a block sequence item (`-` then a space or the line's end). */
  private startsSeq(l: number): boolean {
    const at = this.contentStart(l);
    if (this.text.charCodeAt(at) !== DASH) return false;
    const c = this.text.charCodeAt(at + 1);
    return at + 1 >= this.ends[l] || c === SPACE;
  }

  private collection(indent: number, seq: boolean, firstKeyAt?: number): Closed {
    if (++this.depth > MAX_DEPTH) bail('nesting too deep');
    try {
      return seq ? this.sequence(indent) : this.map(indent, firstKeyAt);
    } finally {
      this.depth--;
    }
  }
  private depth = 0;

  /**
   * The lines after a finished item up to the next content line: blank and
   * comment lines, less the comments a scalar or flow value takes into its end.
   */
  private trivia(value: Value | undefined, indent: number): number[] {
    const pending: number[] = [];
    let onlyBlank = true;
    const lines = this.lines;
    while (this.line < lines && this.kinds[this.line] !== CONTENT) {
      const l = this.line++;
      if (this.kinds[l] === BLANK) {
        pending.push(l);
        continue;
      }
      if (value && value.hasEnd && onlyBlank && this.indents[l] > indent) {
        value.node.range![2] = this.next(l);
        pending.length = 0;
        continue;
      }
      pending.push(l);
      onlyBlank = false;
    }
    return pending;
  }

  /**
   * Closing a collection at `indent`: its waiting blank and comment lines stay
   * in it (returns the new end) or pass on (returns undefined).
   */
  private keeps(indent: number, pending: number[]): number | undefined {
    if (indent === 0) return undefined;
    for (const l of pending) {
      if (this.kinds[l] === COMMENT && this.indents[l] >= indent) return this.line < this.lines ? this.contentStart(this.line) : this.n;
    }
    return undefined;
  }

  private close(node: YAMLMap | YAMLSeq, start: number, indent: number, offset: number, pending: number[]): Closed {
    const kept = this.keeps(indent, pending);
    node.range = [start, offset, kept ?? offset];
    return { node, leftover: kept === undefined ? pending : [] };
  }

  private sequence(indent: number): Closed {
    const seq = newSeq();
    const start = this.contentStart(this.line);
    let offset = start;
    let spaceBefore = false;
    for (;;) {
      const l = this.line;
      const text = this.text;
      const end = this.ends[l];
      let q = this.contentStart(l) + 1;
      while (q < end && text.charCodeAt(q) === SPACE) q++;
      if (q >= end || text.charCodeAt(q) === HASH) bail('empty sequence item');
      let pending: number[];
      if (this.keyColon(q, end) >= 0) {
        const inner = this.collection(q - this.starts[l], false, q);
        if (spaceBefore) inner.node.spaceBefore = true;
        seq.items.push(inner.node);
        offset = inner.node.range![2];
        pending = inner.leftover;
      } else {
        if (text.charCodeAt(q) === DASH && (q + 1 >= end || text.charCodeAt(q + 1) === SPACE)) bail('nested sequence on one line');
        const value = this.inlineValue(q, indent);
        if (spaceBefore) value.node.spaceBefore = true;
        seq.items.push(value.node);
        pending = this.trivia(value, indent);
        offset = value.node.range![2];
      }
      if (this.line >= this.lines) return this.close(seq, start, indent, offset, pending);
      const at = this.indents[this.line];
      if (at > indent) bail('multi-line scalar in a sequence');
      if (at < indent || !this.startsSeq(this.line)) return this.close(seq, start, indent, offset, pending);
      spaceBefore = pending.length > 0 && this.kinds[pending[0]] === BLANK;
    }
  }

  /**
   * Whether a plain scalar may start at `at` (block context): not on an
   * indicator, nor on `-`, `?` or `:` followed by a space or the line's end.
   */
  private plainStarts(at: number, end: number): boolean {
    const c = this.text.charCodeAt(at);
    if (INDICATOR.has(c)) return false;
    return !((c === DASH || c === 63 /* ? */ || c === COLON) && (at + 1 >= end || this.text.charCodeAt(at + 1) === SPACE));
  }

  /**
   * The offset of the `:` that ends a key starting at `at`, or -1. A plain
   * key holding ` #` or starting on an indicator is not taken; a quoted key
   * must close on its line.
   */
  private keyColon(at: number, end: number): number {
    const text = this.text;
    const first = text.charCodeAt(at);
    if (first === 34 /* " */ || first === 39 /* ' */) {
      const close = closingQuote(text, at);
      if (close < 0 || close >= end) return -1;
      let i = close + 1;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      return i < end && text.charCodeAt(i) === COLON && (i + 1 >= end || text.charCodeAt(i + 1) === SPACE) ? i : -1;
    }
    if (!this.plainStarts(at, end)) return -1;
    for (let i = at; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON) {
        if (i + 1 >= end || text.charCodeAt(i + 1) === SPACE) return i;
      } else if (ch === HASH && text.charCodeAt(i - 1) === SPACE) return -1;
    }
    return -1;
  }

  private map(indent: number, firstKeyAt?: number): Closed {
    const map = newMap();
    const text = this.text;
    let keyAt = firstKeyAt ?? this.contentStart(this.line);
    const start = keyAt;
    let offset = start;
    let keySpaceBefore = false;
    for (;;) {
      const l = this.line;
      const end = this.ends[l];
      const colon = this.keyColon(keyAt, end);
      if (colon < 0) bail('not a key');
      const first = text.charCodeAt(keyAt);
      let key: Scalar;
      if (first === 34 || first === 39) {
        // yaml's range for a quoted key ends at its closing quote, spaces before the `:` left out.
        key = this.quoted(keyAt, -1).node;
      } else {
        // Spaces before the `:` (`limits :`, in real manifests) are not the key's.
        let keyEnd = colon;
        while (text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
        key = this.plain(keyAt, keyEnd);
      }
      if (keySpaceBefore) key.spaceBefore = true;
      let q = colon + 1;
      while (q < end && text.charCodeAt(q) === SPACE) q++;
      let pending: number[];
      let forcedSpaceBefore = false;
      let value: Scalar | YAMLMap | YAMLSeq;
      if (q < end && text.charCodeAt(q) !== HASH) {
        const inline = this.inlineValue(q, indent);
        value = inline.node;
        pending = this.trivia(inline, indent);
      } else {
        const lineComment = q < end;
        this.line = l + 1;
        const sep: number[] = [];
        const lines = this.lines;
        while (this.line < lines && this.kinds[this.line] !== CONTENT) sep.push(this.line++);
        const c = this.line;
        if (c < lines && (this.indents[c] > indent || (this.indents[c] === indent && this.startsSeq(c)))) {
          const nested = this.collection(this.indents[c], this.startsSeq(c));
          if (!lineComment && sep.length > 0 && this.kinds[sep[0]] === BLANK) nested.node.spaceBefore = true;
          value = nested.node;
          pending = nested.leftover;
        } else {
          let nextSpaceBefore: boolean;
          ({ value, nextSpaceBefore } = this.emptyValue(colon, l, lineComment, sep, indent));
          // Lines that stayed with the scalar are not waiting for the next item; a split leaves a line break that is.
          pending = [];
          forcedSpaceBefore = nextSpaceBefore;
        }
      }
      if (this.duplicate(map, key.value)) bail('duplicate key');
      map.items.push(newPair(key, value));
      offset = value.range![2];
      if (this.line >= this.lines) return this.close(map, start, indent, offset, pending);
      const at = this.indents[this.line];
      if (at > indent) bail('multi-line scalar or bad indentation');
      if (at < indent) return this.close(map, start, indent, offset, pending);
      if (this.startsSeq(this.line)) bail('sequence item after a map value');
      keyAt = this.contentStart(this.line);
      keySpaceBefore = forcedSpaceBefore || (pending.length > 0 && this.kinds[pending[0]] === BLANK);
    }
  }

  /**
   * Whether the map already has this key. Documents with duplicate keys are
   * left to `yaml` and the duplicate-key check in documents.ts, so that a
   * document this parser returns needs no such check. Keys compare by value,
   * as that check does; maps are small, so a scan beats a Set until they are not.
   */
  private duplicate(map: YAMLMap, key: unknown): boolean {
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
  private readonly keySets = new Map<YAMLMap, Set<unknown>>();

  /**
   * `key:` with nothing under it: a null scalar right after the `:` and its
   * spaces. When the next key follows at this indentation, `yaml` hands the
   * lines from the second line break on (counted again after each comment
   * more indented than the map) to that key, which then counts as preceded by
   * a blank line. If a comment stays with the scalar, its end reaches to the
   * last token that stays.
   */
  private emptyValue(colon: number, keyLine: number, lineComment: boolean, sep: number[], indent: number): { value: Scalar; nextSpaceBefore: boolean } {
    const text = this.text;
    let p = colon + 1;
    while (p < this.ends[keyLine] && text.charCodeAt(p) === SPACE) p++;
    const value = this.scalar(null, '', Scalar.PLAIN, p, p);
    const atNextKey = this.line < this.lines && this.indents[this.line] === indent;
    // The sep line whose line break is the second one since the last reset (the key line's own break is the first).
    let split = -1;
    if (atNextKey) {
      let breaks = 1;
      for (let i = 0; i < sep.length; i++) {
        const l = sep[i];
        if (this.kinds[l] === COMMENT && this.indents[l] > indent) {
          breaks = 0;
          split = -1;
        }
        if (++breaks === 2) split = i;
      }
    }
    let comment = lineComment;
    const staying = split >= 0 ? split + 1 : sep.length;
    for (let i = 0; i < staying; i++) if (this.kinds[sep[i]] === COMMENT) comment = true;
    let end = p;
    if (comment) end = split >= 0 ? this.ends[sep[split]] : this.line < this.lines ? this.contentStart(this.line) : this.n;
    setRange(value, p, p, end);
    // A blank line right under the key (its line break staying) marks the scalar, as it would a nested value.
    if (!lineComment && sep.length > 0 && this.kinds[sep[0]] === BLANK && this.ends[sep[0]] < this.n && split !== 0) value.spaceBefore = true;
    return { value, nextSpaceBefore: split >= 0 };
  }

  /** A value that starts on the current line at `q`: a scalar, a block scalar or a flow sequence. */
  private inlineValue(q: number, indent: number): Value {
    const text = this.text;
    const l = this.line;
    const end = this.ends[l];
    const c = text.charCodeAt(q);
    let node: Scalar | YAMLSeq;
    let valueEnd: number;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const quoted = this.quoted(q, indent);
      const last = this.lineOf(quoted.end - 1);
      this.lineEnd(quoted.end, this.ends[last]);
      setRange(quoted.node, q, quoted.end, this.next(last));
      this.line = last + 1;
      return { node: quoted.node, hasEnd: true };
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      return { node: this.blockFlow(q, indent), hasEnd: true };
    } else if (c === 124 /* | */ || c === 62 /* > */) {
      return { node: this.blockScalar(q, indent), hasEnd: false };
    } else {
      if (!this.plainStarts(q, end)) bail('indicator (anchor, alias, tag...)');
      let e = q;
      let last = q;
      for (; e < end; e++) {
        const ch = text.charCodeAt(e);
        if (ch === SPACE) {
          if (text.charCodeAt(e + 1) === HASH) break;
          continue;
        }
        if (ch === COLON && (e + 1 >= end || text.charCodeAt(e + 1) === SPACE)) bail('": " in a plain scalar');
        last = e + 1;
      }
      const more = e === end ? this.continuation(l, indent) : -1;
      if (more >= 0) return this.multiLinePlain(q, last, more);
      node = this.plain(q, last);
      valueEnd = last;
    }
    this.lineEnd(valueEnd, end);
    setRange(node, q, valueEnd, this.next(l));
    this.line = l + 1;
    return { node, hasEnd: true };
  }

  /**
   * The last line of a plain scalar that goes on below line `l` (lines
   * indented deeper than the collection, blank lines between them), or -1.
   * A comment line ends it, as does a line at or left of the collection.
   */
  private continuation(l: number, indent: number): number {
    let last = -1;
    for (let i = l + 1; i < this.lines; i++) {
      const kind = this.kinds[i];
      if (kind === BLANK) continue;
      if (kind === COMMENT || this.indents[i] <= indent) break;
      last = i;
    }
    return last;
  }

  /** A plain scalar over lines, folded as YAML does: a line break is a space, each blank line a line break. */
  private multiLinePlain(q: number, firstEnd: number, lastLine: number): Value {
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

  /** After a value: only spaces, then a comment (after at least one space) or the line's end. */
  private lineEnd(from: number, end: number): void {
    let i = from;
    while (i < end && this.text.charCodeAt(i) === SPACE) i++;
    if (i < end && (this.text.charCodeAt(i) !== HASH || i === from)) bail('text after a value');
  }

  /**
   * A plain scalar resolved by the core schema's tags, as yaml's composer
   * resolves it. Properties are added in the composer's order (value, range,
   * source, type, format), so all these nodes share one hidden class (their
   * prototype sets them apart from yaml's own: fastNodes.ts); callers replace
   * the provisional range.
   */
  private plain(from: number, to: number, folded?: string): Scalar {
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
  private scalar(value: string | null, source: string, type: Scalar.Type, from: number, to: number): Scalar {
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
  private quoted(q: number, threshold: number): { node: Scalar; end: number } {
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

  /**
   * A flow collection that is a block value (or the document): its end takes
   * the rest of its last line, which may hold only spaces and a comment.
   * Lines inside it must be indented deeper than the block collection
   * (`indent`), except a closing bracket at the collection's own column.
   */
  private blockFlow(q: number, indent: number): YAMLMap | YAMLSeq {
    this.flowIndent = indent;
    const { node, close } = this.flow(q, 1);
    const l = this.lineOf(close - 1);
    this.lineEnd(close, this.ends[l]);
    node.range = [q, close, this.next(l)];
    this.line = l + 1;
    return node;
  }
  private flowIndent = -1;

  /** The index of the line holding offset `at`, from the current line on. */
  private lineOf(at: number): number {
    let l = this.line;
    while (this.ends[l] < at) l++;
    return l;
  }

  /**
   * The next offset from `at` that holds neither a space, a line break nor a
   * comment; on each new line, checks the indentation the block around asks for.
   */
  private skipFlowSpace(at: number, depth: number): number {
    const text = this.text;
    let i = at;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === SPACE) i++;
      else if (c === 10) {
        i++;
        let j = i;
        while (text.charCodeAt(j) === SPACE) j++;
        const first = text.charCodeAt(j);
        if (this.flowIndent >= 0 && j < this.n && first !== 10 && first !== HASH) {
          const column = j - i;
          if (column <= this.flowIndent && !(column === this.flowIndent && depth === 1 && (first === 93 || first === 125))) bail('flow collection indentation');
        }
        i = j;
      } else if (c === HASH && (i === 0 || text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === 10)) {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? this.n : nl;
      } else return i;
    }
  }

  /**
   * Whether the tokens from `from` to `to` mark the next flow item as
   * preceded by a blank line, as yaml's props do: two line breaks in a row
   * (spaces between), before any comment; a comma starts the count again.
   */
  private flowSpaceBefore(from: number, to: number): boolean {
    const text = this.text;
    let atNewline = false;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        if (atNewline) return true;
        atNewline = true;
      } else if (c === 44) atNewline = false;
      else if (c === HASH) return false;
    }
    return false;
  }

  /** After a flow map's value: its end takes the spaces after it, and a comment and the line break if the line ends there. */
  private flowValueEnd(at: number): number {
    const text = this.text;
    let i = at;
    while (text.charCodeAt(i) === SPACE) i++;
    if (text.charCodeAt(i) === HASH && i > at) {
      const nl = text.indexOf('\n', i);
      return nl < 0 ? this.n : nl + 1;
    }
    if (text.charCodeAt(i) === 10) return i + 1;
    return i;
  }

  /**
   * A flow sequence or map at `q` (`[` or `{`), nested any depth, over any
   * lines, holding plain and one-line quoted scalars. Returns the node (its
   * end to be set by the caller, who knows the context) and the offset after
   * the closing bracket. As `yaml` does: a sequence item's end reaches the
   * next `,` or `]`; a map key's end is the key's; a map value's end takes the
   * spaces after it, and the line break when the line ends there.
   */
  private flow(q: number, depth: number): { node: YAMLMap | YAMLSeq; close: number } {
    if (depth > MAX_DEPTH) bail('nesting too deep');
    const text = this.text;
    const isMap = text.charCodeAt(q) === 123;
    const closing = isMap ? 125 : 93;
    const node = isMap ? newMap() : newSeq();
    node.flow = true;
    let p = this.skipFlowSpace(q + 1, depth);
    // Where the tokens that may mark the next item as preceded by a blank line begin.
    let region = q + 1;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === closing) return { node, close: p + 1 };
      const spaceBefore = this.flowSpaceBefore(region, p);
      if (isMap) {
        const key = this.flowScalar(p, true, depth);
        setRange(key.node, p, key.end, key.end);
        if (spaceBefore) key.node.spaceBefore = true;
        let i = key.end;
        while (text.charCodeAt(i) === SPACE) i++;
        if (text.charCodeAt(i) !== COLON) bail('flow map entry without ":"');
        const after = text.charCodeAt(i + 1);
        if (key.node.type === Scalar.PLAIN && after !== SPACE && after !== 10) bail('flow map ":"');
        const v = this.skipFlowSpace(i + 1, depth);
        const vc = text.charCodeAt(v);
        if (vc === 44 || vc === closing) bail('empty flow map value');
        const { node: value, end: valueEnd } = this.flowItem(v, depth);
        setRange(value, v, valueEnd, this.flowValueEnd(valueEnd));
        if (this.flowSpaceBefore(i + 1, v)) value.spaceBefore = true;
        if (this.duplicate(node as YAMLMap, key.node.value)) bail('duplicate key');
        (node as YAMLMap).items.push(newPair(key.node, value));
        region = value.range![2];
        p = this.skipFlowSpace(valueEnd, depth);
      } else {
        const { node: item, end: itemEnd } = this.flowItem(p, depth);
        const next = this.skipFlowSpace(itemEnd, depth);
        if (text.charCodeAt(next) === COLON) bail('pair in a flow sequence');
        setRange(item, p, itemEnd, next);
        if (spaceBefore) item.spaceBefore = true;
        (node as YAMLSeq).items.push(item);
        p = next;
      }
      const sep = text.charCodeAt(p);
      if (sep === closing) return { node, close: p + 1 };
      if (sep !== 44) bail('flow collection separator');
      if (!isMap) region = p + 1;
      p = this.skipFlowSpace(p + 1, depth);
      if (text.charCodeAt(p) === 44) bail('empty flow item');
    }
  }

  /** A flow item or map value at `at`: a nested collection or a scalar, and the offset after it. */
  private flowItem(at: number, depth: number): { node: Scalar | YAMLMap | YAMLSeq; end: number } {
    const c = this.text.charCodeAt(at);
    if (c === 91 || c === 123) {
      const inner = this.flow(at, depth + 1);
      return { node: inner.node, end: inner.close };
    }
    return this.flowScalar(at, false, depth);
  }

  /** A plain or one-line quoted scalar inside a flow collection (a key when `key`), and the offset after it. */
  private flowScalar(at: number, key: boolean, depth: number): { node: Scalar; end: number } {
    const text = this.text;
    const c = text.charCodeAt(at);
    const lineEnd = this.ends[this.lineOf(at)];
    if (c === 34 || c === 39) return this.quoted(at, this.flowIndent);
    if (INDICATOR.has(c) || c === 63 || c === COLON || (c === DASH && text.charCodeAt(at + 1) === SPACE)) bail('indicator in a flow collection');
    let last = at;
    for (let e = at; e < lineEnd; e++) {
      const ch = text.charCodeAt(e);
      if (ch === 44 || ch === 93 || ch === 125 || ch === 91 || ch === 123) break;
      if (ch === SPACE) {
        if (text.charCodeAt(e + 1) === HASH) break;
        continue;
      }
      if (ch === COLON) {
        const n = text.charCodeAt(e + 1);
        if (e + 1 >= lineEnd || n === SPACE || n === 44 || n === 93 || n === 125 || n === 91 || n === 123) break;
      }
      last = e + 1;
    }
    if (last === at) bail('empty flow scalar');
    if (!key) {
      // A plain scalar that goes on to the next line is a multi-line scalar: left to yaml.
      const next = this.skipFlowSpace(last, depth);
      const n = text.charCodeAt(next);
      if (n !== 44 && n !== 93 && n !== 125 && n !== COLON) bail('multi-line plain scalar in a flow collection');
    }
    return { node: this.plain(at, last), end: last };
  }

  /**
   * `|` or `>` with an optional `-` (strip) and no indentation indicator, on
   * lines indented more than the collection; trailing blank lines stay out of
   * it. Folded scalars with more-indented lines are left to `yaml`.
   */
  private blockScalar(q: number, indent: number): Scalar {
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
}

/**
 * The document's AST as `yaml`'s parseDocument would build it (without
 * comments), or undefined when the text needs the `yaml` package.
 */
/**
 * Sets a node's range: in place when it has one, as every scalar does from
 * plain() or scalar(), which give each node its own array; a flow collection
 * gets its first here. Most scalars get their final range from their caller,
 * and a second array for each was a tenth of what parsing big-multidoc
 * allocated.
 */
function setRange(node: Node, start: number, valueEnd: number, nodeEnd: number): void {
  const range = node.range;
  if (range) {
    range[0] = start;
    range[1] = valueEnd;
    range[2] = nodeEnd;
  } else node.range = [start, valueEnd, nodeEnd];
}

export function parseFast(text: string): Document.Parsed | undefined {
  if (UNSUPPORTED_CHARS.test(text)) {
    lastUnsupported = 'tab, CR or control character';
    return undefined;
  }
  try {
    return new FastParser(text).parse();
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}
