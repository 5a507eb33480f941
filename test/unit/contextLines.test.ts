/**
 * Completion's line analysis (parse/context.ts) analyses a line when first
 * asked for it, and reuses the analysis of the last text for the lines an
 * edit did not touch: after any edit, whichever lines were analysed before
 * it, the lines must be those a fresh analysis of the new text gives. Fixed
 * seed.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { analyseLines, cursorContext, keyOf, Lines, linesOf } from '../../server/src/service/parse/context';
import { seedTexts } from '../fuzz/arbitraries';

/** Every line, analysed (from the analyses made so far where there are some), with where they start. */
function everyLine(lines: Lines): unknown {
  return { text: lines.text, starts: lines.starts, lines: Array.from({ length: lines.count }, (_, i) => lines.line(i)) };
}

// What an edit inserts: line breaks of both kinds, indentation, list dashes, keys and comments.
const INSERTED = ['', '\n', '\r\n', '\n  ', '\n- ', '- ', '  ', 'a', 'key: ', 'key:', ': ', '#', ' # c', '"q": 1', '\n---\n', '\r'];

describe('line analysis after an edit', () => {
  const { source, texts } = seedTexts();
  const small = texts.filter((t) => t.length < 20_000);

  it(`equals a fresh analysis of the new text, after random edits to ${small.length} texts from ${source}`, () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 12 }),
        fc.constantFrom(...INSERTED),
        fc.nat({ max: 3 }),
        fc.integer({ min: 1, max: 7 }),
        (t, at, removed, inserted, steps, every) => {
          let text = small[t % small.length];
          for (let step = 0; step <= steps; step++) {
            // Some lines asked about before the edit, as completion leaves them: every `every`-th one.
            const current = linesOf(text);
            for (let i = step % every; i < current.count; i += every) current.line(i);
            const from = (at + step * 131) % (text.length + 1);
            const next = text.slice(0, from) + inserted + text.slice(Math.min(text.length, from + removed));
            assert.deepEqual(everyLine(linesOf(next)), everyLine(analyseLines(next)), `edit at ${from}: -${removed} +${JSON.stringify(inserted)}`);
            text = next;
          }
        },
      ),
      { seed: 1127, numRuns: Number(process.env.LINES_RUNS ?? 500) },
    );
  });

  it('analyses anew only the lines around the edit', () => {
    const containers = Array.from({ length: 50 }, (_, i) => `  - name: c${i}\n    image: nginx:${i}\n`).join('');
    const text = `spec:\n  containers:\n${containers}  hostPID: true\n`;
    const before = linesOf(text);
    // Every line asked about before the edit, so every unchanged one can be reused.
    for (let i = 0; i < before.count; i++) before.line(i);
    const analysedBefore = before.analysedSoFar;
    // Enter after the 25th image line, as the editor types it: a new line with its indentation.
    const at = text.indexOf('nginx:24') + 'nginx:24'.length;
    const after = linesOf(`${text.slice(0, at)}\n    ${text.slice(at)}`);
    const kept = after.analysedSoFar.filter((l) => l !== undefined);
    assert.ok(kept.every((l) => analysedBefore.includes(l)), 'kept analyses are the earlier ones');
    assert.deepEqual(everyLine(after), everyLine(analyseLines(after.text)));
    assert.equal(after.count, before.count + 1);
    // The edit touches the image line and the new one; a common start and end may share one more.
    assert.ok(kept.length >= before.count - 2, `${kept.length} of ${before.count} lines reused`);
  });

  it('tells lines apart by indentation as their analysis would', () => {
    // What completion's walk up relies on to skip a line unanalysed: the key column is never left of the
    // indentation, and a line's first list marker sits at it.
    const { texts } = seedTexts();
    let checked = 0;
    for (const text of texts.slice(0, 200)) {
      const lines = analyseLines(text);
      for (let i = 0; i < lines.count; i++) {
        const line = lines.line(i);
        const indent = lines.indent(i);
        assert.ok(line.keyColumn >= indent, `line ${i}: ${JSON.stringify(line.text)}`);
        if (line.dashes.length > 0) assert.equal(line.dashes[0], indent, `line ${i}: ${JSON.stringify(line.text)}`);
        checked++;
      }
    }
    assert.ok(checked > 1000, `${checked} lines checked`);
  });

  it('analyses only the lines at or left of the column looked for', () => {
    const containers = Array.from({ length: 200 }, (_, i) => `  - name: c${i}\n    image: nginx:${i}\n    ports:\n      - containerPort: ${i}\n`).join('');
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n${containers}  hostPID: true\n`;
    const offset = text.indexOf('containerPort: 150');
    const context = cursorContext(text, offset + 'cont'.length);
    assert.deepEqual(context?.path, ['spec', 'containers', 150, 'ports', 0]);
    const lines = linesOf(text);
    const analysed = lines.analysedSoFar.filter((l) => l !== undefined).length;
    // The 150 list items above the cursor each have a dash line at column 2; the rest is deeper.
    assert.ok(analysed < 200, `${analysed} of ${lines.count} lines analysed`);
  });

  it('splits lines at \\n only, leaving a \\r before it out of the line', () => {
    const lines = analyseLines('a: 1\r\n- b\rc\n\n');
    assert.deepEqual(lines.starts, [0, 6, 12, 13]);
    assert.deepEqual(
      Array.from({ length: lines.count }, (_, i) => lines.line(i).text),
      ['a: 1', '- b\rc', '', ''],
    );
  });
});

describe('key detection on one line', () => {
  // The regex keyOf replaced: the same answers, in one pass.
  const KEY = /^("[^"]*"|'[^']*'|[^\s#'"{[\]}:,][^:#]*?)\s*:(?:\s|$)/;
  const byRegex = (rest: string) => {
    const m = KEY.exec(rest);
    return m ? m[1].replace(/^["']|["']$/g, '') : undefined;
  };
  it('agrees with the pattern it replaced on generated lines', () => {
    const piece = fc.constantFrom('a', 'key', ' ', '  ', '\t', ':', ': ', '#', ' #', '"', "'", '{', '[', ',', '-', 'x y', '\u00e9');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const rest = parts.join('');
        assert.equal(keyOf(rest), byRegex(rest), JSON.stringify(rest));
      }),
      { numRuns: 20_000, seed: 5 },
    );
    for (const rest of ['name: web', 'name:', '"a b": 1', "'x' : y", 'a:b', 'http://x', '# c', 'key # c: 1', 'limits :', ': x', '"open: 1']) {
      assert.equal(keyOf(rest), byRegex(rest), rest);
    }
  });
  it('takes time in proportion to the line on long lines without a key, and completion gives up far to the right', () => {
    const spaces = `a${' '.repeat(200_000)}b`;
    const dashes = '- '.repeat(100_000);
    const started = performance.now();
    assert.equal(keyOf(spaces), undefined);
    assert.equal(keyOf(`${'x'.repeat(200_000)}`), undefined);
    const lines = linesOf(`${dashes}\n${spaces}\nspec:\n  ${dashes}\n`);
    for (let i = 0; i < lines.count; i++) lines.line(i);
    assert.equal(cursorContext(`spec:\n  ${dashes}`, `spec:\n  ${dashes}`.length), undefined);
    assert.equal(cursorContext(`spec:\n  ${spaces}`, `spec:\n  ${spaces}`.length), undefined);
    // Quadratic, these took tens of seconds; linear, a few milliseconds. The bound leaves room for a slow machine.
    assert.ok(performance.now() - started < 2_000, `${(performance.now() - started).toFixed(0)} ms`);
  });
});
