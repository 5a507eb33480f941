import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'invalid-port-number.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('invalid-port-number', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'invalid-port-number'), ['10:22 invalid-port-number', '11:22 invalid-port-number', '13:17 invalid-port-number', '15:17 invalid-port-number', '19:15 invalid-port-number', '22:15 invalid-port-number', '27:17 invalid-port-number']);
  });
  it('stays quiet on the documents that are fine', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'invalid-port-number'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'invalid-port-number')!.severity, 1);
    const en = messages(fixture, 'invalid-port-number');
    assert.match(en[0]!, /containerPort is 80800, outside 1-65535/);
    assert.match(en[2]!, /hostPort is 70000.*0 means no host port/);
    assert.match(en[4]!, /^livenessProbe\.httpGet\.port is 0,/);
    assert.match(en[5]!, /readinessProbe\.grpc\.port is 65536/);
    assert.match(en[6]!, /^lifecycle\.postStart\.httpGet\.port is 99999,/);
    assert.match(en[0]!, /API server rejects the Pod/);
    for (const m of messages(fixture, 'invalid-port-number', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
