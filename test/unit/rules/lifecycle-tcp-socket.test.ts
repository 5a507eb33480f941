import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostics, findings } from '../helpers';

const ID = 'lifecycle-tcp-socket';
const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'lifecycle-tcp-socket.yaml'), 'utf8');
const docs = text.split(/^---\n/m);
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe(ID, () => {
  it('reports tcpSocket in postStart and in preStop', () => {
    assert.deepEqual(findings(text, ID), [
      '11:9 lifecycle-tcp-socket',
      '14:9 lifecycle-tcp-socket',
    ]);
  });

  it('does not report tcpSocket in a probe, or a sleep preStop', () => {
    assert.deepEqual(findings(docs[docs.length - 1]!, ID), []);
  });

  it('says what happens for each hook', () => {
    const messages = diagnostics(text).filter((d) => d.code === ID).map((d) => messageOf(d));
    assert.match(messages[0]!, /container is killed/);
    assert.match(messages[1]!, /FailedPreStopHook/);
  });

  it('has a Chinese message in zh-cn', () => {
    const zh = diagnostics(text, 'zh-cn').filter((d) => d.code === ID);
    assert.equal(zh.length, 2);
    for (const d of zh) assert.match(messageOf(d), /[\u4e00-\u9fff]/);
  });
});
