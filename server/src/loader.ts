/**
 * dist/server.js, the file editors start: runs the language server's bundle
 * (dist/server.bundle.js) from the V8 code cache the build made for it
 * (dist/server.cache), and loads the language service (dist/engine.js) on
 * first use from dist/engine.cache the same way. A cache holds the compiled
 * bundle and every function start-up (or the first requests) ran, so they are
 * not compiled again.
 *
 * A cache fits only the V8 that made it, with the same V8 flags: under another
 * Node release, VS Code's Electron or `--max-semi-space-size`, the bundle is
 * compiled as usual after reading the cache file's first bytes. Nothing is
 * written at run time. `NODE_DEBUG=podsense` tells which cache was used.
 *
 * A cache file: a 128-byte ASCII header `podsense-code-cache 1 <V8 version>
 * <arch> <bundle id>` padded with spaces, then V8's cached data. The bundle id
 * is the hash the build appends to the bundle (`//# podsenseBundle=<id>`): a
 * cache never runs with another build's bundle, even one of the same length,
 * which is all V8 checks. V8 does not verify a cache's checksum unless told to
 * and crashes on a damaged one, so the check is on while compiling (the build
 * made the caches with `--verify-snapshot-checksum`, which the flags must match).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { debuglog } from 'node:util';
import { Script } from 'node:vm';

/** What the build's cache maker (scripts/code-cache.mjs) sets to collect the compiled scripts instead of reading caches. */
const COLLECT = Symbol.for('podsense.codeCache');
interface Collected {
  readonly script: Script;
  readonly id: string;
}
const collect = (globalThis as { [COLLECT]?: Map<string, Collected> })[COLLECT];

const HEADER = 128;
const MAGIC = 'podsense-code-cache';
const ID = '//# podsenseBundle=';
const VERIFY = '--verify-snapshot-checksum';
const debug = debuglog('podsense');

/** The id the build appended to a bundle, or '' (a bundle built without one never takes a cache). */
function bundleId(source: string): string {
  const at = source.lastIndexOf(ID);
  return at < 0 ? '' : source.slice(at + ID.length).trim();
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

/** Whether two caches' V8 headers agree on the magic number, V8 version hash and flag hash (words 0, 1 and 3; 2 is the source's). */
function sameV8(a: Buffer, b: Buffer): boolean {
  return a.length >= 16 && b.length >= 16 && a.readUInt32LE(0) === b.readUInt32LE(0) && a.readUInt32LE(4) === b.readUInt32LE(4) && a.readUInt32LE(12) === b.readUInt32LE(12);
}

/** Turns V8's checksum verification of code caches on; returns what turns it off again. */
function verifyChecksums(): () => void {
  if (process.execArgv.includes(VERIFY)) return () => undefined;
  const v8 = require('node:v8') as typeof import('node:v8');
  v8.setFlagsFromString(VERIFY);
  return () => v8.setFlagsFromString(`--no-${VERIFY.slice(2)}`);
}

/**
 * The cache's V8 data when it was made for this bundle by this V8 with these
 * flags, else undefined. Calls `verify` once the file's own header fits.
 */
function readCache(file: string, id: string, verify: () => void): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(HEADER + 16);
    if (!readFully(fd, head, 0)) return undefined;
    const [magic, format, v8, arch, bundle] = head.toString('latin1', 0, HEADER).trimEnd().split(' ');
    if (magic !== MAGIC || format !== '1' || v8 !== process.versions.v8 || arch !== process.arch || bundle !== id) return undefined;
    verify();
    // Same V8 release: does it run with the flags the cache was made with? (Checked before reading the rest.)
    if (!sameV8(head.subarray(HEADER), new Script('0').createCachedData())) return undefined;
    const data = Buffer.allocUnsafe(fstatSync(fd).size - HEADER);
    return readFully(fd, data, HEADER) ? data : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Compiles a bundle as a CommonJS module, from its cache when one fits, and runs it. */
function load(name: string, file: string, requireFor: (base: NodeJS.Require) => NodeJS.Require): unknown {
  const source = readFileSync(file, 'utf8');
  const id = bundleId(source);
  // The wrapper on a line of its own: line numbers in stack traces stay the bundle's.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${source}\n})`;
  const options = { filename: file, lineOffset: -1 };
  let script: Script;
  if (collect) {
    script = new Script(wrapped, options);
    collect.set(name, { script, id });
  } else {
    let verifyOff: (() => void) | undefined;
    try {
      const cachedData = id ? readCache(join(__dirname, `${name}.cache`), id, () => (verifyOff = verifyChecksums())) : undefined;
      script = new Script(wrapped, { ...options, cachedData });
      debug('%s: %s', name, !cachedData ? 'no cache fits' : script.cachedDataRejected ? 'cache rejected' : 'cache used');
    } finally {
      verifyOff?.();
    }
  }
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const fn = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void;
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
