import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/service/rules';

describe('rule registry', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate rule id');
    for (const id of ids) assert.match(id, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });
  it('documents every rule in English and Chinese with every heading', () => {
    for (const rule of RULES) {
      for (const locale of ['en', 'zh-cn'] as const) {
        const docs = rule.docs[locale];
        for (const heading of ['what', 'why', 'example', 'instead'] as const) {
          assert.ok(docs[heading] && docs[heading].trim().length > 10, `${rule.id}: ${locale} docs lack "${heading}"`);
        }
        assert.ok(rule.message[locale]({}).length > 10, `${rule.id}: no ${locale} message`);
      }
      assert.match(rule.docs['zh-cn'].why, /[\u4e00-\u9fff]/, `${rule.id}: zh-cn docs not in Chinese`);
      assert.ok(rule.references.length > 0 && rule.references.every((u) => u.startsWith('https://')), `${rule.id}: references`);
    }
  });
  it('has a fixture and a test named after every rule id', () => {
    for (const rule of RULES) {
      assert.ok(existsSync(join(__dirname, '..', 'fixtures', 'rules', `${rule.id}.yaml`)), `no fixture for ${rule.id}`);
      assert.ok(existsSync(join(__dirname, 'rules', `${rule.id}.test.ts`)), `no test for ${rule.id}`);
    }
  });
});
