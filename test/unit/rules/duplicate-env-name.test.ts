import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'duplicate-env-name.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('duplicate-env-name', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'duplicate-env-name'), ['14:13 duplicate-env-name', '16:13 duplicate-env-name']);
  });
  it('stays quiet on the documents that are fine', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'duplicate-env-name'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'duplicate-env-name')!.severity, 2);
    const en = messages(fixture, 'duplicate-env-name');
    assert.match(en[0]!, /"LOG_LEVEL" is already set by env\[0\] of container "web"/);
    assert.match(en[0]!, /later value silently wins/);
    for (const m of messages(fixture, 'duplicate-env-name', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
