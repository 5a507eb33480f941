import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleById } from '../../../server/src/service/rules';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'pod-phase-unknown.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('pod-phase-unknown', () => {
  it('reports the phase value Unknown', () => {
    assert.deepEqual(findings(fixture, 'pod-phase-unknown'), ['14:10 pod-phase-unknown', '41:12 pod-phase-unknown']);
  });
  it('points at the node and at the upstream deprecation', () => {
    const [en] = messages(fixture, 'pod-phase-unknown');
    assert.match(en!, /kubelet/);
    assert.match(en!, /kubectl get nodes/);
    assert.match(en!, /no longer set/);
    assert.match(messages(fixture, 'pod-phase-unknown', 'zh-cn')[0]!, /节点/);
  });
  it('stays quiet on the documents after the triggering ones', () => {
    for (const text of docs.slice(2)) assert.deepEqual(findings(text, 'pod-phase-unknown'), []);
  });
  it('is an info finding and triggers on its own docs example', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'pod-phase-unknown')!.severity, 3);
    const rule = ruleById('pod-phase-unknown')!;
    assert.equal(findings(rule.docs.en.example, 'pod-phase-unknown').length, 1);
    assert.equal(findings(rule.docs['zh-cn'].example, 'pod-phase-unknown').length, 1);
  });
  it('explains itself in Chinese', () => {
    for (const m of messages(fixture, 'pod-phase-unknown', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
