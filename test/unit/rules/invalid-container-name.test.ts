import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'invalid-container-name.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('invalid-container-name', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'invalid-container-name'), ['7:11 invalid-container-name', '10:11 invalid-container-name', '12:11 invalid-container-name', '14:11 invalid-container-name', '17:11 invalid-container-name']);
  });
  it('stays quiet on the documents that are fine', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'invalid-container-name'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'invalid-container-name')!.severity, 1);
    const en = messages(fixture, 'invalid-container-name');
    assert.match(en[0]!, /"Init_Setup".*characters other than/);
    assert.match(en[1]!, /starts or ends with "-"/);
    assert.match(en[2]!, /longer than 63/);
    assert.match(en[4]!, /uppercase/);
    assert.match(en[0]!, /API server rejects the Pod/);
    assert.match(messages(fixture, 'invalid-container-name', 'zh-cn')[0]!, /"Init_Setup"/);
    for (const m of messages(fixture, 'invalid-container-name', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
