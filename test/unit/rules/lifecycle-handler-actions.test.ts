import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostics, findings } from '../helpers';

const ID = 'lifecycle-handler-actions';
const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'lifecycle-handler-actions.yaml'), 'utf8');
const docs = text.split(/^---\n/m);
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe(ID, () => {
  it('reports an empty handler, exec+sleep, and httpGet+tcpSocket (a null exec does not count)', () => {
    assert.deepEqual(findings(text, ID), [
      '10:7 lifecycle-handler-actions',
      '15:7 lifecycle-handler-actions',
      '20:7 lifecycle-handler-actions',
    ]);
  });

  it('does not report one action per handler, or lifecycle values that are not maps', () => {
    assert.deepEqual(findings(docs[docs.length - 1]!, ID), []);
  });

  it('names the actions present', () => {
    const messages = diagnostics(text).filter((d) => d.code === ID).map((d) => messageOf(d));
    assert.match(messages[0]!, /has no action/);
    assert.match(messages[1]!, /2 actions \(exec, sleep\)/);
    assert.match(messages[2]!, /2 actions \(httpGet, tcpSocket\)/);
  });

  it('has a Chinese message in zh-cn', () => {
    const zh = diagnostics(text, 'zh-cn').filter((d) => d.code === ID);
    assert.equal(zh.length, 3);
    for (const d of zh) assert.match(messageOf(d), /[\u4e00-\u9fff]/);
  });
});
