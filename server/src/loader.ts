/**
 * dist/server.js, the file editors start: runs the language server's bundle
 * (dist/server.bundle.js) from the V8 code cache the build made for it
 * (dist/server.cache), and loads the language service (dist/engine.js) on
 * first use from dist/engine.cache the same way. A cache holds the compiled
 * bundle and every function start-up (or the first requests) ran, so they are
 * not compiled again.
 *
 * A cache fits only the V8 that made it, run with the same V8 flags. Under
 * another Node release, VS Code's Electron or `--max-semi-space-size`, the
 * loader reads the cache file's header and `require`s the bundle as Node
 * always did. Nothing is written at run time. `NODE_DEBUG=podsense` tells
 * which cache was used.
 *
 * A cache file: a 256-byte ASCII header, `podsense-code-cache 2 <V8 version>
 * <arch> <bundle id> <probe>` padded with spaces, then V8's cached data.
 * - The bundle id is the hash the build appended to the bundle
 *   (`//# podsenseBundle=<id>`): a cache never runs with another build's
 *   bundle, even one of the same length, which is all V8 checks.
 * - The probe is the start of the cached data V8 makes for a one-line script
 *   under the flags the cache was made with: the same probe made here says
 *   whether V8 would take the cache, before reading it or the bundle.
 * V8 does not verify a cache's checksum unless told to and crashes on a
 * damaged one, so the check is on while the cache is made and while it is read.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { debuglog } from 'node:util';
import type { Script } from 'node:vm';

// node:vm and node:module are required only when a cache may fit: the fallback (Node's own require)
// loads nothing Node has not loaded already.
const vm = (): typeof import('node:vm') => require('node:vm');

/** What the build's cache maker (scripts/code-cache.mjs) sets to collect the compiled scripts instead of reading caches. */
const COLLECT = Symbol.for('podsense.codeCache');
interface Collected {
  readonly script: Script;
  readonly id: string;
}
const collect = (globalThis as { [COLLECT]?: Map<string, Collected> })[COLLECT];

const HEADER = 256;
const FORMAT = 'podsense-code-cache 2';
const ID = '//# podsenseBundle=';
const VERIFY = '--verify-snapshot-checksum';
const debug = debuglog('podsense');

/**
 * V8's cached-data header words for a one-line script under the current flags:
 * magic number, version hash and flag hash (word 2 is the source's), as hex.
 */
export function v8Probe(): string {
  const data = new (vm().Script)('0').createCachedData();
  return data.toString('hex', 0, 8) + data.toString('hex', 12, 16);
}

/** Runs `f` with V8 verifying (and, when making a cache, writing) code cache checksums. */
export function withChecksums<T>(f: () => T): T {
  if (process.execArgv.includes(VERIFY)) return f();
  const v8 = require('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString(VERIFY);
  try {
    return f();
  } finally {
    v8.setFlagsFromString(`--no-${VERIFY.slice(2)}`);
  }
}

function readFully(fd: number, into: Buffer, position: number): boolean {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}

/** The bundle's cache file, open, with the id of the bundle it was made for, if V8 here would take it. */
function openCache(file: string): { fd: number; id: string } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(HEADER);
    if (readFully(fd, head, 0)) {
      const [magic, format, v8, arch, id, probe] = head.toString('latin1').trimEnd().split(' ');
      if (`${magic} ${format}` === FORMAT && v8 === process.versions.v8 && arch === process.arch && id && probe === v8Probe()) return { fd, id };
    }
  } catch {
    // Unreadable: no cache.
  }
  closeSync(fd);
  return undefined;
}

/** Runs a bundle as a CommonJS module: from its cache when one fits, else through Node's `require`. */
function load(name: string, file: string, requireFor: (base: NodeJS.Require) => NodeJS.Require): unknown {
  const cache = collect ? undefined : openCache(join(__dirname, `${name}.cache`));
  let script: Script | undefined;
  try {
    if (collect || cache) {
      const source = readFileSync(file, 'utf8');
      const at = source.lastIndexOf(ID);
      const id = at < 0 ? '' : source.slice(at + ID.length).trim();
      // The wrapper on a line of its own: line numbers in stack traces stay the bundle's.
      const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${source}\n})`;
      const options = { filename: file, lineOffset: -1 };
      if (collect) {
        script = new (vm().Script)(wrapped, options);
        collect.set(name, { script, id });
      } else if (cache && id === cache.id) {
        const cachedData = Buffer.allocUnsafe(fstatSync(cache.fd).size - HEADER);
        if (readFully(cache.fd, cachedData, HEADER)) {
          script = withChecksums(() => new (vm().Script)(wrapped, { ...options, cachedData }));
          debug('%s: %s', name, script.cachedDataRejected ? 'cache rejected' : 'cache used');
        }
      }
    }
  } finally {
    if (cache) closeSync(cache.fd);
  }
  if (!script) {
    debug('%s: no cache fits', name);
    return require(file);
  }
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const fn = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void;
  const { createRequire } = require('node:module') as typeof import('node:module');
  fn.call(module.exports, module.exports, requireFor(createRequire(file)), module, file, __dirname);
  module.loaded = true;
  return module.exports;
}

let engine: unknown;
load('server', join(__dirname, 'server.bundle.js'), (base) => {
  // The bundle requires the language service on first use (server.ts): that goes through its cache too.
  const require = ((id: string) => (id === './engine.js' ? (engine ??= load('engine', join(__dirname, 'engine.js'), (r) => r)) : base(id))) as NodeJS.Require;
  return Object.assign(require, base);
});
