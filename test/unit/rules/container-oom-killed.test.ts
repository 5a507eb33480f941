import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleById } from '../../../server/src/service/rules';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'container-oom-killed.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('container-oom-killed', () => {
  it('reports the OOMKilled reason of the current or the previous run', () => {
    assert.deepEqual(findings(fixture, 'container-oom-killed'), [
      '24:17 container-oom-killed',
      '63:17 container-oom-killed',
      '93:19 container-oom-killed',
    ]);
  });
  it('names the memory limit from the matching spec container', () => {
    const [app, noLimit, init] = messages(fixture, 'container-oom-killed');
    assert.match(app!, /"app"/);
    assert.match(app!, /256Mi/);
    assert.match(app!, /137/);
    assert.match(app!, /MaxRAMPercentage/);
    assert.match(noLimit!, /no resources\.limits\.memory/);
    assert.match(init!, /"warmup".*128Mi/);
    assert.match(messages(fixture, 'container-oom-killed', 'zh-cn')[0]!, /内存上限/);
  });
  it('stays quiet on the documents after the triggering ones', () => {
    for (const text of docs.slice(3)) assert.deepEqual(findings(text, 'container-oom-killed'), []);
  });
  it('is an info finding and triggers on its own docs example', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'container-oom-killed')!.severity, 3);
    const rule = ruleById('container-oom-killed')!;
    assert.equal(findings(rule.docs.en.example, 'container-oom-killed').length, 1);
    assert.equal(findings(rule.docs['zh-cn'].example, 'container-oom-killed').length, 1);
  });
  it('explains itself in Chinese', () => {
    for (const m of messages(fixture, 'container-oom-killed', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
