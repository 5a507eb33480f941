import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LspClient, SERVER } from './lspClient';

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: nginx',
  'spec:',
  '  shareProcessNamespace: true',
  '  containers:',
  '  - name: nginx',
  '    image: nginx',
  '',
].join('\n');

type HoverResult = { contents: { kind: string; value: string }; range: unknown } | null;

describe('language server over stdio', { skip: existsSync(SERVER) ? false : 'dist/server.js missing: run npm run build' }, () => {
  for (const [locale, expected] of [
    ['en', /What it does to the Pod:/],
    ['zh-cn', /对 Pod 的影响：/],
  ] as const) {
    it(`initializes, hovers in ${locale} and shuts down cleanly`, async () => {
      const client = new LspClient();
      try {
        const init = await client.initialize(locale);
        const caps = (init as { capabilities: Record<string, unknown> }).capabilities;
        assert.equal(caps.hoverProvider, true);
        client.open('file:///pod.yaml', POD);
        const hover = await client.request<HoverResult>('textDocument/hover', {
          textDocument: { uri: 'file:///pod.yaml' },
          position: { line: 5, character: 4 },
        });
        assert.ok(hover, 'no hover');
        assert.equal(hover.contents.kind, 'markdown');
        assert.match(hover.contents.value, /\*\*shareProcessNamespace\*\* `<boolean>`/);
        assert.match(hover.contents.value, expected);
        const nothing = await client.request<HoverResult>('textDocument/hover', {
          textDocument: { uri: 'file:///pod.yaml' },
          position: { line: 7, character: 2 },
        });
        assert.equal(nothing, null);
        assert.equal(await client.shutdown(), 0);
      } finally {
        client.proc.kill();
      }
    });
  }

  it('follows podsense.language over the client locale', async () => {
    const client = new LspClient();
    try {
      client.configuration = { language: 'zh-cn' };
      await client.initialize('en', { workspace: { configuration: true } });
      client.open('file:///pod.yaml', POD);
      const hover = await client.request<HoverResult>('textDocument/hover', {
        textDocument: { uri: 'file:///pod.yaml' },
        position: { line: 5, character: 4 },
      });
      assert.match(hover!.contents.value, /对 Pod 的影响：/);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });

  it('applies incremental edits and answers for unknown documents', async () => {
    const client = new LspClient();
    try {
      await client.initialize('en');
      client.open('file:///pod.yaml', POD);
      client.notify('textDocument/didChange', {
        textDocument: { uri: 'file:///pod.yaml', version: 2 },
        contentChanges: [{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 23 } }, text: 'hostPID' }],
      });
      const hover = await client.request<HoverResult>('textDocument/hover', {
        textDocument: { uri: 'file:///pod.yaml' },
        position: { line: 5, character: 4 },
      });
      assert.match(hover!.contents.value, /\*\*hostPID\*\*/);
      const unknown = await client.request<HoverResult>('textDocument/hover', {
        textDocument: { uri: 'file:///never-opened.yaml' },
        position: { line: 0, character: 0 },
      });
      assert.equal(unknown, null);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });
});
