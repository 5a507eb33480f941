import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'duplicate-container-name.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('duplicate-container-name', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'duplicate-container-name'), ['10:11 duplicate-container-name', '14:11 duplicate-container-name', '17:11 duplicate-container-name']);
  });
  it('stays quiet on the documents that are fine', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'duplicate-container-name'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'duplicate-container-name')!.severity, 1);
    const en = messages(fixture, 'duplicate-container-name');
    assert.match(en[0]!, /"web" is already used by initContainers\[0\]/);
    assert.match(en[1]!, /"sidecar" is already used by containers\[1\]/);
    assert.match(en[2]!, /initContainers\[0\]/);
    assert.match(en[0]!, /API server rejects the Pod/);
    assert.match(messages(fixture, 'duplicate-container-name', 'zh-cn')[0]!, /initContainers\[0\]/);
    for (const m of messages(fixture, 'duplicate-container-name', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
