import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostics, findings } from '../helpers';

const ID = 'host-network-dns-policy';
const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'host-network-dns-policy.yaml'), 'utf8');
const docs = text.split(/^---\n/m);
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

describe(ID, () => {
  it('reports hostNetwork without dnsPolicy (on hostNetwork) and with dnsPolicy: ClusterFirst (on dnsPolicy)', () => {
    assert.deepEqual(findings(text, ID), [
      '6:3 host-network-dns-policy',
      '17:3 host-network-dns-policy',
    ]);
  });

  it('does not report ClusterFirstWithHostNet, a deliberate Default or None, or no hostNetwork', () => {
    assert.equal(docs.length, 6);
    for (const doc of docs.slice(2)) assert.deepEqual(findings(doc, ID), []);
  });

  it('names the default policy when dnsPolicy is missing', () => {
    const [missing, explicit] = diagnostics(text).filter((d) => d.code === ID);
    assert.match(messageOf(missing!), /default dnsPolicy \(ClusterFirst\)/);
    assert.match(messageOf(explicit!), /dnsPolicy ClusterFirst does not/);
  });

  it('has a Chinese message in zh-cn', () => {
    const zh = diagnostics(text, 'zh-cn').filter((d) => d.code === ID);
    assert.equal(zh.length, 2);
    for (const d of zh) assert.match(messageOf(d), /[\u4e00-\u9fff]/);
  });
});
