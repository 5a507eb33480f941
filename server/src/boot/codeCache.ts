/**
 * Loads a bundle with a V8 code cache, so that a server started again does
 * not compile its JavaScript again: dist/server.js (boot.ts) loads the server,
 * dist/server-main.js, this way. It takes about 20 ms off a 175 ms start-up
 * here (scripts/bench measures both). The server loads the language
 * service's bundle, dist/engine.js, the same way on first use, and sends its
 * cache later, with what the first open, hovers and completions compiled in
 * it (server.ts): a fresh server then opens big-multidoc in 273 ms instead of
 * 337 (medians of 8 bench sessions each, alternated in batches of 4). An
 * earlier try, with the cache taken at a different point, found the open
 * slower (626 against 570 ms); measured again it was not.
 * VS Code caches its own code the same way.
 * Node 22 has this built in (module.enableCompileCache); Node 20, and the
 * Electron of some VS Code versions, do not, so it is done with vm.Script's
 * cachedData, which all of them have.
 *
 * The cache lives only in a folder the editor gives us (VS Code: the
 * extension's global storage); never in a shared temporary folder, where
 * another user could plant code for us to run. Without one, bundles load
 * with `require`, as before.
 *
 * V8 checks a cache's version, flags and checksum and rejects a stale one,
 * but it checks the source only by its length. So a cache file is named after
 * its bundle's size and modification time and the V8 version: a new build or
 * an update gets a new file.
 *
 * The server only reads the cache: it never writes a file. When it has none
 * that V8 took, it hands the bytes to the editor (`take()`; server.ts sends
 * them as `podsense/codeCache`), and the editor's extension writes them into
 * its own storage and deletes the older ones (client/src/codeCache.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * What happened to the cache: none asked for (`off`), read and used (`used`),
 * none there yet (`missing`), or there and rejected by V8 (`rejected`).
 */
export type CacheStatus = 'off' | 'used' | 'missing' | 'rejected';

/** A cache for the editor to store: the file name the next server looks for, and the bytes. */
export interface CodeCache {
  readonly name: string;
  readonly data: Buffer;
}

export interface LoadedBundle {
  readonly exports: unknown;
  readonly status: CacheStatus;
  /**
   * The cache to store, once, if this process has none that V8 took; else
   * undefined. Ask once the bundle has run a while: functions compiled by
   * then are in the cache too. Never throws.
   */
  take(): CodeCache | undefined;
}


/** The cache folder from `--cache-dir=<folder>` on the command line, if any. */
export function cacheDirFrom(argv: readonly string[]): string | undefined {
  const arg = argv.find((a) => a.startsWith('--cache-dir='));
  const dir = arg?.slice('--cache-dir='.length);
  return dir ? dir : undefined;
}

export function loadBundle(file: string, cacheDir: string | undefined): LoadedBundle {
  if (!cacheDir) return { exports: require(file), status: 'off', take: () => undefined };
  let source: string;
  let cacheFile: string;
  try {
    source = readFileSync(file, 'utf8');
    const { size, mtimeMs } = statSync(file);
    cacheFile = join(cacheDir, `${basename(file)}-${size}-${Math.floor(mtimeMs)}-v8-${process.versions.v8}.cache`);
  } catch {
    return { exports: require(file), status: 'off', take: () => undefined };
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The same wrapper Node's CommonJS loader puts around a module.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const status: CacheStatus = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  let taken = status === 'used';
  return {
    exports: module.exports,
    status,
    take: () => {
      if (taken) return undefined;
      taken = true;
      try {
        return { name: basename(cacheFile), data: script.createCachedData() };
      } catch {
        return undefined;
      }
    },
  };
}
