/**
 * dist/server.js: the language server's entry point. It loads the server
 * (dist/server-main.js, main.ts) with a V8 code cache when the editor passes
 * `--cache-dir=<folder>`, and with `require` otherwise (boot/codeCache.ts).
 * Kept apart from the server so that, with a cache, this file is all that
 * Node compiles at start-up: two kilobytes.
 */
import { join } from 'node:path';
import { cacheDirFrom, LoadedBundle, loadBundle } from './boot/codeCache';

const cacheDir = cacheDirFrom(process.argv);
const server = loadBundle(join(__dirname, 'server-main.js'), cacheDir);
const main = server.exports as { offerCodeCache?: (take: LoadedBundle['take']) => void; loadBundlesWith?: (load: (file: string) => LoadedBundle) => void };
// The server asks for the cache a while after it starts and sends it to the editor, which stores it (server.ts).
if (server.status === 'missing' || server.status === 'rejected') main.offerCodeCache?.(server.take);
// The language service's bundle, which the server loads on first use, has its cache in the same folder.
if (cacheDir) main.loadBundlesWith?.((file) => loadBundle(file, cacheDir));
