import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleById } from '../../../server/src/service/rules';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'pod-running-not-ready.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('pod-running-not-ready', () => {
  it('reports the phase value of Running Pods that are not Ready', () => {
    assert.deepEqual(findings(fixture, 'pod-running-not-ready'), [
      '16:10 pod-running-not-ready',
      '54:10 pod-running-not-ready',
      '78:12 pod-running-not-ready',
    ]);
  });
  it('names the not-ready containers and what to check', () => {
    const [first, gate, item] = messages(fixture, 'pod-running-not-ready');
    assert.match(first!, /"app"/);
    assert.doesNotMatch(first!, /"proxy"/);
    assert.match(first!, /readiness probe/);
    assert.match(first!, /kubectl describe pod/);
    assert.match(first!, /endpoints/);
    assert.match(gate!, /Ready condition is False \(ReadinessGatesNotReady\)/);
    assert.match(item!, /"api"/);
    assert.match(messages(fixture, 'pod-running-not-ready', 'zh-cn')[0]!, /就绪探针/);
  });
  it('stays quiet on the documents after the triggering ones', () => {
    for (const text of docs.slice(3)) assert.deepEqual(findings(text, 'pod-running-not-ready'), []);
  });
  it('is an info finding and triggers on its own docs example', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'pod-running-not-ready')!.severity, 3);
    const rule = ruleById('pod-running-not-ready')!;
    assert.equal(findings(rule.docs.en.example, 'pod-running-not-ready').length, 1);
    assert.equal(findings(rule.docs['zh-cn'].example, 'pod-running-not-ready').length, 1);
  });
  it('explains itself in Chinese', () => {
    for (const m of messages(fixture, 'pod-running-not-ready', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
