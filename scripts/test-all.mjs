#!/usr/bin/env node
// `npm run test:all`: every test layer, each under a hard time limit (28
// minutes together at worst; about 4 minutes normally, plus 2 to install the
// runtime the first time)
// (coreutils `timeout`, which signals the layer's whole process group; the
// workbench launchers stop their own code-server on that signal), then one
// combined line: `N passed, N failed`. Exits 1 when any layer fails, times
// out or reports nothing.
//
//   fast        npm test: build, typecheck, unit + protocol + CLI tests
//   runtime     e2e/setup.sh: Node 24, code-server, Chromium (cached)
//   workbench   npm run test:e2e: the mocha suite in code-server's workbench
//   ui          npm run test:ui: the person's-eye test (packages the .vsix)
//
// `node scripts/test-all.mjs fast ui` runs some layers only.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Counters each layer prints: node's test runner (`ℹ pass N`), the workbench
// suite (`podsense-e2e: N passed, N failed`). Setup is no test: it adds
// nothing when it works and one failure when it does not.
const nodeTestCounts = (out) => {
  const pass = [...out.matchAll(/^ℹ pass (\d+)$/gm)].map((m) => Number(m[1]));
  const fail = [...out.matchAll(/^ℹ fail (\d+)$/gm)].map((m) => Number(m[1]));
  return pass.length ? { passed: pass.at(-1), failed: fail.at(-1) ?? 0 } : undefined;
};
const layers = [
  { name: 'fast', seconds: 480, cmd: ['npm', 'test'], counts: nodeTestCounts },
  { name: 'runtime', seconds: 720, cmd: ['bash', 'e2e/setup.sh'], counts: (_out, code) => ({ passed: 0, failed: code === 0 ? 0 : 1 }) },
  {
    name: 'workbench',
    seconds: 240,
    cmd: ['npm', 'run', 'test:e2e'],
    counts: (out) => {
      const all = [...out.matchAll(/^podsense-e2e: (\d+) passed, (\d+) failed$/gm)];
      const m = all.at(-1);
      return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
    },
  },
  { name: 'ui', seconds: 240, cmd: ['npm', 'run', 'test:ui'], counts: nodeTestCounts },
];

const chosen = process.argv.slice(2);
const selected = chosen.length ? layers.filter((l) => chosen.includes(l.name)) : layers;

function runLayer(layer) {
  return new Promise((resolve) => {
    const started = Date.now();
    let out = '';
    const child = spawn('timeout', ['--kill-after=20', String(layer.seconds), ...layer.cmd], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const tee = (stream) => (chunk) => {
      out += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = [];
for (const layer of selected) {
  console.log(`\n=== ${layer.name}: ${layer.cmd.join(' ')} (limit ${layer.seconds} s)`);
  const { code, out, seconds } = await runLayer(layer);
  let counts = layer.counts(out, code);
  let note = '';
  if (code === 124 || code === 137) note = `timed out after ${layer.seconds} s`;
  else if (code !== 0) note = `exit code ${code}`;
  if (!counts) {
    counts = { passed: 0, failed: 1 };
    note ||= 'reported no counts';
  }
  // A layer that failed without a failing test (build, typecheck, timeout) counts one failure.
  if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  results.push({ name: layer.name, ...counts, seconds, note });
}

console.log('\n=== summary');
for (const r of results) {
  console.log(`${r.name.padEnd(10)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(0).padStart(4)} s${r.note ? `  (${r.note})` : ''}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
