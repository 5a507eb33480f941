import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentAt, parseFile, splitDocuments } from '../../server/src/service/parse/documents';
import { formatPath, locate } from '../../server/src/service/parse/path';
import { cursor, yaml } from './helpers';

function pathAt(src: string): { path: string; on: string } {
  const { text, offset } = cursor(src);
  const file = parseFile(text);
  const loc = locate(documentAt(file, offset)!, offset);
  return { path: formatPath(loc.path), on: loc.on };
}

describe('splitDocuments', () => {
  it('splits on --- lines only', () => {
    const text = 'a: 1\n---\nb: 2\n--- # c\nc: 3\n---x: not a marker\n';
    assert.deepEqual(splitDocuments(text), [0, 5, 14]);
  });
  it('treats a leading --- as the start of the first document', () => {
    assert.deepEqual(splitDocuments('---\na: 1\n---\n'), [0, 9]);
  });
  it('does not split on --- inside a longer word or indented', () => {
    assert.deepEqual(splitDocuments('a: |\n  ---\nb: ----\n'), [0]);
  });
});

describe('parseFile', () => {
  const three = 'kind: A\n---\nkind: B\n---\nkind: C\n';
  it('parses each --- document on its own', () => {
    const file = parseFile(three);
    assert.equal(file.documents.length, 3);
    assert.equal(file.newChunks, 3);
    assert.deepEqual(
      file.documents.map((d) => d.chunk.yaml.get('kind')),
      ['A', 'B', 'C'],
    );
  });
  it('re-parses only the document an edit touched', () => {
    const first = parseFile(three);
    const edited = parseFile(three.replace('kind: B', 'kind: BB'), first);
    assert.equal(edited.newChunks, 1);
    assert.equal(edited.documents[0].chunk, first.documents[0].chunk);
    assert.equal(edited.documents[2].chunk, first.documents[2].chunk);
    assert.equal(edited.documents[2].start, first.documents[2].start + 1);
  });
  it('reuses the surrounding documents when one is inserted', () => {
    const first = parseFile(three);
    const edited = parseFile(three.replace('---\nkind: C', '---\nkind: X\n---\nkind: C'), first);
    assert.equal(edited.documents.length, 4);
    assert.equal(edited.newChunks, 1);
  });
  it('finds the document at an offset', () => {
    const file = parseFile(three);
    assert.equal(documentAt(file, three.indexOf('C'))!.chunk.yaml.get('kind'), 'C');
    assert.equal(documentAt(file, 0)!.chunk.yaml.get('kind'), 'A');
  });
});

describe('locate', () => {
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    spec:
      containers:
      - name: a
        image: nginx
      - name: b
        lifecycle:
          preStop:
            exec:
              command: ["nginx", "-s", "quit"]
  `;
  it('maps a key to its full path', () => {
    assert.deepEqual(pathAt(pod.replace('preStop', 'pre|Stop')), { path: 'spec.containers[1].lifecycle.preStop', on: 'key' });
  });
  it('maps a value to the path of its key', () => {
    assert.deepEqual(pathAt(pod.replace('image: nginx', 'image: ng|inx')), { path: 'spec.containers[0].image', on: 'value' });
  });
  it('maps flow sequence items to indices', () => {
    assert.deepEqual(pathAt(pod.replace('"-s"', '"-|s"')), {
      path: 'spec.containers[1].lifecycle.preStop.exec.command[1]',
      on: 'value',
    });
  });
  it('works on flow-style documents', () => {
    const flow = '{ apiVersion: "v1", kind: "Pod", spec: { hostNetwork: true, containers: [ { name: "x" } ] } }';
    assert.deepEqual(pathAt(flow.replace('hostNetwork', 'host|Network')), { path: 'spec.hostNetwork', on: 'key' });
    assert.deepEqual(pathAt(flow.replace('"x"', '"|x"')), { path: 'spec.containers[0].name', on: 'value' });
  });
  it('survives broken documents and half-typed lines', () => {
    const broken = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        hostPID: true
        containers: [ { name: a
        host|
    `;
    assert.doesNotThrow(() => pathAt(broken));
    const half = 'apiVersion: v1\nkind: Pod\nspec:\n  shareProcess|\n';
    assert.equal(pathAt(half).path.startsWith('spec'), true);
  });
  it('handles the second document of a file', () => {
    const two = 'kind: A\n---\napiVersion: v1\nkind: Pod\nspec:\n  node|Name: w\n';
    assert.deepEqual(pathAt(two), { path: 'spec.nodeName', on: 'key' });
  });
});
