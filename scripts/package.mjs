#!/usr/bin/env node
// `npm run package`: a production build (minified, no source maps), then
// `vsce package` into podsense-<version>.vsix. Everything the extension runs
// is bundled into dist/, so vsce packs no node_modules (`--no-dependencies`)
// and `.vscodeignore` is an allow-list. Prints the size and the file list,
// and fails if anything outside the allow-list got in.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { version, name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = `${name}-${version}.vsix`;

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-update-package-json', '--out', out], {
  cwd: root,
  stdio: 'inherit',
  // No telemetry or update lookups; vsce needs no network to package.
  env: { ...process.env, VSCE_TELEMETRY: 'off' },
});

// What is inside (a .vsix is a zip: list it with vsce's own reader).
const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
const allowed = /^(dist\/(extension|server|server-main|engine)\.js|dist\/k8s-schema\.json|snippets\/[^/]+\.json|syntaxes\/[^/]+\.json|package\.json|package\.nls(\.[a-z-]+)?\.json|media\/icon\.png|README\.md|CHANGELOG\.md|LICENSE)$/;
const unexpected = listing.filter((f) => !allowed.test(f));
const kib = (statSync(join(root, out)).size / 1024).toFixed(0);
console.log(`package: ${out}, ${kib} KiB, ${listing.length} files: ${listing.join(', ')}`);
if (unexpected.length > 0) {
  console.error(`package: unexpected files in the .vsix: ${unexpected.join(', ')}`);
  process.exit(1);
}
// And nothing the extension needs at run time is left out (dist/server.js loads dist/server-main.js, which requires dist/engine.js on first use).
const required = ['dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/engine.js', 'dist/k8s-schema.json', 'snippets/kubernetes.json'];
const missing = required.filter((f) => !listing.includes(f));
if (missing.length > 0) {
  console.error(`package: files missing from the .vsix: ${missing.join(', ')}`);
  process.exit(1);
}
