import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'status-in-manifest.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

function messagesOf(text: string, locale: 'en' | 'zh-cn'): string[] {
  return diagnostics(text, locale)
    .filter((d) => d.code === 'status-in-manifest')
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('status-in-manifest', () => {
  it('reports status on an authored manifest, not on kubectl get output', () => {
    assert.deepEqual(findings(fixture, 'status-in-manifest'), ['9:1 status-in-manifest']);
  });
  it('stays quiet on the documents that are fine', () => {
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'status-in-manifest'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'status-in-manifest')!.severity, 3);
    assert.match(messagesOf(fixture, 'en')[0]!, /ignored on apply/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /[\u4e00-\u9fff]/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /status/);
  });
});
