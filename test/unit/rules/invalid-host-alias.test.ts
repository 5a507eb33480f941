import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'invalid-host-alias.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('invalid-host-alias', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'invalid-host-alias'), ['7:9 invalid-host-alias', '9:7 invalid-host-alias', '10:7 invalid-host-alias', '11:7 invalid-host-alias', '12:9 invalid-host-alias', '15:9 invalid-host-alias', '18:9 invalid-host-alias', '20:7 invalid-host-alias', '21:7 invalid-host-alias', '22:5 invalid-host-alias']);
  });
  it('stays quiet on the documents that are fine', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'invalid-host-alias'), []);
  });
  it('leaves an entry with no ip key to missing-required-field, so it is reported once', () => {
    const at16 = findings(fixture).filter((f) => f.startsWith('16:'));
    assert.deepEqual(at16, ['16:5 missing-required-field']);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'invalid-host-alias')!.severity, 1);
    const en = messages(fixture, 'invalid-host-alias');
    assert.match(en[0]!, /ip "10\.1\.2\.300" is not a valid IP address/);
    assert.match(en[1]!, /"Database\.local".*uppercase/);
    assert.match(en[3]!, /ends with "\."/);
    assert.match(en[4]!, /leading 0/);
    assert.match(en[5]!, /zone id/);
    assert.match(en[8]!, /empty part between dots/);
    assert.match(en[9]!, /an empty ip, which is required/);
    assert.match(messages(fixture, 'invalid-host-alias', 'zh-cn')[9]!, /ip 是空的/);
    for (const m of messages(fixture, 'invalid-host-alias', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
