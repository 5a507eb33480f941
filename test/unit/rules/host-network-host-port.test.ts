import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'host-network-host-port.yaml'), 'utf8');
const docs = fixture.split(/^---\n/m);

describe('host-network-host-port', () => {
  it('reports each hostPort that differs from its containerPort on the host network', () => {
    assert.deepEqual(findings(fixture, 'host-network-host-port'), ['19:21 host-network-host-port', '25:21 host-network-host-port']);
  });
  it('stays quiet on equal or missing hostPorts, and without hostNetwork (where hostPort maps)', () => {
    assert.ok(docs.length > 1);
    for (const text of docs.slice(1)) assert.deepEqual(findings(text, 'host-network-host-port'), []);
  });
  it('explains itself in both languages', () => {
    assert.equal(diagnostics(fixture).find((d) => d.code === 'host-network-host-port')!.severity, 1);
    const [, agent] = messages(fixture, 'host-network-host-port');
    assert.match(agent!, /container "agent" listens on the node's port 80 itself: .*hostPort 8080 must equal containerPort/);
    for (const m of messages(fixture, 'host-network-host-port', 'zh-cn')) assert.match(m, /[\u4e00-\u9fff]/);
  });
});
