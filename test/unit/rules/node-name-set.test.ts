import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnostics, findings, messages } from '../helpers';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'rules', 'node-name-set.yaml'), 'utf8');

describe('node-name-set', () => {
  it('reports nodeName on its key, and not nodeSelector', () => {
    assert.deepEqual(findings(fixture, 'node-name-set'), ['6:3 node-name-set']);
  });
  it('names the node and the alternative, in both languages', () => {
    const [en] = messages(fixture, 'node-name-set');
    assert.match(en, /"worker-3"/);
    assert.match(en, /nodeSelector/);
    assert.equal(diagnostics(fixture).find((d) => d.code === 'node-name-set')!.severity, 2);
    assert.match(messages(fixture, 'node-name-set', 'zh-cn')[0], /调度器/);
  });
});
