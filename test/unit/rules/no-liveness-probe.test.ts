import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'no-liveness-probe.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

function messagesOf(text: string, locale: 'en' | 'zh-cn'): string[] {
  return diagnostics(text, locale)
    .filter((d) => d.code === 'no-liveness-probe')
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('no-liveness-probe', () => {
  it('reports containers and native sidecars without a livenessProbe, not one-shot init containers', () => {
    assert.deepEqual(findings(fixture, 'no-liveness-probe'), ['18:9 no-liveness-probe', '22:9 no-liveness-probe', '27:9 no-liveness-probe']);
  });
  it('stays quiet on the documents that are fine', () => {
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'no-liveness-probe'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'no-liveness-probe')!.severity, 3);
    assert.match(messagesOf(fixture, 'en')[0]!, /deadlocked JVM/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /[\u4e00-\u9fff]/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /livenessProbe/);
  });
});
