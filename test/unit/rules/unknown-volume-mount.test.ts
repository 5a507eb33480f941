import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'unknown-volume-mount.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('unknown-volume-mount', () => {
  it('reports each offending value', () => {
    assert.deepEqual(findings(fixture, 'unknown-volume-mount'), ['10:13 unknown-volume-mount', '18:13 unknown-volume-mount', '21:13 unknown-volume-mount']);
  });
  it('stays quiet on the documents that are fine: claim templates, a volume mounted twice', () => {
    assert.ok(docs.length > 2);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'unknown-volume-mount'), []);
    // The claim template is what declares `data`: without it, the mount is reported.
    const withoutClaims = docs[1].replace(/  volumeClaimTemplates:[\s\S]*$/, '');
    assert.deepEqual(findings(withoutClaims, 'unknown-volume-mount'), ['17:17 unknown-volume-mount']);
  });
  it('explains itself in both languages, with the closest declared name', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'unknown-volume-mount')!.severity, 1);
    const [init, cache, raw] = messages(fixture, 'unknown-volume-mount');
    assert.match(init!, /Container "init" mounts volume "contnet", which this Pod does not declare in spec.volumes \(did you mean "content"\?\)/);
    assert.match(cache!, /"cache"/);
    assert.doesNotMatch(cache!, /did you mean/);
    assert.match(raw!, /The API server rejects the Pod/);
    for (const m of messages(fixture, 'unknown-volume-mount', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
