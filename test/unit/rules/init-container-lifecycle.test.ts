import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'init-container-lifecycle.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

function messagesOf(text: string, locale: 'en' | 'zh-cn'): string[] {
  return diagnostics(text, locale)
    .filter((d) => d.code === 'init-container-lifecycle')
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('init-container-lifecycle', () => {
  it('reports lifecycle and probes on one-shot init containers', () => {
    assert.deepEqual(findings(fixture, 'init-container-lifecycle'), ['9:5 init-container-lifecycle', '13:5 init-container-lifecycle', '19:5 init-container-lifecycle', '22:5 init-container-lifecycle']);
  });
  it('stays quiet on the documents that are fine', () => {
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'init-container-lifecycle'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'init-container-lifecycle')!.severity, 1);
    assert.match(messagesOf(fixture, 'en')[0]!, /"migrate" sets lifecycle/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /[\u4e00-\u9fff]/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /API server/);
  });
});
