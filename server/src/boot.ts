/**
 * dist/server.js: the language server's entry point. It loads the server
 * (dist/server-main.js, main.ts) with a V8 code cache when the editor passes
 * `--cache-dir=<folder>`, and with `require` otherwise (boot/codeCache.ts).
 * Kept apart from the server so that, with a cache, this file is all that
 * Node compiles at start-up: two kilobytes.
 */
import { join } from 'node:path';
import { cacheDirFrom, loadBundle } from './boot/codeCache';

const server = loadBundle(join(__dirname, 'server-main.js'), cacheDirFrom(process.argv));
// The server asks for the cache a while after it starts and sends it to the editor, which stores it (server.ts).
if (server.status === 'missing' || server.status === 'rejected') {
  (server.exports as { offerCodeCache?: (take: typeof server.take) => void }).offerCodeCache?.(server.take);
}
