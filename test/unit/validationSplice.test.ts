/**
 * FileValidation splices a version's diagnostics from the previous version's:
 * after random edits (documents inserted and deleted, lines typed and removed,
 * silencing comments, templated lines, rule levels and the report's limit changed) its list must be
 * the one doValidation computes from scratch, byte for byte, and it must
 * re-derive only the documents that changed.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import type { ParsedFile, ValidationOptions } from '../../server/src/service';
import { FileDiagnostics } from '../../server/src/service/features/validation';
import { limitProblems } from '../../server/src/service/features/problemLimit';
import type { LanguageService } from '../../server/src/service';
import { doc, service, sharingService } from './helpers';

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: p',
  'spec:',
  '  hostPID: true',
  '  hostpid: true',
  '  containers:',
  '  - name: a',
  '    image: nginx:1.27',
];
const DOCUMENTS: readonly (readonly string[])[] = [
  POD,
  ['apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  selector: {}', '  template:', '    spec:', '      containers:', '      - name: a', '        imagePullPolicy: Sometimes'],
  ['apiVersion: v1', 'kind: Pod', 'spec:', '  {{- if .Values.x }}', '  hostPID: true', '  {{- end }}', '  containers: ['],
  ['name: CI', 'on: [push', 'jobs: {a: 1, a: 2}'],
  ['# only a comment'],
  ['apiVersion: v1', 'kind: Pod', 'spec:', '  hostNetwork: true', '  containers: []'],
];
const LINES = [
  '  # podsense-disable-next-line host-pid',
  '# podsense-disable',
  '# podsense-disable host-pid unknown-field',
  '  # podsense-disable-next-line no-such-rule',
  '  hostNetwork: true',
  '  {{- if .Values.x }}',
  '  image: {{ .Values.image }}',
  '  restartPolicy: Sometimes',
  '',
  '  # a comment',
  '  nodeName: n',
  '  containers: [',
  'metadata: {annotations: {podsense.io/ignore: "host-pid"}}',
];
const LEVELS: readonly (ValidationOptions['rules'] | undefined)[] = [undefined, { 'host-pid': 'off' }, { 'unknown-field': 'hint', 'templated-file': 'off', 'too-many-problems': 'off' }];
/** podsense.maxNumberOfProblems: none, and limits these files often exceed. */
const LIMITS = [0, 3, 8];

type Edit =
  | { kind: 'insertDocument'; at: number; which: number }
  | { kind: 'deleteDocument'; at: number }
  | { kind: 'insertLine'; at: number; line: number; which: number }
  | { kind: 'deleteLine'; at: number; line: number }
  | { kind: 'type'; at: number; line: number }
  | { kind: 'appendLine'; at: number }
  | { kind: 'levels'; which: number }
  | { kind: 'limit'; which: number }
  | { kind: 'nothing' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insertDocument' as const), at: fc.nat(), which: fc.nat(DOCUMENTS.length - 1) }),
  fc.record({ kind: fc.constant('deleteDocument' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insertLine' as const), at: fc.nat(), line: fc.nat(), which: fc.nat(LINES.length - 1) }),
  fc.record({ kind: fc.constant('insertLine' as const), at: fc.nat(), line: fc.nat(), which: fc.constantFrom(0, 1, 2, 5, 6) }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat(), line: fc.nat() }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(), line: fc.nat() }),
  // A line after a document's findings: they stay, those below move.
  fc.record({ kind: fc.constant('appendLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('levels' as const), which: fc.nat(LEVELS.length - 1) }),
  fc.record({ kind: fc.constant('limit' as const), which: fc.nat(LIMITS.length - 1) }),
  fc.constant({ kind: 'nothing' as const }),
);

function apply(documents: string[][], e: Edit): void {
  const at = documents.length > 0 && 'at' in e ? e.at % documents.length : 0;
  const lines = documents[at];
  switch (e.kind) {
    case 'insertDocument':
      documents.splice(e.at % (documents.length + 1), 0, [...DOCUMENTS[e.which]]);
      break;
    case 'deleteDocument':
      if (documents.length > 1) documents.splice(at, 1);
      break;
    case 'insertLine':
      lines.splice(e.line % (lines.length + 1), 0, LINES[e.which]);
      break;
    case 'deleteLine':
      if (lines.length > 1) lines.splice(e.line % lines.length, 1);
      break;
    case 'type':
      lines[e.line % lines.length] += 'x';
      break;
    case 'appendLine':
      lines.push('# end');
      break;
  }
}

/** The same diagnostics, not known to be made from any other version: compared document by document. */
const unspliced = (d: FileDiagnostics) => new FileDiagnostics(d.key, d.pieces, d.startLines, d.count, undefined, d.limit);

const textOf = (documents: readonly (readonly string[])[]) => documents.map((lines) => `${lines.join('\n')}\n`).join('---\n');

/**
 * `a.sameAs(b)` against whether their reports are equal: exactly, unless one
 * is cut to its limit, where equal lists may be reported as changed (when
 * findings past the cut changed) but never changed ones as equal.
 */
function sameReport(a: FileDiagnostics, b: FileDiagnostics, equal: boolean, note: string): void {
  const cut = (d: FileDiagnostics) => d.limit.max > 0 && d.count > d.limit.max;
  if (cut(a) || cut(b)) assert.ok(!a.sameAs(b) || equal, note);
  else assert.equal(a.sameAs(b), equal, note);
}

/** What the file's report is from scratch: a fresh parse (no chunk shared with the splice), doValidation and the limit. */
function fromScratch(text: string, options: ValidationOptions): string {
  const ls = service(); // unshared
  const note = options.rules?.['too-many-problems'] ?? 'info';
  return JSON.stringify(limitProblems(ls.doValidation(ls.parse(text), doc(text), options), { max: options.maxProblems ?? 0, locale: options.locale, note }));
}

/**
 * The property, for a service: after random edits, each version validated
 * against the previous one's diagnostics must give what a fresh, unshared
 * parse and doValidation give. With `sharing`, documents of equal text are one
 * chunk (the server's ChunkPool), and these files repeat documents often.
 */
function spliceProperty(ls: LanguageService, sharing: boolean, seed: number): void {
  const start = fc.array(fc.nat(DOCUMENTS.length - 1), { minLength: 1, maxLength: 6 });
  const step = fc.record({ edit, slice: fc.nat(3), reparse: fc.nat(7) });
  fc.assert(
    fc.property(start, fc.array(step, { minLength: 1, maxLength: 8 }), (initial, steps) => {
      const documents = initial.map((i) => [...DOCUMENTS[i]]);
      let options: ValidationOptions = { locale: 'en' };
      let file: ParsedFile = ls.parse(textOf(documents));
      let previous: FileDiagnostics = ls.validateFile(file, options).advance()!;
      let previousItems = JSON.stringify(previous.items());
      let older: { diagnostics: FileDiagnostics; items: string } | undefined;
      assert.equal(previousItems, fromScratch(textOf(documents), options));
      for (const { edit: e, slice, reparse } of steps) {
        const optionsBefore = options;
        if (e.kind === 'levels') options = { ...options, rules: LEVELS[e.which] };
        else if (e.kind === 'limit') options = { ...options, maxProblems: LIMITS[e.which] };
        else apply(documents, e);
        const text = textOf(documents);
        const before = new Set(file.documents.map((d) => d.chunk));
        // Mostly parsed against the previous version (unchanged documents keep their chunk), sometimes afresh.
        file = reparse === 0 ? ls.parse(text) : ls.parse(text, file);
        const validation = ls.validateFile(file, options, previous);
        let diagnostics: FileDiagnostics | undefined;
        // slice 0: one document per call, as when each document takes a whole time slice.
        while (!(diagnostics = validation.advance(() => slice !== 0)));
        const items = JSON.stringify(diagnostics.items());
        const note = `after ${JSON.stringify(e)}:\n${text}`;
        assert.equal(items, fromScratch(text, options), note);
        assert.equal(diagnostics.count, JSON.parse(fromScratch(text, { ...options, maxProblems: 0 })).length, note);
        // Equal reports, compared against the version it was made from, an older one, and one made afresh.
        sameReport(previous, diagnostics, items === previousItems, note);
        sameReport(unspliced(previous), unspliced(diagnostics), items === previousItems, note);
        if (older) sameReport(older.diagnostics, diagnostics, items === older.items, note);
        // Made by the unshared service: with the sharing one, a fresh parse would be the same chunks and pieces.
        const fresh = service().validateFile(service().parse(text), options).advance()!;
        assert.ok(fresh.sameAs(diagnostics) && diagnostics.sameAs(fresh), note);
        // With sharing, a document that moved to where another was may be one the pool already had:
        // derived again by position, from its chunk's cache.
        if (options === optionsBefore && !sharing) {
          // Only the documents with a new chunk are derived, and the one after them if the run of templated documents changed.
          const changed = file.documents.filter((d) => !before.has(d.chunk)).length;
          assert.ok(validation.derived <= changed + 1, `${validation.derived} derived for ${changed} changed ${note}`);
        }
        older = { diagnostics: previous, items: previousItems };
        previous = diagnostics;
        previousItems = items;
      }
    }),
    { seed: Number(process.env.SPLICE_SEED ?? seed), numRuns: Number(process.env.SPLICE_RUNS ?? 120) },
  );
}

describe('FileValidation splices diagnostics from the previous version', () => {
  it('to the list doValidation computes from scratch, after random edits, validated in slices or at once', () => {
    spliceProperty(service(), false, 4242);
  });

  it('the same when documents of equal text are one chunk, within a file and across files (the server’s ChunkPool)', () => {
    spliceProperty(sharingService(), true, 4343);
  });

  it('re-derives only the changed documents, and keeps the others’ diagnostics objects where their lines did not move', () => {
    const ls = service();
    const options: ValidationOptions = { locale: 'en' };
    const documents = Array.from({ length: 40 }, (_, i) => POD.map((l) => l.replace('name: p', `name: p${i}`)));
    let file = ls.parse(textOf(documents));
    const first = ls.validateFile(file, options);
    let previous = first.advance()!;
    assert.equal(first.derived, 40);
    const next = (edit: (docs: string[][]) => void, derived: number, same: boolean) => {
      edit(documents);
      const text = textOf(documents);
      file = ls.parse(text, file);
      const validation = ls.validateFile(file, options, previous);
      const diagnostics = validation.advance()!;
      assert.equal(validation.derived, derived);
      assert.equal(JSON.stringify(diagnostics.items()), fromScratch(text, options));
      assert.equal(previous.sameAs(diagnostics), same);
      assert.equal(unspliced(previous).sameAs(unspliced(diagnostics)), same);
      const before = previous.items();
      previous = diagnostics;
      return { before, after: diagnostics.items() };
    };
    // Typing in a value: one document derived, nothing else changes, and every other document's diagnostics are the same objects.
    const typed = next((d) => (d[20][9] += 'x'), 1, true);
    const perDocument = typed.before.length / 40;
    typed.after.forEach((x, i) => (i < 20 * perDocument || i >= 21 * perDocument ? assert.equal(x, typed.before[i]) : undefined));
    // Nothing changed at all: nothing derived.
    next(() => undefined, 0, true);
    // A new line: one document derived; the findings below it move.
    const moved = next((d) => d[10].splice(5, 0, '  # note'), 1, false);
    moved.after.slice(0, 10 * perDocument).forEach((x, i) => assert.equal(x, moved.before[i]));
    assert.equal(moved.after[11 * perDocument].range.start.line, moved.before[11 * perDocument].range.start.line + 1);
    // A line after a document's findings: they stay, the documents below move.
    next((d) => d[12].push('# end'), 1, false);
    // Silencing a line, then a document deleted and one inserted.
    next((d) => d[30].splice(5, 0, '  # podsense-disable-next-line host-pid'), 1, false);
    next((d) => d.splice(3, 1), 0, false);
    next((d) => d.splice(3, 0, [...POD]), 1, false);
    // A document that becomes templated, or stops being, derives the one after it too (that one's note goes or comes).
    next((d) => (d[25] = [...DOCUMENTS[2]]), 2, false);
    next((d) => d[24].splice(5, 0, '  {{- if .Values.x }}'), 2, false);
    next((d) => d[24].splice(5, 1), 2, false);
  });

  it('gives a document whose validation throws no diagnostics, goes on with the next, and tries it again next version', () => {
    const ls = service();
    const options: ValidationOptions = { locale: 'en' };
    const text = textOf([POD, POD, POD]);
    const file = ls.parse(text);
    const whole = ls.doValidation(ls.parse(text), doc(text), options);
    const memo = file.documents[1].chunk.memo;
    const get = memo.get.bind(memo);
    let broken = true;
    memo.get = (key: string) => {
      if (broken && key.startsWith('lsp:')) throw new RangeError('Maximum call stack size exceeded');
      return get(key);
    };
    const validation = ls.validateFile(file, options);
    assert.throws(() => validation.advance(), RangeError);
    const diagnostics = validation.advance()!;
    const perDocument = whole.length / 3;
    assert.deepEqual(diagnostics.items(), [...whole.slice(0, perDocument), ...whole.slice(2 * perDocument)]);
    // Not kept: the next version tries the document again.
    assert.throws(() => ls.validateFile(file, options, diagnostics).advance(), RangeError);
    broken = false;
    const again = ls.validateFile(file, options, diagnostics);
    assert.deepEqual(again.advance()!.items(), whole);
    assert.equal(again.derived, 1);
  });
});
