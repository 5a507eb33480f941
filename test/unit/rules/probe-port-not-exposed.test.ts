import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'probe-port-not-exposed.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

function messagesOf(text: string, locale: 'en' | 'zh-cn'): string[] {
  return diagnostics(text, locale)
    .filter((d) => d.code === 'probe-port-not-exposed')
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

describe('probe-port-not-exposed', () => {
  it('reports unknown port names always and undeclared numbers when ports are declared', () => {
    assert.deepEqual(findings(fixture, 'probe-port-not-exposed'), ['15:15 probe-port-not-exposed', '18:15 probe-port-not-exposed', '21:15 probe-port-not-exposed', '27:15 probe-port-not-exposed']);
  });
  it('stays quiet on the documents that are fine', () => {
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'probe-port-not-exposed'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'probe-port-not-exposed')!.severity, 2);
    assert.match(messagesOf(fixture, 'en')[0]!, /"htp".*"web"/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /[\u4e00-\u9fff]/);
    assert.match(messagesOf(fixture, 'zh-cn')[0]!, /"htp"/);
  });
});
