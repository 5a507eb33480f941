import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { manifestRuleProperties, renderAll } from '../../scripts/generate-rule-docs';

describe('docs/rules', () => {
  it('matches the rule registry (run npm run docs:rules after changing a rule)', () => {
    for (const [name, text] of renderAll()) {
      const file = join(__dirname, '..', '..', 'docs', 'rules', name);
      assert.ok(existsSync(file), `docs/rules/${name} missing`);
      assert.equal(readFileSync(file, 'utf8'), text, `docs/rules/${name} is stale`);
    }
  });
  it('lists every rule in the podsense.rules setting of the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.configuration.properties['podsense.rules'].properties, manifestRuleProperties());
  });
});
