#!/usr/bin/env node
// Runs the TypeScript test files with Node's own test runner (through tsx).
// `node scripts/test.mjs [unit|protocol|cli ...]` picks layers; default: all.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const layers = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const chosen = layers.length > 0 ? layers : ['unit', 'protocol', 'cli'];

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = chosen.flatMap((layer) => find(join(root, 'test', layer))).map((f) => relative(root, f));
if (files.length === 0) {
  console.error(`no test files for ${chosen.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: '' } },
);
process.exit(result.status ?? 1);
