/**
 * Hostile inputs through every feature of the service, in process: alias
 * bombs, deep nesting, huge files and lines, junk bytes, odd encodings and
 * line endings, prototype keys and custom tags. Bounds: 1 s per call for
 * the small inputs, 10 s per call for the megabyte ones (the YAML parser
 * needs about 1-3 s per MB of flow YAML on this 2-core machine).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { exerciseAll } from '../fuzz/harness';
import * as hostile from '../fuzz/hostile';
import { diagnostics, service } from './helpers';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** Probes at the start, the middle, the deepest point and the end. */
function probesFor(text: string, budgetMs: number, deepest = Math.floor(text.length / 2)) {
  const n = text.length;
  return { offsets: [0, 1, deepest, n >> 1, n - 1, n], ranges: [[0, n], [deepest, deepest + 1], [n >> 1, n]] as [number, number][], budgetMs };
}

const SMALL = 1_000;
const BIG = 10_000;

describe('hostile inputs through every feature', () => {
  it('an alias bomb and a 10,000-link alias chain: answered fast, nothing expanded', () => {
    for (const text of [hostile.aliasBomb(), hostile.aliasChain()]) {
      const before = heapMb();
      exerciseAll(service(), text, probesFor(text, SMALL, text.lastIndexOf('*')));
      // Expanding the bomb would need gigabytes; walking the AST needs next to nothing.
      assert.ok(heapMb() - before < 50, 'heap grew by more than 50 MB');
    }
    // The bomb's aliases stand where lists of containers belong: the schema check says so once per use.
    const codes = diagnostics(hostile.aliasBomb()).map((d) => d.code);
    assert.ok(codes.length < 50, `${codes.length} diagnostics`);
    // Over 1,000 aliases the document is not parsed at all (alias resolution in the parser is quadratic).
    const chain = diagnostics(hostile.aliasChain());
    assert.deepEqual(chain.map((d) => d.code), ['document-too-large']);
    assert.match(String(chain[0].message), /over 1000 aliases/);
  });

  it('10,000-deep flow maps and sequences: no stack overflow', () => {
    for (const text of [hostile.deepFlowMaps(), hostile.deepFlowSeqs()]) {
      const deepest = text.indexOf('1}') >= 0 ? text.indexOf('1}') : text.indexOf('1]');
      exerciseAll(service(), text, probesFor(text, SMALL * 2, deepest));
    }
  });

  it('block nesting as deep as fits in a document (1,400 levels), and 10,000 levels (too large: one note)', () => {
    for (const text of [hostile.deepBlockMaps(), hostile.deepBlockSeqs()]) exerciseAll(service(), text, probesFor(text, SMALL * 2, text.length - 3));
    const tooDeep = hostile.deepBlockMaps(10_000);
    const started = performance.now();
    assert.deepEqual(diagnostics(tooDeep).map((d) => d.code), ['document-too-large']);
    assert.ok(performance.now() - started < BIG);
  });

  it('a 10 MB file, a 100,000-line file and a 1 MB line', () => {
    // The 10 MB file has 80,000 documents: validated in slices, as the server does (the whole takes ~0.5 ms a document).
    const big = hostile.bigFile();
    exerciseAll(service(), big, { ...probesFor(big, BIG), slice: [79_000, 79_100] });
    for (const text of [hostile.manyLines(), hostile.oneMegabyteLine()]) exerciseAll(service(), text, probesFor(text, BIG));
  });

  it('binary junk, invalid UTF-8, NUL bytes, BOM, CRLF, mixed line endings, tabs, Unicode keys, empty and comment-only files', () => {
    const texts = { junk: hostile.binaryJunk(), 'invalid UTF-8': hostile.INVALID_UTF8.toString('utf8'), ...hostile.oddFiles() };
    for (const [name, text] of Object.entries(texts)) {
      const offsets = Array.from({ length: Math.min(text.length + 1, 400) }, (_, i) => Math.floor((i * (text.length + 1)) / 400));
      exerciseAll(service(), text, { offsets, ranges: [[0, text.length]], budgetMs: SMALL }, undefined, name);
    }
    for (const name of ['empty', 'only comments', 'only markers', 'only a BOM']) assert.deepEqual(diagnostics(hostile.oddFiles()[name]), [], name);
  });

  it('memory returns to its level once the documents are dropped', () => {
    const before = heapMb();
    for (let round = 0; round < 1; round++) {
      for (const text of [hostile.bigFile(), hostile.oneMegabyteLine(), hostile.aliasBomb(), hostile.deepFlowMaps()]) {
        exerciseAll(service(), text, { ...probesFor(text, BIG), slice: text.length > 5e6 ? [0, 100] : undefined });
      }
    }
    const after = heapMb();
    assert.ok(after - before < 30, `heap ${before.toFixed(0)} MB -> ${after.toFixed(0)} MB`);
  });
});

describe('nothing in a document is evaluated', () => {
  it('prototype keys and custom tags: no pollution, no code run, answers well formed', () => {
    for (const name of ['prototype keys', 'custom tags']) {
      const text = hostile.oddFiles()[name];
      const offsets = Array.from({ length: text.length + 1 }, (_, i) => i);
      exerciseAll(service(), text, { offsets, ranges: offsets.map((i) => [0, i] as [number, number]), budgetMs: SMALL }, undefined, name);
      for (const locale of ['en', 'zh-cn'] as const) exerciseAll(service(), text, { offsets: [], ranges: [[0, text.length]], locale }, undefined, name);
    }
    const probe: Record<string, unknown> = {};
    assert.equal(probe.polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.equal((globalThis as { pwned?: unknown }).pwned, undefined);
    // `__proto__` is reported as the unknown field it is, not swallowed by an object's prototype.
    const unknown = diagnostics(hostile.oddFiles()['prototype keys']).filter((d) => d.code === 'unknown-field').map((d) => String(d.message));
    assert.ok(unknown.some((m) => m.includes('__proto__')), unknown.join('\n'));
    assert.ok(unknown.some((m) => m.includes('constructor')), unknown.join('\n'));
  });
});
