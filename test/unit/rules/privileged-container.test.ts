import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'privileged-container.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

function messagesOf(text: string, locale: 'en' | 'zh-cn'): string[] {
  return diagnostics(text, locale)
    .filter((d) => d.code === 'privileged-container')
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('privileged-container', () => {
  it('reports privileged: true on the key, in init and regular containers', () => {
    assert.deepEqual(findings(fixture, 'privileged-container'), ['10:7 privileged-container', '15:7 privileged-container']);
  });
  it('stays quiet on the documents that are fine', () => {
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'privileged-container'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'privileged-container')!.severity, 2);
    assert.match(messagesOf(fixture, 'en')[0]!, /"setup".*privileged/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /[\u4e00-\u9fff]/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /特权/);
  });
});
