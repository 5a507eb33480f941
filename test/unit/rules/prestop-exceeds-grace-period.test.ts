import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostics, findings } from '../helpers';

const ID = 'prestop-exceeds-grace-period';
const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'prestop-exceeds-grace-period.yaml'), 'utf8');
const docs = text.split(/^---\n/m);
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe(ID, () => {
  it('reports sh -c sleep 40 and sleep 30 against the default 30 s, and sleep.seconds 15 against 10 s', () => {
    assert.deepEqual(findings(text, ID), [
      '12:20 prestop-exceeds-grace-period',
      '18:20 prestop-exceeds-grace-period',
      '32:20 prestop-exceeds-grace-period',
    ]);
  });

  it('does not report a 60 s grace period, a short sleep, or a command that is not a list', () => {
    assert.deepEqual(findings(docs[docs.length - 1]!, ID), []);
  });

  it('gives both numbers', () => {
    const messages = diagnostics(text).filter((d) => d.code === ID).map((d) => messageOf(d));
    assert.match(messages[0]!, /waits 40s .* is 30s/);
    assert.match(messages[1]!, /waits 30s .* is 30s/);
    assert.match(messages[2]!, /waits 15s .* is 10s/);
  });

  it('has a Chinese message in zh-cn', () => {
    const zh = diagnostics(text, 'zh-cn').filter((d) => d.code === ID);
    assert.equal(zh.length, 3);
    for (const d of zh) assert.match(messageOf(d), /[\u4e00-\u9fff]/);
  });
});
