/**
 * What a code cache file is called (boot/codeCache.ts names them):
 * `<bundle>-<size>-<mtime>-v8-<version>.cache`. The extension writes only
 * names of this shape, which the server sends it (client/src/codeCache.ts).
 */
export const CACHE_NAME = /^[\w.-]+\.js-\d+-\d+-v8-[\w.-]+\.cache$/;

/** The notification that carries a cache from the server to the editor. */
export const CODE_CACHE_NOTIFICATION = 'podsense/codeCache';

export interface CodeCacheParams {
  /** The file name (CACHE_NAME) the next server looks for in its `--cache-dir`. */
  readonly name: string;
  /** The cache's bytes, base64. */
  readonly data: string;
}
