#!/usr/bin/env node
// Bundles the workbench suite (test/e2e/suite) into dist/test/suite: VS Code
// requires `extensionTestsPath` to lie inside the extension folder. `vscode`
// comes from the extension host and mocha from node_modules (one instance, so
// the suite's `import { describe } from 'mocha'` reaches the runner's mocha).
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: ['test/e2e/suite/index.ts', 'test/e2e/suite/podsense.test.ts'],
  outdir: 'dist/test/suite',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
  absWorkingDir: root,
});
console.log('build-e2e: dist/test/suite/index.js, dist/test/suite/podsense.test.js');
