import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleById } from '../../../server/src/service/rules';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'container-restarting.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('container-restarting', () => {
  it('reports restartCount values, or the CrashLoopBackOff reason when there is no count', () => {
    assert.deepEqual(findings(fixture, 'container-restarting'), [
      '21:19 container-restarting',
      '34:19 container-restarting',
      '61:17 container-restarting',
      '96:21 container-restarting',
    ]);
  });
  it('shows the container, the count, the last termination and the logs command', () => {
    const [init, app, noCount] = messages(fixture, 'container-restarting');
    assert.match(init!, /"migrate" has restarted 2 times/);
    assert.match(app!, /"app" has restarted 7 times/);
    assert.match(app!, /OOMKilled, exit code 137/);
    assert.match(app!, /CrashLoopBackOff/);
    assert.match(app!, /kubectl logs web-0 -c app -n shop --previous/);
    assert.match(noCount!, /kubectl logs web-1 -c app --previous/);
    assert.match(messages(fixture, 'container-restarting', 'zh-cn')[1]!, /已重启 7 次/);
  });
  it('does not count 0 restarts: a container in CrashLoopBackOff before its first restart keeps restarting', () => {
    const text = [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web-2', '  uid: 1f0c2e6b', 'spec:', '  containers:', '  - name: app', '    image: app:1.0',
      'status:', '  phase: Running', '  containerStatuses:', '  - name: app', '    ready: false', '    restartCount: 0', '    state:', '      waiting:', '        reason: CrashLoopBackOff', '',
    ].join('\n');
    const [m] = messages(text, 'container-restarting');
    assert.match(m!, /Container "app" keeps restarting, and it is now in CrashLoopBackOff/);
    assert.doesNotMatch(m!, /0 times/);
  });
  it('stays quiet on the documents after the triggering ones', () => {
    for (const text of docs.slice(3)) assert.deepEqual(findings(text, 'container-restarting'), []);
  });
  it('is an info finding and triggers on its own docs example', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'container-restarting')!.severity, 3);
    const rule = ruleById('container-restarting')!;
    assert.equal(findings(rule.docs.en.example, 'container-restarting').length, 1);
    assert.equal(findings(rule.docs['zh-cn'].example, 'container-restarting').length, 1);
  });
  it('explains itself in Chinese', () => {
    for (const m of messages(fixture, 'container-restarting', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
