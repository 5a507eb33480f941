import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'invalid-host-alias.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('invalid-host-alias', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'invalid-host-alias'), ['7:9 invalid-host-alias', '9:7 invalid-host-alias', '10:7 invalid-host-alias', '11:7 invalid-host-alias', '12:9 invalid-host-alias', '15:9 invalid-host-alias', '16:5 invalid-host-alias', '18:9 invalid-host-alias', '20:7 invalid-host-alias', '21:7 invalid-host-alias']);
  });
  it('stays quiet on the documents that are fine', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'invalid-host-alias'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'invalid-host-alias')!.severity, 1);
    const en = messages(fixture, 'invalid-host-alias');
    assert.match(en[0]!, /ip "10\.1\.2\.300" is not a valid IP address/);
    assert.match(en[1]!, /"Database\.local".*uppercase/);
    assert.match(en[3]!, /ends with "\."/);
    assert.match(en[4]!, /leading 0/);
    assert.match(en[5]!, /zone id/);
    assert.match(en[6]!, /no ip, which is required/);
    assert.match(en[9]!, /empty part between dots/);
    assert.match(messages(fixture, 'invalid-host-alias', 'zh-cn')[6]!, /ip/);
    for (const m of messages(fixture, 'invalid-host-alias', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
