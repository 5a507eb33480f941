/**
 * Start-up compiles dist/server.js and dist/server-main.js only: the language
 * service (the rules, the YAML parser, the texts) is dist/engine.js, loaded
 * with the first document. Something in the server that imports service code
 * pulls it into the start-up bundle, which once held the whole rule registry
 * (through the settings' rule-level check) and took 8 ms more to start.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/service/rules';

const MAIN = join(__dirname, '..', '..', 'dist', 'server-main.js');

describe('the start-up bundle', { skip: existsSync(MAIN) ? false : 'dist/server-main.js missing: run npm run build' }, () => {
  it('holds no rule of the language service', () => {
    const text = readFileSync(MAIN, 'utf8');
    const inside = RULES.filter((r) => text.includes(`"${r.id}"`)).map((r) => r.id);
    assert.deepEqual(inside, []);
    assert.ok(readFileSync(join(MAIN, '..', 'engine.js'), 'utf8').includes(`"${RULES[0].id}"`), 'the engine holds them');
  });
});
