import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { commonPrefixLength, commonSuffixLength } from '../../server/src/service/parse/commonEnds';

function naivePrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function naiveSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i < max && i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

describe('common prefix and suffix of two texts', () => {
  it('equal a character-by-character comparison, for an edit anywhere in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', ' ', 'é', '😀') }), fc.nat(), fc.nat({ max: 5 }), fc.string({ maxLength: 4 }), (text, at, removed, inserted) => {
        const from = at % (text.length + 1);
        const edited = text.slice(0, from) + inserted + text.slice(from + removed);
        const p = commonPrefixLength(text, edited);
        assert.equal(p, naivePrefix(text, edited));
        const max = Math.min(text.length, edited.length) - p;
        assert.equal(commonSuffixLength(text, edited, max), naiveSuffix(text, edited, max));
        assert.equal(commonSuffixLength(text, edited), naiveSuffix(text, edited, Math.min(text.length, edited.length)));
      }),
      { seed: 1127, numRuns: 2000 },
    );
  });

  it('handles empty and equal texts', () => {
    assert.equal(commonPrefixLength('', 'abc'), 0);
    assert.equal(commonPrefixLength('abc', 'abc'), 3);
    assert.equal(commonSuffixLength('abc', 'abc'), 3);
    assert.equal(commonSuffixLength('abc', 'xbc', 1), 1);
    assert.equal(commonSuffixLength('abc', ''), 0);
  });
});
