import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'invalid-port-name.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('invalid-port-name', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'invalid-port-name'), ['10:13 invalid-port-name', '12:13 invalid-port-name', '14:13 invalid-port-name', '16:13 invalid-port-name', '18:13 invalid-port-name', '20:13 invalid-port-name', '25:15 invalid-port-name', '30:17 invalid-port-name']);
  });
  it('stays quiet on the documents that are fine', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'invalid-port-name'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'invalid-port-name')!.severity, 1);
    const en = messages(fixture, 'invalid-port-name');
    assert.match(en[0]!, /"http_api"/);
    assert.match(en[1]!, /longer than 15/);
    assert.match(en[2]!, /no letter/);
    assert.match(en[3]!, /"--"/);
    assert.match(en[4]!, /uppercase/);
    assert.match(en[5]!, /starts or ends/);
    assert.match(en[6]!, /"Http_Api"/);
    assert.match(en[0]!, /API server rejects the Pod/);
    for (const m of messages(fixture, 'invalid-port-name', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
