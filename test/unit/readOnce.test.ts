/**
 * Whole-file passes (validation, the outline) parse each `---` document to
 * read it and keep only plain results: the AST of a document smaller than
 * PATCH_FROM_CHARS that they parsed is dropped again (YamlChunk.readOnce),
 * and a feature that needs it later parses it anew, with the same answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PATCH_FROM_CHARS } from '../../server/src/service/parse/documents';
import { resourcesOf } from '../../server/src/service/resources';
import { doc, service } from './helpers';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function pod(name: string, extraLines = 0): string {
  const env = Array.from({ length: extraLines }, (_, i) => `        - name: VAR_${i}\n          value: "${i}"\n`).join('');
  return (
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  hostPID: true\n  containers:\n` +
    `    - name: app\n      image: nginx:1.27\n      env:\n        - name: A\n          value: "a"\n${env}`
  );
}

const SMALL = [pod('one'), pod('two'), pod('three')];
/** A Pod over PATCH_FROM_CHARS: its AST is kept, so an edit in it can patch the tree. */
const BIG = pod('big', 400);

function file(texts: readonly string[]): string {
  return texts.map((t, i) => (i === 0 ? t : `---\n${t}`)).join('');
}

const OPTIONS = { locale: 'en', rules: {} } as const;

describe('whole-file passes keep no AST of small documents', () => {
  it('validation drops the ASTs it parsed, except for a document over PATCH_FROM_CHARS', () => {
    assert.ok(BIG.length >= PATCH_FROM_CHARS, `the big Pod has ${BIG.length} characters`);
    const text = file([...SMALL, BIG]);
    const parsed = service().parse(text);
    const diagnostics = service().doValidation(parsed, doc(text), OPTIONS);
    assert.ok(diagnostics.some((d) => d.code === 'host-pid'));
    assert.deepEqual(
      parsed.documents.map((d) => d.chunk.hasAst),
      [false, false, false, true],
    );
  });

  it('keeps the AST of a document a feature parsed before', () => {
    const text = file(SMALL);
    const parsed = service().parse(text);
    const at = text.indexOf('image', text.indexOf('two'));
    assert.ok(service().doHover(parsed, doc(text), doc(text).positionAt(at), { locale: 'en' }));
    service().doValidation(parsed, doc(text), OPTIONS);
    assert.deepEqual(
      parsed.documents.map((d) => d.chunk.hasAst),
      [false, true, false],
    );
  });

  it('the outline drops them too', () => {
    const text = file(SMALL);
    const parsed = service().parse(text);
    const symbols = service().findDocumentSymbols(parsed, doc(text), 'en');
    assert.equal(symbols.length, 3);
    assert.ok(parsed.documents.every((d) => !d.chunk.hasAst));
  });

  it('features parse a dropped document again and answer as before', () => {
    const text = file(SMALL);
    const document = doc(text);
    const kept = service().parse(text);
    const dropped = service().parse(text);
    service().doValidation(dropped, document, OPTIONS);
    assert.ok(dropped.documents.every((d) => !d.chunk.hasAst));
    for (const word of ['image', 'hostPID', 'value']) {
      const position = document.positionAt(text.indexOf(word, text.indexOf('three')));
      assert.deepEqual(service().doHover(dropped, document, position, { locale: 'en' }), service().doHover(kept, document, position, { locale: 'en' }));
      assert.deepEqual(service().doComplete(dropped, document, position, { locale: 'en' }), service().doComplete(kept, document, position, { locale: 'en' }));
    }
    assert.deepEqual(service().doValidation(dropped, document, OPTIONS), service().doValidation(kept, document, OPTIONS));
    // What the features detected holds the nodes of the AST the chunk has now, not of the dropped one.
    const third = dropped.documents[2];
    assert.equal(resourcesOf(third, service().schema)[0].node, third.chunk.yaml.contents);
  });

  it('leaves no syntax tree reachable after validating and outlining a 300-document file', () => {
    const texts = Array.from({ length: 300 }, (_, i) => pod(`p${i}`, 3));
    const text = file(texts);
    const document = doc(text);
    const retained = (read: (parsed: ReturnType<ReturnType<typeof service>['parse']>) => void): number => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const parsed = service().parse(text);
      read(parsed);
      gc();
      const grown = process.memoryUsage().heapUsed - before;
      assert.equal(parsed.documents.length, 300);
      return grown;
    };
    const passes = (parsed: ReturnType<ReturnType<typeof service>['parse']>): void => {
      service().doValidation(parsed, document, OPTIONS);
      service().findDocumentSymbols(parsed, document, 'en');
    };
    const trees = retained((parsed) => parsed.documents.forEach((d) => d.chunk.yaml));
    // Documents a feature parsed first keep their trees through the passes: what the passes would keep without readOnce.
    const passesKeepingTrees = retained((parsed) => {
      parsed.documents.forEach((d) => d.chunk.yaml);
      passes(parsed);
    });
    const passesAlone = retained(passes);
    // The diagnostics, the outline and the texts stay; the trees go.
    assert.ok(passesAlone < passesKeepingTrees - trees / 2, `${passesAlone} bytes kept after the passes, ${passesKeepingTrees} with every tree kept (the trees: ${trees})`);
  });
});
