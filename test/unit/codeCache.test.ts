import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { storeCodeCache } from '../../client/src/codeCache';
import { cacheDirFrom, LoadedBundle, loadBundle } from '../../server/src/boot/codeCache';

// Each load here must compile, as in a fresh server: without this, V8 finds a source it compiled
// before in its own in-memory cache and never reads the cache file (a damaged one would pass).
setFlagsFromString('--no-compilation-cache');

const work = mkdtempSync(join(tmpdir(), 'podsense-code-cache-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A CommonJS bundle that uses what a module gets: require, exports, module, __filename and __dirname. */
function writeBundle(name: string, extra = ''): string {
  const file = join(work, name);
  writeFileSync(
    file,
    `const path = require('node:path');
exports.joined = (a, b) => path.join(a, b);
exports.twice = function twice(x) { return 2 * x; };
exports.where = { file: __filename, dir: __dirname };
module.exports.sameModule = module.exports === exports;
${extra}`,
  );
  return file;
}

type Bundle = { joined(a: string, b: string): string; twice(x: number): number; where: { file: string; dir: string }; sameModule: boolean };

function caches(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.cache'));
}

/** What the editor does with a cache the server sends: store it in the folder (client/src/codeCache.ts). */
function store(dir: string, loaded: LoadedBundle): boolean {
  const cache = loaded.take();
  return cache !== undefined && storeCodeCache(dir, { name: cache.name, data: cache.data.toString('base64') });
}

describe('the code cache of a bundle', () => {
  it('reads --cache-dir from the command line', () => {
    assert.equal(cacheDirFrom(['node', 'server.js', '--stdio', '--cache-dir=/home/u/.cache/x']), '/home/u/.cache/x');
    assert.equal(cacheDirFrom(['node', 'server.js', '--stdio']), undefined);
    assert.equal(cacheDirFrom(['--cache-dir=']), undefined);
  });

  it('without a folder, loads the bundle with require and offers no cache', () => {
    const file = writeBundle('plain.js');
    const loaded = loadBundle(file, undefined);
    assert.equal(loaded.status, 'off');
    assert.equal((loaded.exports as Bundle).twice(21), 42);
    assert.equal(loaded.take(), undefined);
  });

  it('is offered once and never written by the loader; stored by the editor, the next load uses it and gives the module what require gives it', () => {
    const file = writeBundle('server-main.js');
    const dir = join(work, 'cache-a', 'nested');
    const first = loadBundle(file, dir);
    assert.equal(first.status, 'missing');
    assert.equal((first.exports as Bundle).twice(4), 8);
    const cache = first.take()!;
    assert.match(cache.name, new RegExp(`^server-main\\.js-${statSync(file).size}-\\d+-v8-.+\\.cache$`));
    assert.ok(cache.data.length > 0);
    assert.equal(first.take(), undefined, 'offered once');
    assert.ok(!existsSync(dir), 'the loader writes nothing');
    assert.equal(storeCodeCache(dir, { name: cache.name, data: cache.data.toString('base64') }), true);
    assert.deepEqual(caches(dir), [cache.name]);

    const second = loadBundle(file, dir);
    assert.equal(second.status, 'used');
    const b = second.exports as Bundle;
    assert.equal(b.joined('a', 'b'), join('a', 'b'));
    assert.deepEqual(b.where, { file, dir: dirname(file) });
    assert.equal(b.sameModule, true);
    assert.equal(second.take(), undefined, 'a cache V8 took is not offered again');
  });

  it('is rejected when damaged: the bundle still loads, and a new cache is offered', () => {
    const file = writeBundle('damaged.js');
    const dir = join(work, 'cache-b');
    assert.equal(store(dir, loadBundle(file, dir)), true);
    const [name] = caches(dir);
    writeFileSync(join(dir, name), Buffer.from('not a V8 code cache, just junk bytes '.repeat(40)));
    const loaded = loadBundle(file, dir);
    assert.equal(loaded.status, 'rejected');
    assert.equal((loaded.exports as Bundle).twice(5), 10);
    assert.equal(store(dir, loaded), true);
    assert.equal(loadBundle(file, dir).status, 'used');
  });

  it('belongs to one build: a changed bundle gets a new cache, and storing it deletes the old one', () => {
    const file = writeBundle('rebuilt.js');
    const dir = join(work, 'cache-c');
    store(dir, loadBundle(file, dir));
    const [old] = caches(dir);
    writeBundle('rebuilt.js', 'exports.added = true;');
    const loaded = loadBundle(file, dir);
    assert.equal(loaded.status, 'missing');
    assert.equal((loaded.exports as Bundle & { added: boolean }).added, true);
    assert.equal(store(dir, loaded), true);
    const now = caches(dir);
    assert.equal(now.length, 1);
    assert.notEqual(now[0], old);
    assert.ok(!readdirSync(dir).some((n) => n.endsWith('.tmp')), 'no temporary file is left');
  });

  it('is stored only under a cache file name, and never fails: a folder that cannot be created is no cache', () => {
    const dir = join(work, 'cache-e');
    for (const name of ['../escape.cache', 'server-main.js-1-2-v8-11.cache/../../x', 'notes.txt', '', 42]) {
      assert.equal(storeCodeCache(dir, { name, data: 'AAAA' }), false, String(name));
    }
    assert.equal(storeCodeCache(dir, { name: 'server-main.js-1-2-v8-11.3.cache' }), false, 'no data');
    assert.equal(storeCodeCache(dir, null), false);
    assert.ok(!existsSync(join(work, 'escape.cache')));
    const file = writeBundle('nowhere.js');
    const blocker = join(work, 'a-file');
    writeFileSync(blocker, 'a file where the folder would go');
    const loaded = loadBundle(file, join(blocker, 'cache'));
    assert.equal(loaded.status, 'missing');
    assert.equal((loaded.exports as Bundle).twice(1), 2);
    assert.equal(store(join(blocker, 'cache'), loaded), false);
    assert.equal(readFileSync(blocker, 'utf8'), 'a file where the folder would go');
  });

  it('a bundle that cannot be read is left to require, which reports it', () => {
    assert.throws(() => loadBundle(join(work, 'missing.js'), join(work, 'cache-d')), /Cannot find module/);
  });
});
