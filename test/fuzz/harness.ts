/**
 * Feeds one text through every feature of the language service and checks
 * that each answer is well formed and arrives in time. Shared by the fixed-seed
 * fuzz test in the normal suite, the long campaign (`npm run fuzz`), the
 * regression fixtures and the hostile-input tests.
 */
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, Locale } from '../../server/src/service';

/** Generous, so a busy CI machine does not make it flaky; a hang or a quadratic blow-up still trips it. */
export const CALL_BUDGET_MS = 2_000;

/** What one run did, added up by the campaign. */
export interface Tally {
  cases: number;
  calls: Record<string, number>;
  answered: Record<string, number>;
  diagnostics: number;
  slowest: { feature: string; ms: number };
}

export function newTally(): Tally {
  return { cases: 0, calls: {}, answered: {}, diagnostics: 0, slowest: { feature: '', ms: 0 } };
}

export interface Probes {
  /** Offsets (taken modulo length + 1) to hover and complete at. */
  readonly offsets: readonly number[];
  /** Offset pairs (modulo length + 1, either order) for code actions. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly locale?: Locale;
  /** Per-call time budget; CALL_BUDGET_MS by default. */
  readonly budgetMs?: number;
  /**
   * Only these `---` documents are validated (as the server does, in slices),
   * and no outline is asked for: for files of tens of thousands of documents.
   */
  readonly slice?: readonly [number, number];
}

class Checker {
  readonly lines: number[];
  constructor(
    readonly text: string,
    readonly doc: TextDocument,
    readonly what: string,
  ) {
    // Line lengths without their end of line, as LSP counts them (\r\n, \n and \r all end a line).
    this.lines = [];
    const re = /\r\n|\r|\n/g;
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      this.lines.push(m.index - last);
      last = m.index + m[0].length;
    }
    this.lines.push(text.length - last);
  }

  fail(msg: string, value?: unknown): never {
    const shown = value === undefined ? '' : `: ${JSON.stringify(value)?.slice(0, 400)}`;
    throw new Error(`${this.what}: ${msg}${shown}`);
  }

  position(p: Position, where: string): void {
    if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) this.fail(`${where}: invalid position`, p);
    if (p.line >= this.lines.length) this.fail(`${where}: line past the end (${this.lines.length} lines)`, p);
    if (p.character > this.lines[p.line]) this.fail(`${where}: character past the end of line ${p.line} (${this.lines[p.line]})`, p);
  }

  range(r: Range, where: string): void {
    if (!r) this.fail(`${where}: missing range`);
    this.position(r.start, `${where}.start`);
    this.position(r.end, `${where}.end`);
    if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) this.fail(`${where}: start after end`, r);
  }

  contains(outer: Range, inner: Range, where: string): void {
    const o0 = this.doc.offsetAt(outer.start);
    const o1 = this.doc.offsetAt(outer.end);
    if (this.doc.offsetAt(inner.start) < o0 || this.doc.offsetAt(inner.end) > o1) this.fail(`${where}: not inside its parent range`, { outer, inner });
  }

  markup(value: unknown, where: string): void {
    if (value === undefined) return;
    if (typeof value === 'string') return;
    const m = value as { kind?: unknown; value?: unknown };
    if (typeof m !== 'object' || m === null || (m.kind !== 'markdown' && m.kind !== 'plaintext') || typeof m.value !== 'string') this.fail(`${where}: not a string or MarkupContent`, value);
  }

  diagnostic(d: Diagnostic, where: string): void {
    this.range(d.range, where);
    if (typeof d.message !== 'string' || d.message.length === 0) this.fail(`${where}: empty or non-string message`, d);
    if (d.severity !== undefined && ![1, 2, 3, 4].includes(d.severity)) this.fail(`${where}: bad severity`, d);
    if (d.code !== undefined && typeof d.code !== 'string' && typeof d.code !== 'number') this.fail(`${where}: bad code`, d);
  }

  hover(h: Hover | null, at: Position, where: string): void {
    if (h === null) return;
    const c = h.contents as { kind?: string; value?: unknown };
    if (typeof c !== 'object' || c === null || c.kind !== 'markdown' || typeof c.value !== 'string') this.fail(`${where}: contents are not markdown`, h);
    if (h.range) {
      this.range(h.range, where);
      const off = this.doc.offsetAt(at);
      if (this.doc.offsetAt(h.range.start) > off || off > this.doc.offsetAt(h.range.end)) this.fail(`${where}: range does not contain the cursor`, { at, range: h.range });
    }
  }

  completion(list: CompletionList, at: Position, where: string): void {
    if (!list || !Array.isArray(list.items) || typeof list.isIncomplete !== 'boolean') this.fail(`${where}: not a CompletionList`, list);
    list.items.forEach((item: CompletionItem, i) => {
      const w = `${where}.items[${i}]`;
      if (typeof item.label !== 'string' || item.label.length === 0) this.fail(`${w}: empty label`, item);
      this.markup(item.documentation, `${w}.documentation`);
      if (item.detail !== undefined && typeof item.detail !== 'string') this.fail(`${w}: detail`, item);
      const e = item.textEdit;
      if (e) {
        const ranges = 'range' in e ? [e.range] : [e.insert, e.replace];
        for (const r of ranges) {
          this.range(r, `${w}.textEdit`);
          // LSP: a completion edit is on one line and contains the position completion was asked at.
          if (r.start.line !== r.end.line) this.fail(`${w}.textEdit spans lines`, r);
          if (r.start.line !== at.line || r.start.character > at.character || r.end.character < at.character) this.fail(`${w}.textEdit does not contain the cursor`, { at, r });
        }
        if (typeof e.newText !== 'string') this.fail(`${w}.textEdit.newText`, e);
      }
      for (const t of item.additionalTextEdits ?? []) this.textEdit(t, `${w}.additionalTextEdits`);
    });
  }

  textEdit(t: TextEdit, where: string): void {
    this.range(t.range, where);
    if (typeof t.newText !== 'string') this.fail(`${where}: newText`, t);
  }

  workspaceEdit(e: WorkspaceEdit | undefined, where: string): void {
    if (!e) return;
    for (const [uri, edits] of Object.entries(e.changes ?? {})) {
      if (uri !== this.doc.uri) this.fail(`${where}: edits another document`, uri);
      for (const t of edits) this.textEdit(t, where);
      // Overlapping edits are rejected by clients.
      const sorted = [...edits].sort((a, b) => this.doc.offsetAt(a.range.start) - this.doc.offsetAt(b.range.start));
      for (let i = 1; i < sorted.length; i++) {
        if (this.doc.offsetAt(sorted[i].range.start) < this.doc.offsetAt(sorted[i - 1].range.end)) this.fail(`${where}: overlapping edits`, sorted);
      }
    }
    for (const dc of e.documentChanges ?? []) {
      if ('edits' in dc) for (const t of dc.edits) this.textEdit(t as TextEdit, where);
    }
  }

  codeAction(a: CodeAction, where: string): void {
    if (typeof a.title !== 'string' || a.title.length === 0) this.fail(`${where}: empty title`, a);
    if (a.kind !== undefined && typeof a.kind !== 'string') this.fail(`${where}: kind`, a);
    for (const d of a.diagnostics ?? []) this.diagnostic(d, `${where}.diagnostics`);
    this.workspaceEdit(a.edit, `${where}.edit`);
    if (a.command && typeof a.command.command !== 'string') this.fail(`${where}: command`, a);
  }

  symbols(list: DocumentSymbol[], where: string): number {
    if (!Array.isArray(list)) this.fail(`${where}: not an array`, list);
    let n = 0;
    // Iterative: a deep outline must not overflow the checker either.
    const stack: [DocumentSymbol, string, Range | undefined][] = list.map((s, i) => [s, `${where}[${i}]`, undefined]);
    while (stack.length > 0) {
      const [s, w, parent] = stack.pop()!;
      n++;
      if (typeof s.name !== 'string' || s.name.trim().length === 0) this.fail(`${w}: empty name (VS Code rejects it)`, s);
      if (!Number.isInteger(s.kind) || s.kind < 1 || s.kind > 26) this.fail(`${w}: bad kind`, s);
      this.range(s.range, `${w}.range`);
      this.range(s.selectionRange, `${w}.selectionRange`);
      this.contains(s.range, s.selectionRange, `${w}.selectionRange`);
      if (parent) this.contains(parent, s.range, `${w}.range`);
      (s.children ?? []).forEach((c, i) => stack.push([c, `${w}.children[${i}]`, s.range]));
    }
    return n;
  }
}

function timed<T>(tally: Tally | undefined, feature: string, what: string, run: () => T, budget = CALL_BUDGET_MS): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  if (tally) {
    tally.calls[feature] = (tally.calls[feature] ?? 0) + 1;
    if (ms > tally.slowest.ms) tally.slowest = { feature, ms };
  }
  if (ms > budget) throw new Error(`${what}: ${feature} took ${ms.toFixed(0)} ms (budget ${budget} ms)`);
  return result;
}

/**
 * Parses `text` and runs validation, hover and completion at each probe
 * offset, code actions over each probe range (with the validation
 * diagnostics as context, plus those inside the range only) and document
 * symbols; throws a descriptive Error on the first exception, malformed
 * answer or call over budget.
 */
export function exerciseAll(ls: LanguageService, text: string, probes: Probes, tally?: Tally, what = 'document'): void {
  const locale = probes.locale ?? 'en';
  const budget = probes.budgetMs ?? CALL_BUDGET_MS;
  const doc = TextDocument.create('file:///fuzz.yaml', 'yaml', 1, text);
  const c = new Checker(text, doc, what);
  const count = (feature: string, answered: boolean) => {
    if (tally && answered) tally.answered[feature] = (tally.answered[feature] ?? 0) + 1;
  };
  const file = timed(tally, 'parse', what, () => ls.parse(text), budget);
  const diagnostics = timed(tally, 'validation', what, () => ls.doValidation(file, doc, { locale }, probes.slice?.[0], probes.slice?.[1]), budget);
  if (!Array.isArray(diagnostics)) c.fail('validation did not return an array', diagnostics);
  diagnostics.forEach((d, i) => c.diagnostic(d, `diagnostics[${i}]`));
  count('validation', diagnostics.length > 0);
  if (tally) tally.diagnostics += diagnostics.length;

  for (const raw of probes.offsets) {
    const at = doc.positionAt(raw % (text.length + 1));
    const h = timed(tally, 'hover', what, () => ls.doHover(file, doc, at, { locale }), budget);
    c.hover(h, at, `hover at ${at.line}:${at.character}`);
    count('hover', h !== null);
    const list = timed(tally, 'completion', what, () => ls.doComplete(file, doc, at, { locale }), budget);
    c.completion(list, at, `completion at ${at.line}:${at.character}`);
    count('completion', list.items.length > 0);
  }
  for (const [a, b] of probes.ranges) {
    const [lo, hi] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
    const range = { start: doc.positionAt(lo), end: doc.positionAt(hi) };
    const inRange = diagnostics.filter((d) => doc.offsetAt(d.range.end) >= lo && doc.offsetAt(d.range.start) <= hi);
    // Fix-all validates the whole file: not on a sliced one.
    const contexts = probes.slice ? [{ diagnostics: inRange }] : [{ diagnostics: inRange }, { diagnostics, only: ['source.fixAll'] }];
    for (const context of contexts) {
      const actions = timed(tally, 'codeActions', what, () => ls.doCodeActions(file, doc, range, context, { locale }), budget);
      if (!Array.isArray(actions)) c.fail('code actions did not return an array', actions);
      actions.forEach((x, i) => c.codeAction(x, `codeActions[${i}]`));
      count('codeActions', actions.length > 0);
    }
  }
  if (!probes.slice) {
    const symbols = timed(tally, 'symbols', what, () => ls.findDocumentSymbols(file, doc, locale), budget);
    count('symbols', c.symbols(symbols, 'symbols') > 0);
  }
  timed(tally, 'isKubernetes', what, () => ls.isKubernetes(file), budget);
  if (tally) tally.cases++;
}
