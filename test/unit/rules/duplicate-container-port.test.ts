import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'duplicate-container-port.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('duplicate-container-port', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'duplicate-container-port'), ['13:22 duplicate-container-port', '14:13 duplicate-container-port', '18:22 duplicate-container-port', '22:22 duplicate-container-port']);
  });
  it('stays quiet on the documents that are fine', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'duplicate-container-port'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'duplicate-container-port')!.severity, 2);
    const en = messages(fixture, 'duplicate-container-port');
    assert.match(en[0]!, /containerPort 80 is already declared by ports\[0\] of container "web"/);
    assert.match(en[1]!, /Port name "http" is already used by ports\[0\].*rejects the Pod/);
    assert.match(en[2]!, /containerPort 53 is already declared by ports\[3\]/);
    for (const m of messages(fixture, 'duplicate-container-port', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
