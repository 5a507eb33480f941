/**
 * The editor's report holds at most podsense.maxNumberOfProblems diagnostics
 * per file (limitProblems, applied by FileDiagnostics.items()); the CLI and
 * doValidation give them all.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { limitProblems } from '../../server/src/service/features/problemLimit';
import { DEFAULT_MAX_PROBLEMS, normaliseSettings } from '../../server/src/settings';
import { service } from './helpers';

/** A diagnostic on `line` of `severity`, named by both. */
const d = (line: number, severity: 1 | 2 | 3 | 4 | undefined): Diagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  ...(severity ? { severity } : {}),
  message: `${line}:${severity}`,
});
const names = (items: Diagnostic[]) => items.map((x) => String(x.message));

describe('limitProblems', () => {
  // Lines 0–9, severities mixed: 2 errors (one without a severity), 3 warnings, 3 infos, 2 hints.
  const items = [d(0, 3), d(1, 2), d(2, 4), d(3, 1), d(4, 2), d(5, 3), d(6, undefined), d(7, 2), d(8, 4), d(9, 3)];

  it('gives every diagnostic at or under the limit, and with no limit', () => {
    assert.equal(limitProblems(items, { max: 10, locale: 'en', note: 'info' }), items);
    assert.equal(limitProblems(items, { max: 0, locale: 'en', note: 'info' }), items);
  });

  it('keeps the most severe, first in the file within a severity, in file order, after a note', () => {
    const out = limitProblems(items, { max: 5, locale: 'en', note: 'info' });
    assert.equal(out.length, 5);
    assert.equal(out[0].code, 'too-many-problems');
    assert.equal(out[0].severity, 3);
    assert.deepEqual(out[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(out[0].message, 'This file has 10 problems; PodSense shows the 4 most severe (setting podsense.maxNumberOfProblems). `podsense lint` lists them all.');
    // Both errors, then the first two of the three warnings.
    assert.deepEqual(names(out.slice(1)), ['1:2', '3:1', '4:2', '6:undefined']);
  });

  it('cuts inside the last severity it reaches', () => {
    assert.deepEqual(names(limitProblems(items, { max: 7, locale: 'en', note: 'info' }).slice(1)), ['0:3', '1:2', '3:1', '4:2', '6:undefined', '7:2']);
    assert.deepEqual(names(limitProblems(items, { max: 2, locale: 'en', note: 'info' }).slice(1)), ['3:1']);
    assert.deepEqual(limitProblems(items, { max: 1, locale: 'en', note: 'info' }).map((x) => x.code), ['too-many-problems']);
  });

  it('takes the note’s level from its rule level, and gives its place to a problem when it is off', () => {
    assert.equal(limitProblems(items, { max: 5, locale: 'en', note: 'warning' })[0].severity, 2);
    const off = limitProblems(items, { max: 5, locale: 'en', note: 'off' });
    assert.deepEqual(names(off), ['1:2', '3:1', '4:2', '6:undefined', '7:2']);
  });

  it('says it in Chinese', () => {
    assert.match(limitProblems(items, { max: 5, locale: 'zh-cn', note: 'info' })[0].message as string, /这个文件有 10 个问题，PodSense 只显示其中最严重的 4 个/);
  });
});

describe('the limit in a file’s report', () => {
  const pod = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  hostpid: true\n  containers:\n  - name: a\n    image: nginx:1.27\n`;
  const text = Array.from({ length: 12 }, (_, i) => pod(i)).join('---\n');

  it('applies to FileDiagnostics.items(), not to doValidation or the count', () => {
    const ls = service();
    const file = ls.parse(text);
    const capped = ls.validateFile(file, { locale: 'en', maxProblems: 10 }).advance()!;
    const all = ls.validateFile(file, { locale: 'en' }).advance()!;
    assert.ok(all.items().length > 10);
    assert.equal(capped.count, all.items().length);
    assert.equal(capped.items().length, 10);
    assert.equal(capped.items(), capped.items(), 'made once per version');
    assert.deepEqual(capped.items().slice(1), all.items().filter((x) => x.severity === 1).slice(0, 9));
    // The same findings under another limit are another report; under the same limit, the same.
    assert.equal(capped.sameAs(all), false);
    assert.equal(capped.sameAs(ls.validateFile(ls.parse(text), { locale: 'en', maxProblems: 10 }).advance()!), true);
    assert.equal(all.sameAs(ls.validateFile(file, { locale: 'en' }).advance()!), true);
  });

  it('is 1,000 by default in settings, as VS Code shows at most, and 0 turns it off', () => {
    assert.equal(DEFAULT_MAX_PROBLEMS, 1000);
    assert.equal(normaliseSettings({}).maxNumberOfProblems, 1000);
    assert.equal(normaliseSettings({ maxNumberOfProblems: 0 }).maxNumberOfProblems, 0);
    assert.equal(normaliseSettings({ maxNumberOfProblems: 250 }).maxNumberOfProblems, 250);
    for (const bad of [-1, 2.5, '100', null]) assert.equal(normaliseSettings({ maxNumberOfProblems: bad }).maxNumberOfProblems, 1000, String(bad));
  });
});
