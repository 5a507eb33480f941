import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { meantOctal, modeValue } from '../../../server/src/service/rules/invalid-file-mode';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'invalid-file-mode.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('invalid-file-mode', () => {
  it('reports each mode above 0777 as kubectl reads it', () => {
    assert.deepEqual(findings(fixture, 'invalid-file-mode'), ['13:20 invalid-file-mode', '20:15 invalid-file-mode', '23:20 invalid-file-mode', '29:19 invalid-file-mode']);
    // The same in a document the yaml package parses (an anchor): the mode's source text is read there too.
    assert.deepEqual(findings(docs[1].replace('defaultMode: 0400', 'defaultMode: 400\n      items: [{key: a, path: a, mode: 777}]'), 'invalid-file-mode'), ['26:39 invalid-file-mode']);
  });
  it('stays quiet on octal with a leading 0 or 0o, decimal in range, and in a document yaml itself parses', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'invalid-file-mode'), []);
    assert.equal(modeValue('0644'), 0o644);
    assert.equal(modeValue('0o755'), 0o755);
    assert.equal(modeValue('420'), 420);
    assert.equal(modeValue('0x1ff'), undefined);
    assert.equal(meantOctal('644'), '0644');
    assert.equal(meantOctal('1000'), undefined);
    assert.equal(meantOctal('899'), undefined);
  });
  it('explains itself in both languages, with the octal meant', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'invalid-file-mode')!.severity, 1);
    const [tls, , all] = messages(fixture, 'invalid-file-mode');
    assert.match(tls!, /defaultMode 644 is 644 in decimal, more than 0777 \(511\).*Write it in octal with a leading 0, 0644, as kubectl reads it \(or 420 in decimal\)/);
    assert.match(all!, /defaultMode 1000 .*Give a mode from 0 to 0777/);
    for (const m of messages(fixture, 'invalid-file-mode', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
