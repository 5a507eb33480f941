import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostics, findings } from '../helpers';

const ID = 'share-process-namespace';
const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'share-process-namespace.yaml'), 'utf8');
const docs = text.split(/^---\n/m);
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe(ID, () => {
  it('reports the Pod that shares its PID namespace', () => {
    assert.deepEqual(findings(text, ID), [
      '6:3 share-process-namespace',
    ]);
  });

  it('does not report shareProcessNamespace: false', () => {
    assert.deepEqual(findings(docs[docs.length - 1]!, ID), []);
  });

  it('has a Chinese message in zh-cn', () => {
    const zh = diagnostics(text, 'zh-cn').filter((d) => d.code === ID);
    assert.equal(zh.length, 1);
    for (const d of zh) assert.match(messageOf(d), /[\u4e00-\u9fff]/);
  });
});
