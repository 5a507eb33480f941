import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fieldPathProblem } from '../../../server/src/service/rules/downward-api-field';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'downward-api-field.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('downward-api-field', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'downward-api-field'), [
      '15:22 downward-api-field',
      '19:22 downward-api-field',
      '23:22 downward-api-field',
      '27:22 downward-api-field',
      '31:21 downward-api-field',
      '38:22 downward-api-field',
      '46:26 downward-api-field',
    ]);
  });
  it('stays quiet on the documents that are fine', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'downward-api-field'), []);
  });
  it('tells an env var from a volume, as the API server does', () => {
    assert.equal(fieldPathProblem('metadata.labels', 'env'), 'volume-only');
    assert.equal(fieldPathProblem('metadata.labels', 'volume'), undefined);
    assert.equal(fieldPathProblem('status.podIP', 'volume'), 'env-only');
    assert.equal(fieldPathProblem('status.podIP', 'env'), undefined);
    assert.equal(fieldPathProblem("metadata.labels['app']", 'volume'), undefined);
    assert.equal(fieldPathProblem("metadata.annotations['']", 'env'), 'empty-key');
    assert.equal(fieldPathProblem('spec.restartPolicy', 'env'), 'not-readable');
    for (const path of ['metadata.name', 'metadata.namespace', 'metadata.uid']) {
      assert.equal(fieldPathProblem(path, 'env'), undefined, path);
      assert.equal(fieldPathProblem(path, 'volume'), undefined, path);
    }
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'downward-api-field')!.severity, 1);
    const en = messages(fixture, 'downward-api-field');
    assert.match(en[0]!, /An environment variable cannot read "metadata.labels".*metadata.labels\['<key>'\].*rejects the Pod/);
    assert.match(en[1]!, /does not expose "status.phase"/);
    assert.match(en[2]!, /"metadata.nmae" is not a field.*spec.nodeName/);
    assert.match(en[3]!, /subscript/);
    assert.match(en[4]!, /"limits.gpu" is not a container resource/);
    assert.match(en[5]!, /A downwardAPI volume cannot read "status.podIP"/);
    assert.match(en[6]!, /cannot read "spec.nodeName"/);
    for (const m of messages(fixture, 'downward-api-field', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
