import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'latest-tag.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

function messagesOf(text: string, locale: 'en' | 'zh-cn'): string[] {
  return diagnostics(text, locale)
    .filter((d) => d.code === 'latest-tag')
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('latest-tag', () => {
  it('reports untagged and latest images, not a registry port', () => {
    assert.deepEqual(findings(fixture, 'latest-tag'), ['8:12 latest-tag', '11:12 latest-tag', '13:12 latest-tag', '15:12 latest-tag']);
  });
  it('stays quiet on the documents that are fine', () => {
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'latest-tag'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'latest-tag')!.severity, 2);
    assert.match(messagesOf(fixture, 'en')[0]!, /"busybox".*no tag/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /[\u4e00-\u9fff]/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /latest/);
  });
});
