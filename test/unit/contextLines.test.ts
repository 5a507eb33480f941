/**
 * Completion's line analysis (parse/context.ts) reuses the analysis of the
 * last text for the lines an edit did not touch: after any edit, the lines
 * must be those a fresh analysis of the new text gives. Fixed seed.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { analyseLines, linesOf } from '../../server/src/service/parse/context';
import { seedTexts } from '../fuzz/arbitraries';

// What an edit inserts: line breaks of both kinds, indentation, list dashes, keys and comments.
const INSERTED = ['', '\n', '\r\n', '\n  ', '\n- ', '- ', '  ', 'a', 'key: ', 'key:', ': ', '#', ' # c', '"q": 1', '\n---\n', '\r'];

describe('line analysis after an edit', () => {
  const { source, texts } = seedTexts();
  const small = texts.filter((t) => t.length < 20_000);

  it(`equals a fresh analysis of the new text, after random edits to ${small.length} texts from ${source}`, () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...INSERTED), fc.nat({ max: 3 }), (t, at, removed, inserted, steps) => {
        let text = small[t % small.length];
        linesOf(text);
        for (let step = 0; step <= steps; step++) {
          const from = (at + step * 131) % (text.length + 1);
          const next = text.slice(0, from) + inserted + text.slice(Math.min(text.length, from + removed));
          assert.deepEqual(linesOf(next), analyseLines(next), `edit at ${from}: -${removed} +${JSON.stringify(inserted)}`);
          text = next;
        }
      }),
      { seed: 1127, numRuns: Number(process.env.LINES_RUNS ?? 500) },
    );
  });

  it('analyses anew only the lines around the edit', () => {
    const containers = Array.from({ length: 50 }, (_, i) => `  - name: c${i}\n    image: nginx:${i}\n`).join('');
    const text = `spec:\n  containers:\n${containers}  hostPID: true\n`;
    const before = linesOf(text);
    // Enter after the 25th image line, as the editor types it: a new line with its indentation.
    const at = text.indexOf('nginx:24') + 'nginx:24'.length;
    const after = linesOf(`${text.slice(0, at)}\n    ${text.slice(at)}`);
    assert.deepEqual(after, analyseLines(after.text));
    assert.equal(after.lines.length, before.lines.length + 1);
    const reused = after.lines.filter((l) => before.lines.includes(l)).length;
    // The edit touches the image line and the new one; a common start and end may share one more.
    assert.ok(reused >= before.lines.length - 2, `${reused} of ${before.lines.length} lines reused`);
  });

  it('splits lines at \\n only, leaving a \\r before it out of the line', () => {
    const lines = analyseLines('a: 1\r\n- b\rc\n\n');
    assert.deepEqual(lines.starts, [0, 6, 12, 13]);
    assert.deepEqual(
      lines.lines.map((l) => l.text),
      ['a: 1', '- b\rc', '', ''],
    );
  });
});
