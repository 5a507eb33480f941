/**
 * The server's code cache, stored by the extension: the server only reads
 * its `--cache-dir` and never writes a file, so it sends a cache it could not
 * use as `podsense/codeCache`, and this writes it there (server/src/boot/).
 * Plain Node, no `vscode`: tested on its own (test/unit/clientCodeCache.test.ts).
 */
import { mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_NAME, type CodeCacheParams } from '../../server/src/boot/cacheName';

/** A cache is a few hundred kilobytes; anything far bigger is not one. */
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Writes the cache into `dir` under its name (to a temporary name first, so a
 * server starting meanwhile never reads half a file), and deletes the caches
 * of earlier builds of the same bundle. Returns whether it was written; never
 * throws. A name that is not a cache file's is refused.
 */
export function storeCodeCache(dir: string, params: unknown): boolean {
  const { name, data } = (params ?? {}) as Partial<CodeCacheParams>;
  if (typeof name !== 'string' || !CACHE_NAME.test(name) || typeof data !== 'string' || data.length > (MAX_BYTES / 3) * 4) return false;
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.from(data, 'base64'));
    renameSync(temporary, file);
    const bundle = name.slice(0, name.indexOf('.js-') + '.js-'.length);
    for (const other of readdirSync(dir)) {
      if (other !== name && other.startsWith(bundle) && other.endsWith('.cache')) unlinkSync(join(dir, other));
    }
    return true;
  } catch {
    return false;
  }
}
