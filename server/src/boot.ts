/**
 * dist/server.js: the language server's entry point. It loads the server
 * (dist/server-main.js, main.ts) with a V8 code cache when the editor passes
 * `--cache-dir=<folder>`, and with `require` otherwise (boot/codeCache.ts).
 * Kept apart from the server so that, with a cache, this file is all that
 * Node compiles at start-up: two kilobytes.
 */
import { join } from 'node:path';
import { cacheDirFrom, loadBundle } from './boot/codeCache';

/** How long the server runs before its cache is written: what a session compiles first goes in too. */
const SAVE_AFTER_MS = 5000;

const server = loadBundle(join(__dirname, 'server-main.js'), cacheDirFrom(process.argv));
if (server.status === 'missing' || server.status === 'rejected') {
  // After SAVE_AFTER_MS, or at exit if the editor stops the server sooner; the timer keeps nothing alive.
  const save = (): void => {
    clearTimeout(timer);
    process.removeListener('exit', save);
    server.save();
  };
  const timer = setTimeout(save, SAVE_AFTER_MS);
  timer.unref();
  process.on('exit', save);
}
