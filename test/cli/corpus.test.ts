import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CORPUS, corpusMissing } from '../unit/corpus';
import { runCli } from './cliRunner';

interface JsonReport {
  files: { path: string; diagnostics: { rule: string; line: number }[] }[];
}

describe('podsense lint on the shared corpus', { skip: corpusMissing }, () => {
  it('lints all of ../shared/corpus without crashing', () => {
    const r = runCli(['lint', CORPUS, '-f', 'json', '--fail-on', 'none']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /internal error/);
    const report = JSON.parse(r.stdout) as JsonReport;
    assert.ok(report.files.length > 240, `only ${report.files.length} files linted`);
  });

  // kube-linter's own fixtures: documents named dont-fire must not trigger, the Deployment named app* must.
  for (const [check, ours] of [
    ['host-network', 'host-network'],
    ['host-pid', 'host-pid'],
    ['host-ipc', 'host-ipc'],
    ['privileged-container', 'privileged-container'],
    ['latest-tag', 'latest-tag'],
  ]) {
    it(`triggers ${ours} where kube-linter's ${check} fixture expects it`, () => {
      const file = join(CORPUS, 'kube-linter', `tests__checks__${check}.yaml`);
      const text = readFileSync(file, 'utf8');
      const r = runCli(['lint', file, '-f', 'json', '--fail-on', 'none']);
      const hits = (JSON.parse(r.stdout) as JsonReport).files[0].diagnostics.filter((d) => d.rule === ours);
      assert.ok(hits.length > 0, `${ours} did not fire`);
      const lines = text.split('\n');
      for (const hit of hits) {
        let docStart = hit.line - 1;
        while (docStart > 0 && lines[docStart] !== '---') docStart--;
        const doc = lines.slice(docStart, hit.line).join('\n');
        assert.doesNotMatch(doc, /name: dont-fire/, `${ours} fired in a dont-fire document at line ${hit.line}`);
      }
    });
  }
});
