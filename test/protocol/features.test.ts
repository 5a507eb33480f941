import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { LspClient, SERVER } from './lspClient';

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  sharedProcessNamespace: true',
  '  containers:',
  '  - name: web',
  '    image: nginx:1.27',
  '    ',
  '',
].join('\n');

describe('completion, code actions and symbols over stdio', { skip: existsSync(SERVER) ? false : 'dist/server.js missing: run npm run build' }, () => {
  it('answers each feature through the protocol', async () => {
    const client = new LspClient();
    try {
      const init = (await client.initialize('en')) as { capabilities: Record<string, unknown> };
      assert.ok(init.capabilities.completionProvider);
      assert.ok(init.capabilities.documentSymbolProvider);
      assert.deepEqual((init.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.podsense']);
      const published = client.waitForNotification('textDocument/publishDiagnostics');
      client.open('file:///pod.yaml', POD);
      const diagnostics = ((await published) as unknown as { params: { diagnostics: { code: string; range: unknown }[] } }).params.diagnostics;

      const completion = await client.request<{ items: { label: string }[] }>('textDocument/completion', {
        textDocument: { uri: 'file:///pod.yaml' },
        position: { line: 9, character: 4 },
      });
      const labels = completion.items.map((i) => i.label);
      assert.ok(labels.includes('readinessProbe') && !labels.includes('image'));

      const unknown = diagnostics.find((d) => d.code === 'unknown-field')!;
      const actions = await client.request<{ title: string; kind: string; edit?: unknown }[]>('textDocument/codeAction', {
        textDocument: { uri: 'file:///pod.yaml' },
        range: unknown.range,
        context: { diagnostics: [unknown] },
      });
      assert.ok(actions.some((a) => /shareProcessNamespace/.test(a.title) && a.kind === 'quickfix' && a.edit));
      assert.ok(actions.some((a) => /Disable unknown-field for this line/.test(a.title)));

      const symbols = await client.request<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', {
        textDocument: { uri: 'file:///pod.yaml' },
      });
      assert.equal(symbols[0].name, 'Pod web');
      assert.ok(symbols[0].children!.some((c) => c.name === 'container web'));
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });
});
