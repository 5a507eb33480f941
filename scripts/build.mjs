#!/usr/bin/env node
// `npm run build`: generate the schema model (when stale), then bundle the
// extension client, the language server and (later) the CLI with esbuild.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts', 'generate-schema.mjs'), '--if-stale'], { stdio: 'inherit' });

mkdirSync(join(root, 'dist'), { recursive: true });
copyFileSync(join(root, 'server', 'generated', 'k8s-schema.json'), join(root, 'dist', 'k8s-schema.json'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};
const started = Date.now();
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
]);
console.log(`build: dist/extension.js, dist/server.js, dist/k8s-schema.json in ${Date.now() - started} ms`);
