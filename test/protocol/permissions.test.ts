/**
 * Security: the server and the CLI run under Node's permission model with
 * read access to their own files only (and, for `lint -o`, write access to
 * that one file), so a write, a child process or a worker throws; a preload
 * makes every network call throw. Any such attempt shows on stderr or in the
 * server's log, and the tests fail on it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as hostile from '../fuzz/hostile';
import { LspClient, SERVER } from './lspClient';

const DIST = join(__dirname, '..', '..', 'dist');
const CLI = join(DIST, 'cli.js');
const GUARD = join(__dirname, 'noNetwork.cjs');
const EXAMPLES = join(__dirname, '..', '..', 'examples');
const FORBIDDEN = /ERR_ACCESS_DENIED|PODSENSE-GUARD/;
const major = Number(process.versions.node.split('.')[0]);
const skip = !existsSync(SERVER) || !existsSync(CLI) ? 'dist missing: run npm run build' : major < 20 ? 'needs Node 20 (permission model)' : false;

/** Node 20.20 takes one path per flag; a folder needs `/*` to cover what is inside it. */
function permissionArgs(readDirs: string[], write: string[] = []): string[] {
  return [
    '--experimental-permission',
    ...[DIST, ...readDirs].map((d) => `--allow-fs-read=${d}/*`),
    `--allow-fs-read=${GUARD}`,
    ...write.map((f) => `--allow-fs-write=${f}`),
    '--no-warnings',
    '--require',
    GUARD,
  ];
}

describe('nothing but reading, under the permission model', { skip }, () => {
  it('the server: every feature on ordinary and hostile documents, no write, child process, worker or network', async () => {
    // With a code cache folder it may only read: the cache it could not use goes to the client instead.
    const cacheDir = mkdtempSync(join(tmpdir(), 'podsense-perm-cache-'));
    const c = new LspClient(['--stdio', `--cache-dir=${cacheDir}`], permissionArgs([cacheDir]));
    try {
      await c.initialize('en', { textDocument: { diagnostic: {} }, workspace: { configuration: true } }, process.pid, { codeCache: true });
      const docs: Record<string, string> = {
        'file:///work/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n  - name: a\n    image: nginx:latest\n    imagePullPolicy: Sometimes\n',
        'untitled:Untitled-1': hostile.oddFiles()['prototype keys'],
        'file:///work/tags.yaml': hostile.oddFiles()['custom tags'],
        'file:///work/bomb.yaml': hostile.aliasBomb(),
      };
      for (const [uri, text] of Object.entries(docs)) {
        c.open(uri, text);
        const report = await c.request<{ items: { range: unknown }[] }>('textDocument/diagnostic', { textDocument: { uri } });
        await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 4 } });
        await c.request('textDocument/completion', { textDocument: { uri }, position: { line: 6, character: 2 } });
        await c.request('textDocument/documentSymbol', { textDocument: { uri } });
        await c.request('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
          context: { diagnostics: report.items },
        });
        await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
      }
      c.notify('workspace/didChangeConfiguration', { settings: { podsense: { language: 'zh-cn' } } });
      c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///work/.podsense.yaml', type: 1 }] });
      await c.request('textDocument/hover', { textDocument: { uri: 'file:///work/pod.yaml' }, position: { line: 5, character: 4 } });
      assert.equal(await c.shutdown(), 0);
      const log = c.notifications.map((n) => JSON.stringify(n.params)).join('\n');
      assert.doesNotMatch(c.stderr, FORBIDDEN);
      assert.doesNotMatch(log, FORBIDDEN);
      assert.ok(c.notifications.some((n) => n.method === 'podsense/codeCache'), 'the code cache went to the client');
      assert.deepEqual(readdirSync(cacheDir), []);
    } finally {
      c.proc.kill();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('the CLI writes only the -o file, and prints valid JSON for prototype keys, custom tags and invalid UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podsense-perm-'));
    try {
      const inputs = join(dir, 'in');
      const { mkdirSync } = require('node:fs') as typeof import('node:fs');
      mkdirSync(inputs);
      writeFileSync(join(inputs, 'proto.yaml'), hostile.oddFiles()['prototype keys']);
      writeFileSync(join(inputs, 'tags.yaml'), hostile.oddFiles()['custom tags']);
      writeFileSync(join(inputs, 'utf8.yaml'), hostile.INVALID_UTF8);
      writeFileSync(join(inputs, 'bomb.yaml'), hostile.aliasBomb());
      const out = join(dir, 'report.json');
      const run = (args: string[], write: string[] = []) =>
        spawnSync(process.execPath, [...permissionArgs([inputs, EXAMPLES], write), CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...process.env, LANG: 'C' } });
      const toFile = run(['lint', inputs, EXAMPLES, '-f', 'json', '-o', out, '--fail-on', 'none'], [out]);
      assert.equal(toFile.status, 0, toFile.stderr);
      assert.doesNotMatch(toFile.stderr, FORBIDDEN);
      const report = JSON.parse(readFileSync(out, 'utf8')) as { files: { path: string; diagnostics: { message: string }[] }[] };
      const proto = JSON.stringify(report).includes('__proto__');
      assert.ok(proto, 'the __proto__ key is reported as an unknown field');
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      const toStdout = run(['lint', inputs, '-f', 'sarif', '--fail-on', 'none']);
      assert.equal(toStdout.status, 0, toStdout.stderr);
      JSON.parse(toStdout.stdout);
      assert.doesNotMatch(toStdout.stderr, FORBIDDEN);
      // Without write permission, -o fails cleanly (exit 2 and a message), not with a crash.
      const denied = run(['lint', inputs, '-o', join(dir, 'elsewhere.txt')]);
      assert.equal(denied.status, 2);
      assert.match(denied.stderr, /cannot write/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
