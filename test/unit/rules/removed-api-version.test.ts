import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'removed-api-version.yaml'), 'utf8');

describe('removed-api-version', () => {
  it('reports removed and unknown versions of our kinds on the apiVersion value', () => {
    assert.deepEqual(findings(fixture, 'removed-api-version'), ['1:13 removed-api-version', '14:13 removed-api-version', '29:13 removed-api-version']);
  });
  it('says when the version was removed and what to use', () => {
    const [deploy, cron, never] = messages(fixture, 'removed-api-version');
    assert.match(deploy, /removed in Kubernetes 1\.16.*apiVersion: apps\/v1/);
    assert.match(cron, /removed in Kubernetes 1\.25.*batch\/v1/);
    assert.match(never, /not an API version of StatefulSet/);
    assert.match(messages(fixture, 'removed-api-version', 'zh-cn')[0], /已在 Kubernetes 1\.16 中移除/);
  });
  it('does not report missing or unknown fields on the old object, whose rules differed', () => {
    const old = fixture.split('---')[0];
    assert.deepEqual(findings(old, 'missing-required-field'), []);
    assert.deepEqual(findings(old.replace('  template:', '  rollbackTo: {revision: 1}\n  template:'), 'unknown-field'), []);
  });
});
