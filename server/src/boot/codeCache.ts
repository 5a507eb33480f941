/**
 * Loads a bundle with a V8 code cache, so that a server started again does
 * not compile its JavaScript again: dist/server.js (boot.ts) loads the server,
 * dist/server-main.js, this way. It takes about 20 ms off a 175 ms start-up
 * here (scripts/bench measures both). The language service's bundle,
 * dist/engine.js, is left to `require`: with a cache it loaded 10 ms sooner,
 * but a fresh server then opened a 20,000-line file later (median 626 against
 * 570 ms over 12 alternated starts, first hover and completion no faster).
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
 * an update gets a new file, and the old one is deleted when the new one is
 * written.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * What happened to the cache: none asked for (`off`), read and used (`used`),
 * none there yet (`missing`), or there and rejected by V8 (`rejected`).
 */
export type CacheStatus = 'off' | 'used' | 'missing' | 'rejected';

export interface LoadedBundle {
  readonly exports: unknown;
  readonly status: CacheStatus;
  /**
   * Writes the cache, if this process has none that V8 took. Call it once the
   * bundle has run a while: functions compiled by then are in the cache too.
   * Never throws; returns whether a file was written.
   */
  save(): boolean;
}

/** The cache folder from `--cache-dir=<folder>` on the command line, if any. */
export function cacheDirFrom(argv: readonly string[]): string | undefined {
  const arg = argv.find((a) => a.startsWith('--cache-dir='));
  const dir = arg?.slice('--cache-dir='.length);
  return dir ? dir : undefined;
}

export function loadBundle(file: string, cacheDir: string | undefined): LoadedBundle {
  if (!cacheDir) return { exports: require(file), status: 'off', save: () => false };
  let source: string;
  let cacheFile: string;
  try {
    source = readFileSync(file, 'utf8');
    const { size, mtimeMs } = statSync(file);
    cacheFile = join(cacheDir, `${cacheStem(file)}${size}-${Math.floor(mtimeMs)}-v8-${process.versions.v8}.cache`);
  } catch {
    return { exports: require(file), status: 'off', save: () => false };
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
  let saved = status === 'used';
  return {
    exports: module.exports,
    status,
    save: () => {
      if (saved) return false;
      saved = true;
      return writeCache(script, cacheDir, cacheFile, cacheStem(file));
    },
  };
}

/** `engine.js` → `engine.js-`: what every cache file of one bundle starts with. */
function cacheStem(file: string): string {
  return `${basename(file)}-`;
}

/** Writes to a temporary name and renames, so a server starting meanwhile never reads half a file. */
function writeCache(script: Script, dir: string, file: string, stem: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, file);
    // Caches of earlier builds of the same bundle are of no more use.
    for (const name of readdirSync(dir)) {
      if (name.startsWith(stem) && name.endsWith('.cache') && join(dir, name) !== file) unlinkSync(join(dir, name));
    }
    return true;
  } catch {
    return false;
  }
}
