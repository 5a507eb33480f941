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
  it('names the right apiVersion when a kind is under another of Kubernetes\' groups, instead of going silent', () => {
    const deployment = 'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostPID: true\n      containers:\n      - name: web\n        image: nginx:1.27\n';
    assert.deepEqual(findings(deployment, 'removed-api-version'), ['1:13 removed-api-version']);
    assert.match(messages(deployment, 'removed-api-version')[0], /v1 is not an API version of Deployment; the current one is apps\/v1/);
    // The rest of the document is checked as the Deployment it is meant to be.
    assert.deepEqual(findings(deployment, 'host-pid'), ['8:7 host-pid']);
    assert.match(messages('apiVersion: apps/v1\nkind: Pod\n', 'removed-api-version')[0], /apps\/v1 is not an API version of Pod; the current one is v1/);
    // A kind of the same name in another group is a custom resource: not ours.
    assert.deepEqual(findings('apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\n', 'removed-api-version'), []);
  });
  it('does not report missing or unknown fields on the old object, whose rules differed', () => {
    const old = fixture.split('---')[0];
    assert.deepEqual(findings(old, 'missing-required-field'), []);
    assert.deepEqual(findings(old.replace('  template:', '  rollbackTo: {revision: 1}\n  template:'), 'unknown-field'), []);
  });
});
