/**
 * dist/server.js runs the server's bundle and the language service from the
 * V8 code caches the build made (server/src/loader.ts, scripts/code-cache.mjs).
 * Each case copies dist/ into a temporary folder, does something to the
 * caches there, and checks that the server answers initialize and a
 * diagnostics pull all the same, and which caches it used
 * (`NODE_DEBUG=podsense`).
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LspClient, SERVER } from './lspClient';

const DIST = dirname(SERVER);
const FILES = ['server.js', 'server.bundle.js', 'engine.js', 'k8s-schema.json'];
const CACHES = ['server.cache', 'engine.cache'];
const HEADER = 256;
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostpid: true\n  containers:\n  - name: a\n    image: nginx:1.27\n';
const skip = [...FILES, ...CACHES].every((f) => existsSync(join(DIST, f))) ? false : 'dist/ incomplete: run npm run build';

const folders: string[] = [];
/** A copy of the built server, with or without its caches. */
function copyOfDist(withCaches = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'podsense-cache-'));
  folders.push(dir);
  for (const f of withCaches ? [...FILES, ...CACHES] : FILES) copyFileSync(join(DIST, f), join(dir, f));
  return dir;
}

/** Starts the server in `dir`, pulls diagnostics for a Pod, and returns what the loader said about each cache. */
async function run(dir: string, execArgv: string[] = []): Promise<{ server?: string; engine?: string }> {
  const saved = process.env.NODE_DEBUG;
  process.env.NODE_DEBUG = 'podsense';
  let client: LspClient;
  try {
    client = new LspClient(['--stdio'], execArgv, join(dir, 'server.js'));
  } finally {
    if (saved === undefined) delete process.env.NODE_DEBUG;
    else process.env.NODE_DEBUG = saved;
  }
  try {
    const init = await client.initialize('en', { textDocument: { diagnostic: {} } });
    assert.ok((init as { capabilities: Record<string, unknown> }).capabilities.diagnosticProvider, client.stderr);
    client.open('file:///pod.yaml', POD);
    const report = await client.request<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///pod.yaml' } });
    assert.ok(
      report.items.some((d) => d.code === 'unknown-field'),
      `no unknown-field finding: ${JSON.stringify(report.items)}`,
    );
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.proc.kill('SIGKILL');
  }
  const said = (name: string) => new RegExp(`PODSENSE \\d+: ${name}: (.*)`).exec(client.stderr)?.[1];
  return { server: said('server'), engine: said('engine') };
}

/** Rewrites a copied file. */
function damage(file: string, change: (b: Buffer) => Buffer | void): void {
  const bytes = readFileSync(file);
  writeFileSync(file, change(bytes) ?? bytes);
}

describe('the code caches dist/server.js starts from', { skip }, () => {
  after(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('are used when they fit (same Node, no V8 flags), from any folder', async () => {
    assert.deepEqual(await run(copyOfDist()), { server: 'cache used', engine: 'cache used' });
  });

  // When the server's bundle is not run from its cache, Node's own `require` runs it, and
  // loads dist/engine.js as it always did (the loader says nothing about the engine then).
  it('are not needed: without them Node requires the bundles as usual', async () => {
    assert.deepEqual(await run(copyOfDist(false)), { server: 'no cache fits', engine: undefined });
    const dir = copyOfDist();
    rmSync(join(dir, 'engine.cache'));
    assert.deepEqual(await run(dir), { server: 'cache used', engine: 'no cache fits' });
  });

  it('are rejected by V8 when damaged inside, instead of crashing the process', async () => {
    const dir = copyOfDist();
    for (const c of CACHES) {
      damage(join(dir, c), (b) => {
        for (let i = HEADER + 4096; i < b.length; i += 509) b[i] ^= 0x5a;
      });
    }
    assert.deepEqual(await run(dir), { server: 'cache rejected', engine: 'cache rejected' });
  });

  it('are rejected when cut short, or passed over when their header is garbage or empty', async () => {
    const dir = copyOfDist();
    truncateSync(join(dir, 'server.cache'), HEADER + Math.floor((readFileSync(join(dir, 'server.cache')).length - HEADER) / 2));
    damage(join(dir, 'engine.cache'), (b) => void b.fill(0x3f, 0, 64));
    assert.deepEqual(await run(dir), { server: 'cache rejected', engine: 'no cache fits' });
    truncateSync(join(dir, 'server.cache'), HEADER);
    writeFileSync(join(dir, 'engine.cache'), '');
    assert.deepEqual(await run(dir), { server: 'cache rejected', engine: 'no cache fits' });
  });

  it('are passed over for a bundle from another build', async () => {
    const dir = copyOfDist();
    // Same length, another id: all V8 checks is the length, so this takes the loader's own check.
    damage(join(dir, 'engine.js'), (b) => Buffer.from(b.toString('latin1').replace(/podsenseBundle=(\w)/, (_, c) => `podsenseBundle=${c === 'a' ? 'b' : 'a'}`), 'latin1'));
    assert.deepEqual(await run(dir), { server: 'cache used', engine: 'no cache fits' });
  });

  it('are passed over under other V8 flags (the extension starts the server with --max-semi-space-size=4)', async () => {
    assert.deepEqual(await run(copyOfDist(), ['--max-semi-space-size=4']), { server: 'no cache fits', engine: undefined });
  });
});
