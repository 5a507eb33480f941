/**
 * `--cache-dir`: the server reads its code cache there and never writes it.
 * A client that says it stores the cache (initializationOptions.codeCache)
 * gets it as `podsense/codeCache` by shutdown at the latest, and stores it as
 * the extension does; the next server starts from it, and a damaged one
 * costs nothing but the cache.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { storeCodeCache } from '../../client/src/codeCache';
import { LspClient, SERVER } from './lspClient';

const skip = existsSync(SERVER) ? false : 'dist/server.js missing: run npm run build';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n  - name: a\n    image: nginx\n';
const URI = 'file:///cached.yaml';

const dir = mkdtempSync(join(tmpdir(), 'podsense-server-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/**
 * One session: the hover on `hostPID` and the diagnostics' codes, then shutdown and exit. With a
 * cache folder the client says it stores the cache, and stores what the server sends, as the extension does.
 */
async function session(cacheDir?: string): Promise<{ hover: unknown; codes: string[]; sent: boolean; names: string[] }> {
  const c = new LspClient(['--stdio', ...(cacheDir ? [`--cache-dir=${cacheDir}`] : [])]);
  let sent = false;
  const names: string[] = [];
  c.onMessage((msg) => {
    if (msg.method !== 'podsense/codeCache' || !cacheDir) return;
    names.push((msg.params as { name: string }).name.replace(/\.js-.*/, '.js'));
    sent = storeCodeCache(cacheDir, msg.params);
  });
  try {
    await c.initialize('en', {}, process.pid, cacheDir ? { codeCache: true } : undefined);
    const published = c.waitForNotification('textDocument/publishDiagnostics', 15_000);
    c.open(URI, POD);
    const codes = ((await published).params as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code).sort();
    const hover = await c.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 5, character: 4 } });
    assert.equal(await c.shutdown(), 0);
    return { hover, codes, sent, names: names.sort() };
  } finally {
    c.proc.kill();
  }
}

const caches = (bundle = 'server-main.js') => readdirSync(dir).filter((n) => n.startsWith(`${bundle}-`) && n.endsWith('.cache'));

describe('the server with --cache-dir', { skip }, () => {
  it('sends its code cache for the client to store, starts from it next time, and answers as without one', async () => {
    const without = await session();
    assert.ok(without.codes.includes('host-pid'), `the session checks something: ${without.codes.join(', ')}`);
    assert.equal(without.sent, false);

    const same = (s: Awaited<ReturnType<typeof session>>) => ({ ...s, sent: undefined, names: undefined });
    const first = await session(dir);
    assert.deepEqual(same(first), same(without));
    assert.equal(first.sent, true, 'the cache came by shutdown');
    // The server's bundle and the language service's, which it loaded for the open.
    assert.deepEqual(first.names, ['engine.js', 'server-main.js']);
    const [name] = caches();
    const [engine] = caches('engine.js');
    assert.ok(name && engine, `both caches in ${dir}: ${readdirSync(dir).join(', ')}`);
    const written = [statSync(join(dir, name)).mtimeMs, statSync(join(dir, engine)).mtimeMs];

    const second = await session(dir);
    assert.deepEqual(same(second), same(without));
    assert.deepEqual(second.names, [], 'caches V8 took are not sent again');
    assert.deepEqual([statSync(join(dir, name)).mtimeMs, statSync(join(dir, engine)).mtimeMs], written);
  });

  it('starts from a damaged cache as from none, and sends a new one', async () => {
    for (const bundle of ['server-main.js', 'engine.js']) {
      const [name] = caches(bundle);
      writeFileSync(join(dir, name), 'junk');
      const answers = await session(dir);
      assert.ok(answers.codes.includes('host-pid'));
      assert.deepEqual(answers.names, [bundle]);
      assert.ok(statSync(join(dir, name)).size > 1000, `the damaged cache of ${bundle} was replaced`);
    }
  });
});
