/** Every regression fixture through every feature at every offset (see test/fixtures/regressions/README.md). */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exerciseAll } from '../fuzz/harness';
import { findings, service } from './helpers';

const DIR = join(__dirname, '..', 'fixtures', 'regressions');

describe('regression fixtures', () => {
  for (const name of readdirSync(DIR).filter((n) => n.endsWith('.yaml')).sort()) {
    it(name, () => {
      const text = readFileSync(join(DIR, name), 'utf8');
      const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
      const ranges = offsets.flatMap((i) => [[0, i] as const, [i, text.length] as const]);
      for (const locale of ['en', 'zh-cn'] as const) exerciseAll(service(), text, { offsets, ranges, locale }, undefined, name);
    });
  }

  it('duplicate keys: the same findings as the parser gave, in linear time', () => {
    const text = readFileSync(join(DIR, 'duplicate-keys.yaml'), 'utf8');
    // `1` and `"1"` are different keys; anchors do not hide a duplicate.
    assert.deepEqual(findings(text, 'duplicate-key'), ['5:3 duplicate-key', '6:20 duplicate-key', '8:3 duplicate-key', '11:15 duplicate-key']);
    const n = 50_000;
    const big = `apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {${Array.from({ length: n }, (_, i) => `k${i}: "v"`).join(', ')}, k7: "again"}\n`;
    const started = performance.now();
    const found = findings(big, 'duplicate-key');
    // The quadratic check took about 30 s here; linear is well under 10 s even on a busy machine.
    assert.ok(performance.now() - started < 10_000, `took ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(found.length, 1);
  });
});
