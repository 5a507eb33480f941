import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detach } from '../../server/src/service/parse/split';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth while keeping one 100-character piece of each of 40 distinct 1 MB texts. */
function keptBytes(copy: (slice: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 40; i++) {
    const whole = `${i}:` + 'x'.repeat(1 << 20) + i;
    kept.push(copy(whole.slice(1000, 1100)));
  }
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  assert.equal(kept.length, 40);
  return grown;
}

describe('detach', () => {
  it('gives an equal string', () => {
    for (const s of ['', 'short', 'apiVersion: v1\nkind: Pod\n', 'é😀\n'.repeat(50)]) assert.equal(detach(s), s);
  });

  it('keeps a piece of a large text without keeping the text', () => {
    // Without a copy, each piece would hold its 1 MB text: 40 MB. The check is that far from it.
    assert.ok(keptBytes((s) => s) > 30e6, 'a plain slice keeps its text alive (the hazard this guards against)');
    assert.ok(keptBytes(detach) < 5e6, `detached pieces kept ${(keptBytes(detach) / 1e6).toFixed(1)} MB`);
  });
});
