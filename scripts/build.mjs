#!/usr/bin/env node
// `npm run build`: generate the schema model (when stale), then bundle the
// extension client, the language server and (later) the CLI with esbuild.
// `--production` (used by `npm run package`) minifies and writes no source maps.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
execFileSync(process.execPath, [join(root, 'scripts', 'generate-schema.mjs'), '--if-stale'], { stdio: 'inherit' });

mkdirSync(join(root, 'dist'), { recursive: true });
copyFileSync(join(root, 'server', 'generated', 'k8s-schema.json'), join(root, 'dist', 'k8s-schema.json'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
  // ESM-only dependencies (fdir, under tinyglobby) read import.meta.url; give
  // the CommonJS bundle the real one.
  define: { 'import.meta.url': '__podsenseImportMetaUrl' },
  banner: { js: "const __podsenseImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};
/** Leaves the server's `require('./engine')` for dist/engine.js instead of inlining the service. */
const engineExternal = {
  name: 'engine-external',
  setup(b) {
    b.onResolve({ filter: /^\.\/engine$/ }, () => ({ path: './engine.js', external: true }));
  },
};
/**
 * `crypto` and `child_process` as vscode-jsonrpc and vscode-languageserver require them: loaded on first
 * use instead of at start-up (pipe names, registration ids, global module paths), -6 ms of start-up here.
 * They use them as `(0, crypto_1.randomUUID)()`, so an object that loads the module on first property
 * access will do.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(crypto|child_process)$/ }, (args) =>
      /[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver)[\\/]/.test(args.importer) ? { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `let m;
const load = () => (m ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const d = Reflect.getOwnPropertyDescriptor(load(), key);
    return d && { ...d, configurable: true };
  },
});`,
    }));
  },
};
/**
 * `yaml` as its ES module build instead of its CommonJS one. esbuild wraps a CommonJS package in an
 * object whose every export is a getter, so each `isMap(node)` in the service was a getter call
 * first: about 5% of opening a 20,000-line file in a fresh server, where nothing is compiled yet.
 * The ES module build is the same code (yaml publishes both from one source); bundled, its functions
 * are called directly, and what we do not use is left out. Its one difference: warnings go to
 * console.warn (the server's log) instead of process.emitWarning (stderr, which the editor logs too).
 * Tests run the CommonJS build through Node's own resolution.
 */
const yamlEsm = {
  name: 'yaml-esm',
  setup(b) {
    const entry = join(root, 'node_modules', 'yaml', 'browser', 'dist', 'index.js');
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: entry }));
  },
};
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const started = Date.now();
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // Minified: start-up is mostly compiling the bundle, and a smaller bundle compiles faster. The
  // language service is a second bundle the server requires on first use (server/src/engine.ts):
  // answering initialize then compiles the protocol code alone (start-up 203 -> ~170 ms here).
  // dist/server.js is a small loader (server/src/boot.ts) that loads the server, dist/server-main.js, with
  // the code cache an editor can ask for (--cache-dir): with it, nothing much is compiled at start-up.
  build({ ...common, entryPoints: ['server/src/boot.ts'], outfile: 'dist/server.js', minify: true }),
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server-main.js', minify: true, plugins: [engineExternal, lazyBuiltins, yamlEsm] }),
  build({ ...common, entryPoints: ['server/src/engine.ts'], outfile: 'dist/engine.js', minify: true, plugins: [yamlEsm] }),
  build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    minify: true,
    plugins: [yamlEsm],
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
    define: { ...common.define, PODSENSE_VERSION: JSON.stringify(version) },
  }),
]);
console.log(`build${production ? ' (production)' : ''}: dist/extension.js, dist/server.js, dist/server-main.js, dist/engine.js, dist/cli.js, dist/k8s-schema.json in ${Date.now() - started} ms`);
