import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'duplicate-volume.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('duplicate-volume', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'duplicate-volume'), ['13:18 duplicate-volume', '19:11 duplicate-volume']);
  });
  it('stays quiet on the documents that are fine', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'duplicate-volume'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'duplicate-volume')!.severity, 1);
    const [mount, volume] = messages(fixture, 'duplicate-volume');
    assert.match(mount!, /Container "web" already mounts volumeMounts\[0\] at "\/etc\/nginx\/conf.d"/);
    assert.match(volume!, /Volume name "config" is already used by volumes\[0\]/);
    for (const m of messages(fixture, 'duplicate-volume', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
