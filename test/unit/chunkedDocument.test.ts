/**
 * ChunkedDocument against vscode-languageserver-textdocument's TextDocument:
 * the same edits applied to both must leave the same text, line count,
 * positions, offsets, line ranges and line breaks, and the pieces must be the
 * text's `---` documents. Texts and edits are built from the fragments that
 * matter: markers, every kind of line break, and marker look-alikes.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkedDocument } from '../../server/src/service/parse/chunkedDocument';
import { parseDocumentTexts, parseFile, splitDocuments } from '../../server/src/service/parse/documents';

const FRAGMENTS = [
  '---',
  '--- ',
  '---\n',
  '\n---\n',
  '\n--- # c\n',
  '----',
  '\n',
  '\r\n',
  '\r',
  'a: b',
  'kind: Pod\n',
  '  - x\n',
  '#',
  ' ',
  'é',
  '...',
  '\n---',
];
const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(''));
// Edits at offsets inside the text (TextDocument itself mishandles ranges past the last line, which clients never send).
const edit = fc.record({ start: fc.nat(), end: fc.nat(), text, full: fc.integer({ min: 0, max: 19 }) });

function compare(ours: ChunkedDocument, theirs: TextDocument, note: string): void {
  const whole = theirs.getText();
  assert.equal(ours.getText(), whole, note);
  assert.equal(ours.lineCount, theirs.lineCount, note);
  const starts = splitDocuments(whole);
  assert.deepEqual(
    ours.documentTexts,
    starts.map((s, i) => whole.slice(s, starts[i + 1] ?? whole.length)),
    `${note}: the pieces are the --- documents`,
  );
  for (let o = -2; o <= whole.length + 2; o++) assert.deepEqual(ours.positionAt(o), theirs.positionAt(o), `${note}: positionAt(${o})`);
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    for (let character = -1; character <= 16; character++) {
      assert.equal(ours.offsetAt({ line, character }), theirs.offsetAt({ line, character }), `${note}: offsetAt(${line}:${character})`);
    }
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${note}: getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${note}: getEOLCharacters(${line})`);
  }
}

/**
 * One position asked about before anything else, as a hover right after an
 * open or an edit asks: answered while only the pieces above it are counted.
 */
function probe(ours: ChunkedDocument, theirs: TextDocument, at: number, note: string): void {
  const length = theirs.getText().length + 1;
  const position = theirs.positionAt(at % length);
  if (at % 3 === 0) assert.deepEqual(ours.positionAt(at % length), position, `${note}: first positionAt(${at % length})`);
  else assert.equal(ours.offsetAt(position), theirs.offsetAt(position), `${note}: first offsetAt(${position.line}:${position.character})`);
  const past = { line: position.line + (at % 4), character: at % 7 };
  assert.equal(ours.offsetAt(past), theirs.offsetAt(past), `${note}: then offsetAt(${past.line}:${past.character})`);
}

describe('ChunkedDocument behaves as TextDocument', () => {
  it('after random edits of texts made of markers and line breaks', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 6 }), fc.nat(), (initial, edits, at) => {
        const ours = ChunkedDocument.create('file:///a.yaml', 'yaml', 1, initial);
        const theirs = TextDocument.create('file:///a.yaml', 'yaml', 1, initial);
        probe(ours, theirs, at, `created from ${JSON.stringify(initial)}`);
        compare(ours, theirs, `created from ${JSON.stringify(initial)}`);
        edits.forEach((e, i) => {
          // One change in twenty replaces the whole text, as a client may.
          const length = theirs.getText().length + 1;
          const [start, end] = [theirs.positionAt(e.start % length), theirs.positionAt(e.end % length)];
          const change = e.full === 0 ? { text: e.text } : { range: { start, end }, text: e.text };
          ChunkedDocument.update(ours, [change], i + 2);
          TextDocument.update(theirs, [change], i + 2);
          assert.equal(ours.version, i + 2);
          probe(ours, theirs, e.start + e.end, `after ${JSON.stringify(change)} on ${JSON.stringify(initial)}`);
          compare(ours, theirs, `after ${JSON.stringify(change)} on ${JSON.stringify(initial)}`);
          const range = { start: end, end: start };
          assert.equal(ours.getText(range), theirs.getText(range));
        });
      }),
      { seed: Number(process.env.CHUNKED_SEED ?? 1128), numRuns: Number(process.env.CHUNKED_RUNS ?? 300) },
    );
  });

  it('changes only the piece an edit is in, so the parse reuses the others by identity', () => {
    const docs = ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n', '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n', '---\nkind: Pod\n'];
    const doc = ChunkedDocument.create('file:///a.yaml', 'yaml', 1, docs.join(''));
    const before = doc.documentTexts.slice();
    const first = parseDocumentTexts(doc.documentTexts, () => doc.getText());
    ChunkedDocument.update(doc, [{ range: { start: { line: 8, character: 9 }, end: { line: 8, character: 9 } }, text: 'x' }], 2);
    assert.equal(doc.documentTexts[0], before[0]);
    assert.notEqual(doc.documentTexts[1], before[1]);
    assert.equal(doc.documentTexts[2], before[2]);
    const second = parseDocumentTexts(doc.documentTexts, () => doc.getText(), first);
    assert.equal(second.newChunks, 1);
    assert.equal(second.documents[0].chunk, first.documents[0].chunk);
    assert.equal(second.documents[2].chunk, first.documents[2].chunk);
    assert.equal(second.documents[2].start, doc.getText().lastIndexOf('---\nkind'));
    assert.equal(second.text, doc.getText());
    // The same as parsing the whole text.
    const whole = parseFile(doc.getText());
    assert.deepEqual(
      second.documents.map((d) => [d.start, d.chunk.text]),
      whole.documents.map((d) => [d.start, d.chunk.text]),
    );
  });

  it('counts the lines of the documents above a position only, and keeps those above an edit', () => {
    const docs = Array.from({ length: 600 }, (_, i) => `${i === 0 ? '' : '---\n'}apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\n`);
    const doc = ChunkedDocument.create('file:///a.yaml', 'yaml', 1, docs.join(''));
    const theirs = TextDocument.create('file:///a.yaml', 'yaml', 1, docs.join(''));
    const type = (at: { line: number; character: number }, text: string, version: number): void => {
      const change = { range: { start: at, end: at }, text };
      ChunkedDocument.update(doc, [change], version);
      TextDocument.update(theirs, [change], version);
    };
    // A hover on the third document: the pieces down to it, and the one after (to know the line is not in it).
    assert.equal(doc.offsetAt({ line: 12, character: 2 }), theirs.offsetAt({ line: 12, character: 2 }));
    assert.equal(doc.countedPieces, 4);
    assert.deepEqual(doc.positionAt(doc.offsetAt({ line: 11, character: 0 })), { line: 11, character: 0 });
    assert.equal(doc.countedPieces, 4);
    // The answer's range, further down: counted down to its piece.
    assert.deepEqual(doc.positionAt(theirs.offsetAt({ line: 100, character: 3 })), { line: 100, character: 3 });
    assert.equal(doc.countedPieces, 21);
    // Typing in document 10 keeps the count of the pieces down to it.
    type({ line: 52, character: 9 }, 'x', 2);
    assert.equal(doc.countedPieces, 11);
    assert.equal(doc.offsetAt({ line: 30, character: 1 }), theirs.offsetAt({ line: 30, character: 1 }));
    assert.equal(doc.countedPieces, 11);
    // A new line in document 10 moves every document below it: still only those above are kept.
    type({ line: 52, character: 0 }, '  labels: {}\n', 3);
    assert.equal(doc.countedPieces, 11);
    assert.equal(doc.offsetAt({ line: 2000, character: 4 }), theirs.offsetAt({ line: 2000, character: 4 }));
    assert.equal(doc.lineCount, theirs.lineCount);
    assert.equal(doc.countedPieces, 600);
    assert.equal(doc.offsetAt({ line: 5000, character: 0 }), theirs.getText().length);
  });

  it('splits again when an edit types a new --- marker', () => {
    const doc = ChunkedDocument.create('file:///a.yaml', 'yaml', 1, 'a: 1\nb: 2\n');
    assert.equal(doc.documentTexts.length, 1);
    ChunkedDocument.update(doc, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '---\n' }], 2);
    assert.deepEqual(doc.documentTexts, ['a: 1\n', '---\nb: 2\n']);
  });
});
