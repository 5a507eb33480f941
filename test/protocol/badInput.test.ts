import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LspClient, SERVER } from './lspClient';

type HoverResult = { contents: { value: string } } | null;

/**
 * The 10 MB file is validated in the background (in slices, between requests), which keeps a loaded
 * 2-core machine busy for seconds: every request must be answered, within this generous bound.
 */
const SLOW = 30_000;

describe('the server keeps answering on bad input', { skip: existsSync(SERVER) ? false : 'dist/server.js missing: run npm run build' }, () => {
  it('survives binary junk, Helm templates, an empty file and a 10 MB file', async () => {
    const client = new LspClient();
    try {
      await client.initialize('en');
      let junk = '';
      for (let i = 0; i < 20_000; i++) junk += String.fromCharCode((i * 7919) % 65_535);
      const helm = 'apiVersion: v1\nkind: Pod\nspec:\n  {{- if .Values.x }}\n  hostPID: true\n  {{- end }}\n';
      const one = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC: true\n---\n';
      const big = one.repeat(Math.ceil((10 * 1024 * 1024) / one.length));
      const docs: [string, string][] = [
        ['file:///junk.yaml', junk],
        ['file:///helm.yaml', helm],
        ['file:///empty.yaml', ''],
        ['file:///big.yaml', big],
      ];
      for (const [uri, text] of docs) {
        client.open(uri, text);
        for (const position of [{ line: 0, character: 0 }, { line: 4, character: 3 }, { line: 99_999_999, character: 5 }]) {
          await client.request('textDocument/hover', { textDocument: { uri }, position }, SLOW);
        }
      }
      const lastLine = big.split('\n').length - 3;
      const started = Date.now();
      const hover = await client.request<HoverResult>(
        'textDocument/hover',
        { textDocument: { uri: 'file:///big.yaml' }, position: { line: lastLine, character: 4 } },
        SLOW,
      );
      assert.match(hover!.contents.value, /hostIPC/);
      // The big file is parsed once per version: a second hover does not parse it again.
      const second = Date.now();
      await client.request('textDocument/hover', { textDocument: { uri: 'file:///big.yaml' }, position: { line: 5, character: 4 } }, SLOW);
      assert.ok(Date.now() - second <= Math.max(2000, (second - started) / 2), 'second hover on an unchanged file re-parsed it');
      client.open('file:///pod.yaml', 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n');
      const ok = await client.request<HoverResult>('textDocument/hover', { textDocument: { uri: 'file:///pod.yaml' }, position: { line: 3, character: 4 } }, SLOW);
      assert.match(ok!.contents.value, /hostNetwork/);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });
});
