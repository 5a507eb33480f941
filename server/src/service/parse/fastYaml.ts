import { Document, type YAMLMap, type YAMLSeq, Scalar } from 'yaml';
import { newMap, newPair, newSeq } from './fastNodes';
import { FastFlow } from './fastFlow';
import { bail, BLANK, closingQuote, COLON, COMMENT, CONTENT, DASH, HASH, MAX_DEPTH, noteUnsupported, setRange, SPACE, UNSUPPORTED, UNSUPPORTED_CHARS, type Value } from './fastText';
import { OPTIONS } from './yamlOptions';

export { lastUnsupported } from './fastText';

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

interface Closed {
  node: YAMLMap | YAMLSeq;
  /** Blank and comment lines after the collection that pass to the enclosing one. */
  leftover: number[];
}

class FastParser extends FastFlow {
  /** The document the nodes are built for. */
  private readonly doc = new Document(undefined, OPTIONS) as Document.Parsed;

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
}

/**
 * The document's AST as `yaml`'s parseDocument would build it (without
 * comments), or undefined when the text needs the `yaml` package.
 */
export function parseFast(text: string): Document.Parsed | undefined {
  if (UNSUPPORTED_CHARS.test(text)) {
    noteUnsupported('tab, CR or control character');
    return undefined;
  }
  try {
    return new FastParser(text).parse();
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}
