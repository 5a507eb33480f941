/**
 * `--cache-dir`: the server writes its code cache there when it exits, the
 * next server starts from it, and a damaged one costs nothing but the cache.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LspClient, SERVER } from './lspClient';

const skip = existsSync(SERVER) ? false : 'dist/server.js missing: run npm run build';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n  - name: a\n    image: nginx\n';
const URI = 'file:///cached.yaml';

const dir = mkdtempSync(join(tmpdir(), 'podsense-server-cache-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** One session: the hover on `hostPID` and the diagnostics' codes, then shutdown and exit. */
async function session(args: string[]): Promise<{ hover: unknown; codes: string[] }> {
  const c = new LspClient(['--stdio', ...args]);
  try {
    await c.initialize('en');
    const published = c.waitForNotification('textDocument/publishDiagnostics', 15_000);
    c.open(URI, POD);
    const codes = ((await published).params as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code).sort();
    const hover = await c.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 5, character: 4 } });
    assert.equal(await c.shutdown(), 0);
    return { hover, codes };
  } finally {
    c.proc.kill();
  }
}

const caches = () => readdirSync(dir).filter((n) => n.startsWith('server-main.js-') && n.endsWith('.cache'));

describe('the server with --cache-dir', { skip }, () => {
  it('writes its code cache at exit, starts from it next time, and answers as without one', async () => {
    const without = await session([]);
    assert.ok(without.codes.includes('host-pid'), `the session checks something: ${without.codes.join(', ')}`);

    assert.deepEqual(await session([`--cache-dir=${dir}`]), without);
    const [name] = caches();
    assert.ok(name, `a cache in ${dir}: ${readdirSync(dir).join(', ')}`);
    const written = statSync(join(dir, name)).mtimeMs;

    assert.deepEqual(await session([`--cache-dir=${dir}`]), without);
    assert.equal(statSync(join(dir, name)).mtimeMs, written, 'a cache V8 took is read, not written again');
  });

  it('starts from a damaged cache as from none, and replaces it', async () => {
    const [name] = caches();
    writeFileSync(join(dir, name), 'junk');
    const answers = await session([`--cache-dir=${dir}`]);
    assert.ok(answers.codes.includes('host-pid'));
    assert.ok(statSync(join(dir, name)).size > 1000, 'the damaged cache was written again');
  });
});
