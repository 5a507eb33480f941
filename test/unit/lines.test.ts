import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineBreakCount, lineStartsOf, offsetIn, positionIn } from '../../server/src/service/parse/lines';

/** The line starts TextDocument computes: what every position we hand out must agree with. */
function documentStarts(text: string): number[] {
  const doc = TextDocument.create('file:///t.yaml', 'yaml', 1, text);
  return Array.from({ length: doc.lineCount }, (_, line) => doc.offsetAt({ line, character: 0 }));
}

describe('line starts of a text', () => {
  it("equal TextDocument's, with \\n only (the fast path) and with \\r\\n and lone \\r", () => {
    for (const unit of [fc.constantFrom('a', ' ', '\n', 'é'), fc.constantFrom('a', '\n', '\r', '\r\n', ' ')]) {
      fc.assert(
        fc.property(fc.string({ unit }), (text) => {
          const starts = lineStartsOf(text);
          assert.deepEqual(starts, documentStarts(text));
          for (let offset = 0; offset <= text.length; offset++) {
            const position = positionIn(starts, offset);
            if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a \r\n pair: no position of its own
            assert.deepEqual(position, TextDocument.create('file:///t.yaml', 'yaml', 1, text).positionAt(offset));
            assert.equal(offsetIn(starts, position), offset);
          }
        }),
        { seed: 1127, numRuns: 500 },
      );
    }
  });

  it('counts the breaks it lists, with \\n only and with \\r\\n and lone \\r', () => {
    for (const unit of [fc.constantFrom('a', ' ', '\n'), fc.constantFrom('a', '\n', '\r', '\r\n')]) {
      fc.assert(
        fc.property(fc.string({ unit }), (text) => assert.equal(lineBreakCount(text), lineStartsOf(text).length - 1)),
        { seed: 1127, numRuns: 500 },
      );
    }
    assert.equal(lineBreakCount('a\r\nb\rc\n'), 3);
  });

  it('gives a text without a line break one line, and a final break an empty last line', () => {
    assert.deepEqual(lineStartsOf(''), [0]);
    assert.deepEqual(lineStartsOf('a: 1'), [0]);
    assert.deepEqual(lineStartsOf('a: 1\n'), [0, 5]);
    assert.deepEqual(lineStartsOf('a\r\nb\rc\n'), [0, 3, 5, 7]);
  });
});
