import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LspClient, SERVER } from './lspClient';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostpid: true\n  containers:\n  - name: a\n    image: nginx:1.27\n';

type Published = { params: { uri: string; version?: number; diagnostics: { code: string; source: string }[] } };

describe('diagnostics over stdio', { skip: existsSync(SERVER) ? false : 'dist/server.js missing: run npm run build' }, () => {
  it('pushes diagnostics on open and on every edit, at once', async () => {
    const client = new LspClient();
    try {
      await client.initialize('en');
      const first = client.waitForNotification('textDocument/publishDiagnostics');
      client.open('file:///pod.yaml', POD);
      const opened = (await first) as unknown as Published;
      assert.ok(opened.params.diagnostics.some((d) => d.code === 'unknown-field'));
      assert.ok(opened.params.diagnostics.every((d) => d.source === 'podsense'));
      const second = client.waitForNotification('textDocument/publishDiagnostics');
      client.notify('textDocument/didChange', {
        textDocument: { uri: 'file:///pod.yaml', version: 2 },
        contentChanges: [{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 9 } }, text: 'hostPID' }],
      });
      const edited = (await second) as unknown as Published;
      assert.equal(edited.params.version, 2);
      assert.ok(!edited.params.diagnostics.some((d) => d.code === 'unknown-field'));
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });

  it('answers pull diagnostics (LSP 3.17) for clients that ask', async () => {
    const client = new LspClient();
    try {
      const init = (await client.initialize('zh-cn', { textDocument: { diagnostic: {} } })) as { capabilities: Record<string, unknown> };
      assert.ok(init.capabilities.diagnosticProvider);
      client.open('file:///pod.yaml', POD);
      const report = await client.request<{ kind: string; items: { code: string; message: string }[] }>('textDocument/diagnostic', {
        textDocument: { uri: 'file:///pod.yaml' },
      });
      assert.equal(report.kind, 'full');
      const unknown = report.items.find((d) => d.code === 'unknown-field');
      assert.match(unknown!.message, /是不是想写 "hostPID"/);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });
});
