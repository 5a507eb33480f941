import { type YAMLMap, type YAMLSeq, Scalar } from 'yaml';
import { newMap, newPair, newSeq } from './fastNodes';
import { bail, COLON, DASH, FastText, HASH, INDICATOR, MAX_DEPTH, setRange, SPACE } from './fastText';

/**
 * Flow collections (`[a, b]`, `{k: v}`, JSON-style documents) for the fast
 * parser (fastYaml.ts): any depth, over any lines, holding plain and one-line
 * quoted scalars, with the node ranges and blank-line marks `yaml` gives them.
 */
export abstract class FastFlow extends FastText {
  protected flowIndent = -1;

  /**
   * A flow collection that is a block value (or the document): its end takes
   * the rest of its last line, which may hold only spaces and a comment.
   * Lines inside it must be indented deeper than the block collection
   * (`indent`), except a closing bracket at the collection's own column.
   */
  protected blockFlow(q: number, indent: number): YAMLMap | YAMLSeq {
    this.flowIndent = indent;
    const { node, close } = this.flow(q, 1);
    const l = this.lineOf(close - 1);
    this.lineEnd(close, this.ends[l]);
    node.range = [q, close, this.next(l)];
    this.line = l + 1;
    return node;
  }

  /**
   * The next offset from `at` that holds neither a space, a line break nor a
   * comment; on each new line, checks the indentation the block around asks for.
   */
  protected skipFlowSpace(at: number, depth: number): number {
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
  protected flowSpaceBefore(from: number, to: number): boolean {
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
  protected flowValueEnd(at: number): number {
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
  protected flow(q: number, depth: number): { node: YAMLMap | YAMLSeq; close: number } {
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
  protected flowItem(at: number, depth: number): { node: Scalar | YAMLMap | YAMLSeq; end: number } {
    const c = this.text.charCodeAt(at);
    if (c === 91 || c === 123) {
      const inner = this.flow(at, depth + 1);
      return { node: inner.node, end: inner.close };
    }
    return this.flowScalar(at, false, depth);
  }

  /** A plain or one-line quoted scalar inside a flow collection (a key when `key`), and the offset after it. */
  protected flowScalar(at: number, key: boolean, depth: number): { node: Scalar; end: number } {
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
}
