/**
 * The server's service shares `---` documents by text (ChunkPool): a document
 * another file (or another place in the file) already has is the same chunk,
 * with its parse and its cached diagnostics. Everything must come out as an
 * unshared service gives it, at every position.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ParsedFile } from '../../server/src/service';
import { ChunkPool, parseFile, setPatchFromChars, PATCH_FROM_CHARS } from '../../server/src/service/parse/documents';
import { doc, service, sharingService } from './helpers';

const POD = (name: string, extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  hostPID: true\n${extra}  containers:\n  - name: app\n    image: nginx\n`;
const options = { locale: 'en' as const };

/** What the unshared service says about a text: diagnostics and a hover, by value. */
function unshared(text: string, hoverAt: number): string {
  const ls = service();
  const file = ls.parse(text);
  const d = doc(text);
  return JSON.stringify([ls.doValidation(file, d, options), ls.doHover(file, d, d.positionAt(hoverAt), options)]);
}

function shared(file: ParsedFile, text: string, hoverAt: number): string {
  const ls = sharingService();
  const d = doc(text);
  return JSON.stringify([ls.doValidation(file, d, options), ls.doHover(file, d, d.positionAt(hoverAt), options)]);
}

describe('ChunkPool: documents shared by text', () => {
  it('gives a file’s repeated documents one chunk, with each copy’s diagnostics on its own lines', () => {
    const ls = sharingService();
    const text = [POD('a'), POD('b'), POD('a'), POD('b')].join('---\n');
    const file = ls.parse(text);
    const [, b1, a2, b2] = file.documents.map((d) => d.chunk);
    assert.equal(b1, b2);
    assert.notEqual(b1, a2);
    assert.equal(file.newChunks, 3, 'the first document has no `---` line, so it is not the third one’s text');
    const diagnostics = ls.doValidation(file, doc(text), options);
    const hostPid = diagnostics.filter((d) => d.code === 'host-pid').map((d) => d.range.start.line);
    assert.deepEqual(hostPid, [5, 15, 25, 35]);
    const last = text.lastIndexOf('hostPID');
    assert.equal(shared(file, text, last), unshared(text, last));
  });

  it('lets a second file reuse the first one’s documents and their diagnostics, not derive them again', () => {
    const ls = sharingService();
    const first = [POD('c1'), POD('c2'), POD('c3')].join('---\n');
    const a = ls.parse(first);
    const aDiagnostics = ls.validateFile(a, options).advance()!;
    // The other side of a diff: the same file with one document changed and one added before the others.
    const second = [POD('c0'), POD('c1'), POD('c2', '  hostIPC: true\n'), POD('c3')].join('---\n');
    const b = ls.parse(second);
    assert.equal(b.documents[3].chunk, a.documents[2].chunk);
    assert.equal(b.newChunks, 3, 'c0, the changed c2, and c1, which now follows a `---` line');
    const bDiagnostics = ls.validateFile(b, options).advance()!;
    assert.equal(bDiagnostics.pieces[3], aDiagnostics.pieces[2], 'the shared document’s cached diagnostics, not new ones');
    const at = second.lastIndexOf('hostPID');
    assert.equal(shared(b, second, at), unshared(second, at));
  });

  it('keeps a shared document right in one file while the other file edits its copy in place', () => {
    const before = PATCH_FROM_CHARS;
    setPatchFromChars(64); // so that these small documents take the patch path, as documents over 16 KB do
    try {
      const ls = sharingService();
      const body = POD('patched', '  nodeName: n1\n');
      const one = `${body}---\n${POD('x')}`;
      const two = `${body}---\n${POD('y')}`;
      const a = ls.parse(one);
      const b = ls.parse(two);
      assert.equal(a.documents[0].chunk, b.documents[0].chunk);
      // The first file hovers (parsing the document and finding its objects), then types in a value:
      // its AST is patched and taken over, and what was found in it must not serve the second file.
      const hoverA = (file: ParsedFile, text: string) => ls.doHover(file, doc(text), doc(text).positionAt(text.indexOf('hostPID')), options);
      assert.ok(hoverA(a, one));
      const typed = one.replace('nodeName: n1', 'nodeName: n12');
      const a2 = ls.parse(typed, a);
      assert.notEqual(a2.documents[0].chunk, b.documents[0].chunk);
      assert.equal(a2.documents[0].chunk.hasAst, true, 'patched, not parsed again');
      for (const at of [two.indexOf('nodeName'), two.indexOf('hostPID')]) assert.equal(shared(b, two, at), unshared(two, at));
      assert.equal(shared(a2, typed, typed.indexOf('nodeName')), unshared(typed, typed.indexOf('nodeName')));
    } finally {
      setPatchFromChars(before);
    }
  });

  it('patches the tree back into the chunk it had when an edit is undone, keeping that chunk’s diagnostics', () => {
    const before = PATCH_FROM_CHARS;
    setPatchFromChars(64);
    try {
      const pool = new ChunkPool();
      const text = POD('undo', '  nodeName: n1\n');
      const a = parseFile(text, undefined, pool);
      const original = a.documents[0].chunk;
      assert.ok(original.yaml.contents, 'parsed');
      original.memo.set('probe', 1);
      // Enter on a line, then Backspace: the second version has the first one's text again.
      const at = text.indexOf('  containers');
      const typed = parseFile(`${text.slice(0, at)}\n${text.slice(at)}`, a, pool);
      assert.equal(typed.documents[0].chunk.hasAst, true, 'Enter patched the tree');
      assert.equal(original.hasAst, false, 'and took it from the first chunk');
      const undone = parseFile(text, typed, pool);
      const chunk = undone.documents[0].chunk;
      assert.equal(chunk, original, 'the first chunk again, with what was cached on it');
      assert.equal(chunk.memo.get('probe'), 1);
      assert.equal(chunk.hasAst, true, 'its tree patched back, not parsed again');
      assert.deepEqual(chunk.yaml.toJS(), parseFile(text).documents[0].chunk.yaml.toJS());
      assert.equal(shared(undone, text, text.indexOf('nodeName')), unshared(text, text.indexOf('nodeName')));
    } finally {
      setPatchFromChars(before);
    }
  });

  it('lets go of a document no file holds any more', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const pool = new ChunkPool();
    const text = `${POD('kept')}---\n${POD('dropped')}`;
    parseFile(text, undefined, pool);
    const kept = parseFile(POD('kept'), undefined, pool);
    const dropped = `---\n${POD('dropped')}`;
    // A WeakRef holds its target until the event loop turn that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    assert.equal(pool.get(dropped), undefined);
    assert.equal(pool.get(POD('kept')), kept.documents[0].chunk);
  });
});
