import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostics, findings } from '../helpers';

const ID = 'share-process-namespace-with-host-pid';
const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'share-process-namespace-with-host-pid.yaml'), 'utf8');
const docs = text.split(/^---\n/m);
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe(ID, () => {
  it('reports the Pod and the Deployment template that set both', () => {
    assert.deepEqual(findings(text, ID), [
      '7:3 share-process-namespace-with-host-pid',
      '27:7 share-process-namespace-with-host-pid',
    ]);
  });

  it('does not report a spec with hostPID: false', () => {
    assert.deepEqual(findings(docs[docs.length - 1]!, ID), []);
  });

  it('has a Chinese message in zh-cn', () => {
    const zh = diagnostics(text, 'zh-cn').filter((d) => d.code === ID);
    assert.equal(zh.length, 2);
    for (const d of zh) assert.match(messageOf(d), /[\u4e00-\u9fff]/);
  });
});
