import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'restart-policy-for-kind.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

function messagesOf(text: string, locale: 'en' | 'zh-cn'): string[] {
  return diagnostics(text, locale)
    .filter((d) => d.code === 'restart-policy-for-kind')
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('restart-policy-for-kind', () => {
  it('reports a wrong restartPolicy value, and a Job template missing one on its spec key', () => {
    assert.deepEqual(findings(fixture, 'restart-policy-for-kind'), ['14:22 restart-policy-for-kind', '26:22 restart-policy-for-kind', '40:9 restart-policy-for-kind']);
  });
  it('stays quiet on the documents that are fine', () => {
    for (const text of docs.slice(3)) assert.deepEqual(findings(text, 'restart-policy-for-kind'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'restart-policy-for-kind')!.severity, 1);
    assert.match(messagesOf(fixture, 'en')[0]!, /OnFailure.*Deployment/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /[\u4e00-\u9fff]/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /Always/);
  });
});
