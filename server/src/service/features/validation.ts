import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { levelOf, type RuleLevels } from '../config';
import type { Locale } from '../l10n';
import type { ParsedFile, YamlChunk, YamlDocument } from '../parse/documents';
import { documentLineStarts, positionIn } from '../parse/lines';
import type { Schema } from '../schema/model';
import { docsHref, SEVERITY } from './diagnosticFields';
import { type Finding, findingsOf } from './findings';
import { limitProblems, type ProblemLimit, sameLimit, TOO_MANY_PROBLEMS } from './problemLimit';
import { isSilenced, suppressionsOf } from './suppressions';

export interface ValidationOptions {
  readonly locale: Locale;
  /** Per-rule levels from settings, the project file or the command line; absent ids keep their default. */
  readonly rules?: RuleLevels;
  /**
   * The most diagnostics `FileDiagnostics.items()` gives (limitProblems); 0 or
   * absent: all. For an editor's report; doValidation always gives all.
   */
  readonly maxProblems?: number;
}

/**
 * Diagnostics for a whole file: YAML problems, schema problems and rule
 * findings, computed per `---` document and cached on the document's chunk,
 * so an edit re-checks only the documents it touched.
 */
export function doValidation(
  schema: Schema,
  file: ParsedFile,
  document: TextDocument,
  options: ValidationOptions,
  from = 0,
  to = file.documents.length,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const keys = pieceKeys(options);
  const end = Math.min(to, file.documents.length);
  // A templated file gets one note, not one per `---` document: only the first of a run of templated documents says it.
  let templatedBefore = from > 0 && isTemplated(findingsOf(schema, file.documents[from - 1], options));
  // Each document starts on the line after the previous one ends: counted from the documents' own
  // line tables rather than a position lookup per document.
  // The first document starts the file: no lookup, which would make TextDocument split the whole text into lines.
  let startLine = from < end && file.documents[from].start > 0 ? document.positionAt(file.documents[from].start).line : 0;
  for (let i = from; i < end; i++) {
    // Cached on the chunk per settings and kind of document before, with the diagnostics at its last first line:
    // after an edit elsewhere that keeps this document's line, they are reused as they are.
    const piece = pieceOf(schema, file.documents[i], options, templatedBefore, keys);
    const diagnostics = absoluteAt(piece, startLine);
    for (let k = 0; k < diagnostics.length; k++) out.push(diagnostics[k]);
    templatedBefore = piece.templated;
    startLine += piece.lines;
  }
  return out;
}

/**
 * One document's diagnostics under one set of options, cached on its chunk:
 * with lines counted from the document's first line, so they hold wherever the
 * document moves, and what the next document needs (whether this one is
 * templated, and its line count). Depends on the chunk, the locale, the rule
 * levels and whether the document before is templated, nothing else.
 */
export interface Piece {
  readonly chunk: YamlChunk;
  readonly templatedBefore: boolean;
  readonly relative: readonly Diagnostic[];
  readonly templated: boolean;
  /** Line breaks in the document: the next one starts that many lines further down. */
  readonly lines: number;
  /** Validation threw on the document: it has no diagnostics this time, and is tried again next time. */
  readonly failed?: boolean;
  /** The diagnostics at `at`, the first line they were last asked at (shifted copies, made when first asked). */
  at: number;
  absolute: readonly Diagnostic[];
}

function pieceKeys(options: ValidationOptions): readonly [string, string] {
  const levelsKey = options.rules ? JSON.stringify(options.rules) : '';
  return [`lsp:${options.locale}:false:${levelsKey}`, `lsp:${options.locale}:true:${levelsKey}`];
}

function pieceOf(schema: Schema, doc: YamlDocument, options: ValidationOptions, templatedBefore: boolean, keys: readonly [string, string]): Piece {
  const key = keys[templatedBefore ? 1 : 0];
  let piece = doc.chunk.memo.get(key) as Piece | undefined;
  if (!piece) {
    // Diagnostics are plain data: the AST this parses for them is not kept (YamlChunk.readOnce).
    const [relative, templated] = doc.chunk.readOnce(() => [relativeDiagnostics(schema, doc, options, templatedBefore), isTemplated(findingsOf(schema, doc, options))] as const);
    piece = { chunk: doc.chunk, templatedBefore, relative, templated, lines: documentLineStarts(doc).length - 1, at: 0, absolute: relative };
    doc.chunk.memo.set(key, piece);
  }
  return piece;
}

/** A piece's diagnostics with its document starting on `startLine`; the same array while that line holds. */
function absoluteAt(piece: Piece, startLine: number): readonly Diagnostic[] {
  if (piece.at !== startLine) {
    piece.absolute = startLine === 0 ? piece.relative : piece.relative.map((d) => shifted(d, startLine));
    piece.at = startLine;
  }
  return piece.absolute;
}

/** How a file's diagnostics were made from the previous version's (FileValidation). */
interface Splice {
  readonly base: FileDiagnostics;
  /** Documents before this one are the base's, on the same lines. */
  readonly head: number;
  /** Documents from this one on are the base's, `tailShift` documents further on and moved by `shift` lines. */
  readonly tailStart: number;
  readonly tailShift: number;
  readonly shift: number;
}

/**
 * A file version's diagnostics, kept per document (FileValidation makes it):
 * the caller keeps it until the next version, whose validation then reuses
 * the documents that did not change. `items()` is the file's list, as
 * doValidation returns it.
 */
export class FileDiagnostics {
  private flat: Diagnostic[] | undefined;
  private limited: Diagnostic[] | undefined;

  constructor(
    /** The locale, rule levels and limit the pieces were made with. */
    readonly key: string,
    /** Per document, in order. */
    readonly pieces: readonly Piece[],
    /** Per document, the line it starts on. */
    readonly startLines: Int32Array,
    /** How many diagnostics in all. */
    readonly count: number,
    /** What this version shares with the one it was made from; dropped when the next is made from this one. */
    private splice?: Splice,
    /** The most `items()` gives, and the language and level of the note that says so (limitProblems). */
    readonly limit: ProblemLimit = { max: 0, locale: 'en', note: 'info' },
  ) {
    if (splice) splice.base.splice = undefined;
  }

  /** The file's diagnostics, in document order, at most the limit the validation was given; made once. */
  items(): Diagnostic[] {
    if (!this.cut()) return this.all();
    return (this.limited ??= limitProblems(this.all(), this.limit));
  }

  /** Whether the file has more diagnostics than its report holds. */
  private cut(): boolean {
    return this.limit.max > 0 && this.count > this.limit.max;
  }

  /** Every diagnostic of the file, in document order, made once. */
  all(): Diagnostic[] {
    if (this.flat) return this.flat;
    const out: Diagnostic[] = [];
    for (let i = 0; i < this.pieces.length; i++) {
      if (this.pieces[i].relative.length === 0) continue;
      const diagnostics = absoluteAt(this.pieces[i], this.startLines[i]);
      for (let k = 0; k < diagnostics.length; k++) out.push(diagnostics[k]);
    }
    return (this.flat = out);
  }

  /**
   * Whether `other.items()` equals `this.items()`, element by element, without
   * making either. Against the version it was made from, only the documents
   * the edit re-derived are compared (and, when the documents after them
   * moved, whether they have any diagnostics); otherwise a document with the
   * same piece on the same line has the same diagnostics, and only the others
   * are compared by value. Typing in a value usually changes no finding: the
   * report is then answered `unchanged`. Reports cut to a limit
   * (limitProblems) are the same when their whole lists are.
   */
  sameAs(other: FileDiagnostics): boolean {
    if (other === this) return true;
    // Equal lists cut to the same limit are equal. (Cut lists may be equal too when findings past the cut
    // changed: they are reported as changed, which costs a report, where comparing them as sent would cost
    // every keystroke on a file over the limit some milliseconds.)
    if ((this.cut() || other.cut()) && !sameLimit(this.limit, other.limit)) return false;
    if (other.count !== this.count) return false;
    const splice = other.splice;
    if (splice?.base !== this) return sameRange(this, 0, this.pieces.length, other, 0, other.pieces.length);
    if (!sameRange(this, splice.head, splice.tailStart + splice.tailShift, other, splice.head, splice.tailStart)) return false;
    if (splice.shift === 0) return true;
    for (let i = splice.tailStart; i < other.pieces.length; i++) if (other.pieces[i].relative.length > 0) return false;
    return true;
  }
}

/** Whether documents [aFrom, aTo) of `a` and [bFrom, bTo) of `b` have equal diagnostics, in order. */
function sameRange(a: FileDiagnostics, aFrom: number, aTo: number, b: FileDiagnostics, bFrom: number, bTo: number): boolean {
  // Cursors: document i of a at its diagnostic k, document j of b at its diagnostic l.
  let i = aFrom;
  let j = bFrom;
  let k = 0;
  let l = 0;
  for (;;) {
    while (i < aTo && k >= a.pieces[i].relative.length) {
      i++;
      k = 0;
    }
    while (j < bTo && l >= b.pieces[j].relative.length) {
      j++;
      l = 0;
    }
    if (i >= aTo || j >= bTo) return i >= aTo && j >= bTo;
    const lineA = a.startLines[i];
    const lineB = b.startLines[j];
    const ra = a.pieces[i].relative;
    const rb = b.pieces[j].relative;
    if (k === 0 && l === 0 && ra === rb) {
      // The same diagnostics: equal where the document starts on the same line, all moved otherwise.
      if (lineA !== lineB) return false;
      i++;
      j++;
      continue;
    }
    // Re-derived diagnostics, by value as they are sent.
    if (JSON.stringify(shifted(ra[k], lineA)) !== JSON.stringify(shifted(rb[l], lineB))) return false;
    k++;
    l++;
  }
}

/**
 * Validation of a file version against the previous version's diagnostics.
 * The documents before the edit are the previous version's (the same chunks)
 * on the same lines, and keep their pieces; so do those after it, moved by
 * the edit's line delta; only the documents between are derived (from their
 * chunk's cache when there), and a document after a run of templated ones
 * whose run changed. `advance` works through them in slices, so a caller can
 * spread a new file over several turns of its event loop.
 */
export class FileValidation {
  /** How many documents this validation derived rather than took from the previous version. */
  derived = 0;
  private readonly keys: readonly [string, string];
  private readonly key: string;
  private readonly previous: FileDiagnostics | undefined;
  private readonly old: readonly Piece[];
  private readonly head: number;
  /** Documents from this one on are the previous version's last ones (the same chunks)... */
  private readonly tailFrom: number;
  /** ...the previous version's document this many further on. */
  private readonly tailShift: number;
  private readonly pieces: Piece[];
  private readonly startLines: Int32Array;
  /** The next document to validate. */
  private next: number;
  private result: FileDiagnostics | undefined;

  constructor(
    private readonly schema: Schema,
    private readonly file: ParsedFile,
    private readonly options: ValidationOptions,
    previous?: FileDiagnostics,
  ) {
    this.keys = pieceKeys(options);
    this.key = `${options.locale}:${options.rules ? JSON.stringify(options.rules) : ''}:${options.maxProblems ?? 0}`;
    this.previous = previous?.key === this.key ? previous : undefined;
    const old = this.previous?.pieces ?? [];
    const docs = file.documents;
    const reusable = (p: Piece, doc: YamlDocument) => p.chunk === doc.chunk && !p.failed;
    let head = 0;
    while (head < docs.length && head < old.length && reusable(old[head], docs[head])) head++;
    let tail = 0;
    while (tail < docs.length - head && tail < old.length - head && reusable(old[old.length - 1 - tail], docs[docs.length - 1 - tail])) tail++;
    this.old = old;
    this.head = head;
    this.tailFrom = docs.length - tail;
    this.tailShift = old.length - docs.length;
    this.pieces = old.slice(0, head);
    this.startLines = new Int32Array(docs.length);
    if (this.previous && head > 0) this.startLines.set(this.previous.startLines.subarray(0, head));
    this.next = head;
  }

  /**
   * Validates documents while `more()` says so (asked after each one derived);
   * the file's diagnostics once every document is done. A document whose
   * validation throws gets none (it is tried again next version), and the
   * exception is passed on: calling again goes on with the next document.
   */
  advance(more: () => boolean = () => true): FileDiagnostics | undefined {
    if (this.result) return this.result;
    const docs = this.file.documents;
    const { pieces, startLines, old } = this;
    let tailStart = docs.length;
    while (this.next < docs.length) {
      const i = this.next;
      const before = i > 0 ? pieces[i - 1] : undefined;
      startLines[i] = before ? startLines[i - 1] + before.lines : 0;
      const templatedBefore = before ? before.templated : false;
      // The rest are the previous version's, unless the document before them changed from templated to not or back.
      if (i >= this.tailFrom && old[i + this.tailShift].templatedBefore === templatedBefore) {
        tailStart = i;
        const shift = startLines[i] - this.previous!.startLines[i + this.tailShift];
        for (let k = i; k < docs.length; k++) {
          pieces.push(old[k + this.tailShift]);
          startLines[k] = this.previous!.startLines[k + this.tailShift] + shift;
        }
        this.next = docs.length;
        break;
      }
      this.derived++;
      this.next++;
      let piece: Piece;
      try {
        piece = pieceOf(this.schema, docs[i], this.options, templatedBefore, this.keys);
      } catch (err) {
        pieces.push(failedPiece(docs[i], templatedBefore));
        throw err;
      }
      pieces.push(piece);
      if (this.next < docs.length && !more()) return undefined;
    }
    // The count from the previous version's, less the documents replaced, plus those that replaced them.
    let count = this.previous?.count ?? 0;
    for (let i = this.head; i < tailStart + this.tailShift; i++) count -= old[i].relative.length;
    for (let i = this.head; i < tailStart; i++) count += pieces[i].relative.length;
    const shift = tailStart < docs.length ? startLines[tailStart] - this.previous!.startLines[tailStart + this.tailShift] : 0;
    const splice = this.previous && { base: this.previous, head: this.head, tailStart, tailShift: this.tailShift, shift };
    const note = levelOf(this.options.rules, TOO_MANY_PROBLEMS, 'info');
    this.result = new FileDiagnostics(this.key, pieces, startLines, count, splice, { max: this.options.maxProblems ?? 0, locale: this.options.locale, note });
    return this.result;
  }
}

function failedPiece(doc: YamlDocument, templatedBefore: boolean): Piece {
  let lines = 0;
  try {
    lines = documentLineStarts(doc).length - 1;
  } catch {
    // Out of memory: the lines below this document are off, as they would be anyway.
  }
  return { chunk: doc.chunk, templatedBefore, relative: [], templated: false, lines, failed: true, at: 0, absolute: [] };
}

/** A document's diagnostics with lines counted from the document's first line. */
function relativeDiagnostics(schema: Schema, doc: YamlDocument, options: ValidationOptions, templatedBefore: boolean): Diagnostic[] {
  const levels = options.rules ?? {};
  const lines = documentLineStarts(doc);
  const silencing = suppressionsOf(doc, schema, options.locale);
  const all = [...findingsOf(schema, doc, options), ...silencing.problems].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Diagnostic[] = [];
  // A finding may end one past the text (a parse error at the very end) or between the \r and \n of a
  // line break (a range of fixed width); a position must stay inside the document and its line.
  const text = doc.chunk.text;
  const clamp = (offset: number) => {
    const o = Math.max(0, Math.min(offset, text.length));
    return o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o;
  };
  for (const f of all) {
    const level = levelOf(levels, f.code, f.severity);
    if (level === 'off' || isSilenced(f, silencing.spans)) continue;
    if (f.code === 'templated-file' && templatedBefore) continue;
    out.push({
      range: { start: positionIn(lines, clamp(f.start)), end: positionIn(lines, clamp(f.end)) },
      severity: SEVERITY[level],
      code: f.code,
      codeDescription: { href: docsHref(f.code) },
      source: 'podsense',
      message: f.message,
    });
  }
  return out;
}

function shifted(d: Diagnostic, lines: number): Diagnostic {
  if (lines === 0) return d;
  return {
    ...d,
    range: {
      start: { line: d.range.start.line + lines, character: d.range.start.character },
      end: { line: d.range.end.line + lines, character: d.range.end.character },
    },
  };
}

function isTemplated(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.code === 'templated-file');
}
