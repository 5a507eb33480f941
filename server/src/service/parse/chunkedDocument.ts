import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lastAtMost } from '../sorted';
import { lineBreakCount, lineStartsOf } from './lines';
import { detach, isMarkerEnd, splitDocuments } from './split';

/**
 * An open document kept as its `---` documents' texts (pieces) instead of one
 * string. vscode-languageserver-textdocument rebuilds the whole text on every
 * keystroke, which on a 2.4 MB file costs about 8 ms here (a fresh 2.4 MB
 * string each time); an edit here rebuilds one piece, and the parse cache
 * reuses the other pieces by identity. The whole text is joined only when
 * something asks for it, once per version.
 *
 * Positions behave exactly as TextDocument's do (line breaks \n, \r\n and a
 * lone \r; offsets inside a \r\n pair and past a line's end are pulled back
 * before the break); a property test holds the two side by side.
 */
export class ChunkedDocument implements TextDocument {
  private pieces: string[];
  /** Offset of each piece in the text. */
  private starts: number[] = [];
  /** Per piece, the offsets (in the piece) where its lines start; computed when first needed. */
  private lineStarts: (number[] | undefined)[];
  /** Per piece, its number of lines as linesOf counts them; kept across edits of other pieces. */
  private lineCounts: (number | undefined)[];
  /**
   * Per piece, the number of the line it starts on, known for the first
   * `firstsKnown` pieces: counted from the top only as far as a question
   * needs, and kept above a piece an edit changes.
   */
  private firsts: number[] = [];
  private firstsKnown = 0;
  private joined: string | undefined;
  private length = 0;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
  ) {
    this.pieces = ChunkedDocument.split(text);
    this.lineStarts = new Array(this.pieces.length);
    this.lineCounts = new Array(this.pieces.length);
    this.joined = text;
    this.reindex(-1);
  }

  static create(uri: string, languageId: string, version: number, text: string): ChunkedDocument {
    return new ChunkedDocument(uri, languageId, version, text);
  }

  /** Applies a didChange's content changes in order, as TextDocument.update does. */
  static update(doc: ChunkedDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): ChunkedDocument {
    for (const change of changes) {
      if ('range' in change && change.range) {
        const range = wellFormed(change.range);
        doc.replace(doc.offsetAt(range.start), doc.offsetAt(range.end), change.text);
      } else {
        doc.replaceAll(change.text);
      }
    }
    doc.currentVersion = version;
    return doc;
  }

  get version(): number {
    return this.currentVersion;
  }

  /** The texts of the file's `---` documents, in order; an unchanged piece is the same string from version to version. */
  get documentTexts(): readonly string[] {
    return this.pieces;
  }

  get lineCount(): number {
    const last = this.pieces.length - 1;
    return this.firstLineOf(last) + this.lineCountOf(last);
  }

  getText(range?: Range): string {
    if (range) {
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      return this.slice(start, end);
    }
    return (this.joined ??= this.pieces.join(''));
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const p = this.pieceAt(offset);
    const lines = this.linesOf(p);
    const rel = offset - this.starts[p];
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (lines[mid] > rel) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    const character = this.beforeBreak(p, rel, lines[line]) - lines[line];
    return { line: this.firstLineOf(p) + line, character };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    const p = this.pieceOfLine(position.line);
    const i = position.line - this.firsts[p];
    // Past the last piece's last line: past the end of the text.
    if (i >= this.lineCountOf(p)) return this.length;
    const lines = this.linesOf(p);
    const lineStart = lines[i];
    if (position.character <= 0) return this.starts[p] + lineStart;
    const pieceLength = this.pieces[p].length;
    const nextLineStart = i + 1 < lines.length ? lines[i + 1] : pieceLength;
    const rel = Math.min(lineStart + position.character, nextLineStart);
    return this.starts[p] + this.beforeBreak(p, rel, lineStart);
  }

  getLineRange(line: number): Range {
    const total = this.lineCount;
    if (line >= total) {
      const last = total - 1;
      const { p, i } = this.lineIn(last);
      return { start: { line: last, character: 0 }, end: { line: last, character: this.pieces[p].length - this.linesOf(p)[i] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const { p, i } = this.lineIn(line);
    const lines = this.linesOf(p);
    const next = i + 1 < lines.length ? lines[i + 1] : this.pieces[p].length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeBreak(p, next, lines[i]) - lines[i] } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const { p, i } = this.lineIn(line);
    const lines = this.linesOf(p);
    const next = i + 1 < lines.length ? lines[i + 1] : this.pieces[p].length;
    return this.pieces[p].slice(this.beforeBreak(p, next, lines[i]), next);
  }

  /** The piece a line is in, and its index among the piece's lines. */
  private lineIn(line: number): { p: number; i: number } {
    const p = this.pieceOfLine(line);
    return { p, i: line - this.firsts[p] };
  }

  /** Like String.prototype.substring, which TextDocument uses: reversed bounds are swapped. */
  private slice(start: number, end: number): string {
    if (end < start) [start, end] = [end, start];
    if (end === start) return '';
    const p = this.pieceAt(start);
    const pieceEnd = this.starts[p] + this.pieces[p].length;
    if (end <= pieceEnd) return this.pieces[p].slice(start - this.starts[p], end - this.starts[p]);
    return this.getText().slice(start, end);
  }

  /** Pulls an offset back before the line break it is in or after, as TextDocument does. */
  private beforeBreak(p: number, rel: number, lineStart: number): number {
    const text = this.pieces[p];
    while (rel > lineStart && isBreak(text.charCodeAt(rel - 1))) rel--;
    return rel;
  }

  /** The piece holding an offset; the end of the text belongs to the last piece. */
  private pieceAt(offset: number): number {
    const starts = this.starts;
    return lastAtMost(starts.length, (i) => starts[i], offset);
  }

  /** The piece a line is in; the last piece for a line past the end. Counts pieces' lines down to it, no further. */
  private pieceOfLine(line: number): number {
    const n = this.pieces.length;
    while (this.firstsKnown < n && (this.firstsKnown === 0 || this.firsts[this.firstsKnown - 1] < line)) this.countFirstsTo(this.firstsKnown);
    const firsts = this.firsts;
    return lastAtMost(this.firstsKnown, (i) => firsts[i], line);
  }

  /**
   * Line starts within a piece. A piece other than the last ends with a line
   * break, and the empty line after it is the next piece's first line, so it
   * is not counted here.
   */
  private linesOf(p: number): number[] {
    let lines = this.lineStarts[p];
    if (!lines) {
      lines = lineStartsOf(this.pieces[p]);
      if (p < this.pieces.length - 1 && lines.length > 1) lines.pop();
      this.lineStarts[p] = lines;
    }
    return lines;
  }

  /** Lines in a piece, as linesOf counts them; counted without listing them where they are not listed yet. */
  private lineCountOf(p: number): number {
    let count = this.lineCounts[p];
    if (count === undefined) {
      const listed = this.lineStarts[p];
      if (listed) count = listed.length;
      else {
        const breaks = lineBreakCount(this.pieces[p]);
        // A piece other than the last ends with a line break, whose empty line is the next piece's first.
        count = p < this.pieces.length - 1 && breaks > 0 ? breaks : breaks + 1;
      }
      this.lineCounts[p] = count;
    }
    return count;
  }

  /** The line piece p starts on. */
  private firstLineOf(p: number): number {
    if (p >= this.firstsKnown) this.countFirstsTo(p);
    return this.firsts[p];
  }

  /**
   * Counts the first lines of the pieces down to p. A question about a
   * position needs the pieces above it only: the first hover near the top
   * of a 20,000-line file no longer counts the lines of all 612 documents
   * (counting them rather than listing their line starts already made it
   * 2-4 ms faster in a fresh server); a piece's lines are listed when used.
   */
  private countFirstsTo(p: number): void {
    const firsts = this.firsts;
    let k = this.firstsKnown;
    let line = k === 0 ? 0 : firsts[k - 1] + this.lineCountOf(k - 1);
    for (; k <= p; k++) {
      firsts[k] = line;
      line += this.lineCountOf(k);
    }
    this.firstsKnown = k;
  }

  /** Pieces whose first line is counted so far (tests and measurements). */
  get countedPieces(): number {
    return this.firstsKnown;
  }

  /** Offsets of the pieces again, after a change from piece `changed` on (-1: a new text): the first lines above it still hold. */
  private reindex(changed: number): void {
    let at = 0;
    this.starts = this.pieces.map((piece) => {
      const start = at;
      at += piece.length;
      return start;
    });
    this.length = at;
    this.firstsKnown = Math.min(this.firstsKnown, changed + 1);
    this.firsts.length = this.firstsKnown;
  }

  /**
   * Replaces [start, end) with text. Inside one piece, when the piece keeps
   * its `---` marker, its final line break and gains no marker, only that
   * piece changes; otherwise the text is joined and split again.
   */
  private replace(start: number, end: number, text: string): void {
    const p = this.pieceAt(start);
    const piece = this.pieces[p];
    const from = start - this.starts[p];
    const to = end - this.starts[p];
    if (to <= piece.length) {
      const next = piece.slice(0, from) + text + piece.slice(to);
      const last = p === this.pieces.length - 1;
      const keepsShape = (last || next.endsWith('\n')) && (p === 0 || startsWithMarker(next)) && splitDocuments(next).length === 1;
      if (keepsShape && next.length > 0) {
        this.pieces[p] = detach(next);
        this.lineStarts[p] = undefined;
        this.lineCounts[p] = undefined;
        this.joined = undefined;
        this.reindex(p);
        return;
      }
    }
    const whole = this.getText();
    this.replaceAll(whole.slice(0, start) + text + whole.slice(end));
  }

  private replaceAll(text: string): void {
    this.pieces = ChunkedDocument.split(text);
    this.lineStarts = new Array(this.pieces.length);
    this.lineCounts = new Array(this.pieces.length);
    this.joined = text;
    this.reindex(-1);
  }

  private static split(text: string): string[] {
    const starts = splitDocuments(text);
    return starts.map((s, i) => detach(text.slice(s, i + 1 < starts.length ? starts[i + 1] : text.length)));
  }
}

function isBreak(c: number): boolean {
  return c === 13 || c === 10;
}

function startsWithMarker(text: string): boolean {
  return text.startsWith('---') && isMarkerEnd(text, 3);
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
