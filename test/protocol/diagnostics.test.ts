import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
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

  it('answers a pull with the previous result id "unchanged" when an edit changed no finding, and in full when one did', async () => {
    const client = new LspClient();
    const uri = 'file:///pod.yaml';
    type Report = { kind: string; resultId?: string; items?: { code: string; range: { start: { line: number } } }[] };
    const pull = (previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    try {
      await client.initialize('en', { textDocument: { diagnostic: {} } });
      client.open(uri, POD);
      const first = await pull();
      assert.equal(first.kind, 'full');
      assert.ok(first.resultId);
      // Typing inside the image's name changes no finding.
      client.change(uri, 2, [{ range: { start: { line: 8, character: 16 }, end: { line: 8, character: 16 } }, text: 'x' }]);
      const same = await pull(first.resultId);
      assert.deepEqual(same, { kind: 'unchanged', resultId: first.resultId });
      // Without the id the client holds, the client gets the report in full.
      assert.equal((await pull()).kind, 'full');
      // A comment line above moves every finding down a line.
      client.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# moved\n' }]);
      const moved = await pull(first.resultId);
      assert.equal(moved.kind, 'full');
      assert.notEqual(moved.resultId, first.resultId);
      const line = (r: Report) => r.items!.find((d) => d.code === 'unknown-field')!.range.start.line;
      assert.equal(line(moved), line(first) + 1);
      // Fixing the finding is a change too.
      client.change(uri, 4, [{ range: { start: { line: 6, character: 2 }, end: { line: 6, character: 9 } }, text: 'hostPID' }]);
      const fixed = await pull(moved.resultId);
      assert.equal(fixed.kind, 'full');
      assert.ok(!fixed.items!.some((d) => d.code === 'unknown-field'));
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });

  it('answers pulls on a multi-document file after each edit as a fresh open of the same text would be answered', async () => {
    const client = new LspClient();
    const uri = 'file:///many.yaml';
    type Report = { kind: string; resultId?: string; items?: unknown[] };
    const pull = (u: string, previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri: u }, previousResultId });
    const pods = Array.from({ length: 6 }, (_, i) => POD.replace('name: p', `name: p${i}`));
    let text = pods.join('---\n');
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
    try {
      await client.initialize('en', { textDocument: { diagnostic: {} } });
      client.open(uri, text);
      let held = await pull(uri);
      let version = 1;
      const kinds: string[] = [];
      // Each edit replaces `from` (found after `after`) with `to`, as a range on one line.
      const edit = async (after: number, from: string, to: string) => {
        const at = text.indexOf(from, after);
        const line = lineOf(at);
        const character = at - (text.lastIndexOf('\n', at - 1) + 1);
        client.change(uri, ++version, [{ range: { start: { line, character }, end: { line, character: character + from.length } }, text: to }]);
        text = text.slice(0, at) + to + text.slice(at + from.length);
        const report = await pull(uri, held.resultId);
        kinds.push(report.kind);
        if (report.kind === 'full') held = report;
        else assert.equal(report.resultId, held.resultId);
        const again = `file:///again-${version}.yaml`;
        client.open(again, text);
        assert.deepEqual(held.items, (await pull(again)).items, `after replacing ${JSON.stringify(from)} with ${JSON.stringify(to)}`);
        client.close(again);
      };
      await edit(text.indexOf('name: p3'), 'nginx:1.27', 'nginx:1.28');
      await edit(text.indexOf('name: p2'), 'spec:', '# moved\nspec:');
      await edit(text.indexOf('name: p4'), 'hostpid', 'hostPID');
      await edit(text.indexOf('name: p1'), '  hostpid: true', '  # podsense-disable-next-line unknown-field\n  hostpid: true');
      await edit(text.indexOf('name: p5'), 'spec:', 'spec:\n  {{- if .Values.x }}');
      await edit(text.indexOf('name: p0'), 'nginx:1.27', 'nginx:1.29');
      assert.deepEqual(kinds, ['unchanged', 'full', 'full', 'full', 'full', 'unchanged']);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });

  it('keeps two files with the same documents apart (a copy of a file): an edit in one leaves the other’s report', async () => {
    const client = new LspClient();
    type Report = { kind: string; resultId?: string; items?: { code: string; range: { start: { line: number } } }[] };
    const pull = (uri: string, previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    const text = [0, 1, 2].map((i) => POD.replace('name: p', `name: p${i}`)).join('---\n');
    const [left, right] = ['file:///work/pods.yaml', 'file:///work/copy/pods.yaml'];
    try {
      await client.initialize('en', { textDocument: { diagnostic: {} } });
      client.open(left, text);
      const before = await pull(left);
      client.open(right, text);
      const other = await pull(right);
      assert.deepEqual(other.items, before.items);
      assert.deepEqual(
        before.items!.filter((d) => d.code === 'unknown-field').map((d) => d.range.start.line),
        [5, 15, 25],
      );
      // The first file fixes the middle Pod's key.
      client.change(left, 2, [{ range: { start: { line: 15, character: 2 }, end: { line: 15, character: 9 } }, text: 'hostPID' }]);
      const edited = await pull(left, before.resultId);
      assert.deepEqual(
        edited.items!.filter((d) => d.code === 'unknown-field').map((d) => d.range.start.line),
        [5, 25],
      );
      assert.equal((await pull(right, other.resultId)).kind, 'unchanged');
      assert.deepEqual((await pull(right)).items, before.items);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });

  it('reports no problems in the other side of a diff (git:, pr:, fugitive: …), where hover still works', async () => {
    const client = new LspClient();
    type Report = { kind: string; items: unknown[] };
    const pull = (uri: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
    const views = ['git:/work/pod.yaml?%7B%22ref%22%3A%22HEAD%22%7D', 'review:/work/pod.yaml?%7B%22base%22%3Atrue%7D', 'fugitive:///work/.git//0/pod.yaml'];
    try {
      await client.initialize('en', { textDocument: { diagnostic: {} } });
      client.open('file:///work/pod.yaml', POD);
      assert.ok((await pull('file:///work/pod.yaml')).items.length > 0);
      for (const uri of views) {
        client.open(uri, POD);
        const report = await pull(uri);
        assert.deepEqual([report.kind, report.items], ['full', []], uri);
        const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 1 } });
        assert.match(hover!.contents.value, /\*\*spec\*\*/, uri);
      }
      // Any other scheme is checked: an unsaved file, a file of a remote or virtual workspace.
      for (const uri of ['untitled:Untitled-1', 'vscode-vfs://github/org/repo/pod.yaml']) {
        client.open(uri, POD);
        assert.ok((await pull(uri)).items.length > 0, uri);
      }
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });

  it('applies rule levels from settings and from .podsense.yaml, settings winning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podsense-'));
    try {
      mkdirSync(join(dir, '.git'));
      mkdirSync(join(dir, 'k8s'));
      writeFileSync(join(dir, '.podsense.yaml'), 'rules:\n  unknown-field: hint\n  no-readiness-probe: off\n  host-pid: error\n');
      const uri = pathToFileURL(join(dir, 'k8s', 'pod.yaml')).href;
      const client = new LspClient();
      try {
        client.configuration = { rules: { 'host-pid': 'info' } };
        await client.initialize('en', { workspace: { configuration: true } });
        const published = client.waitForNotification('textDocument/publishDiagnostics');
        client.open(uri, POD.replace('hostpid: true', 'hostpid: true\n  hostPID: true'));
        const diags = ((await published) as unknown as { params: { diagnostics: { code: string; severity: number }[] } }).params.diagnostics;
        assert.equal(diags.find((d) => d.code === 'unknown-field')?.severity, 4);
        assert.equal(diags.find((d) => d.code === 'host-pid')?.severity, 3);
        assert.ok(!diags.some((d) => d.code === 'no-readiness-probe'));
        assert.ok(diags.some((d) => d.code === 'no-liveness-probe'));
        assert.equal(await client.shutdown(), 0);
      } finally {
        client.proc.kill();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports at most podsense.maxNumberOfProblems per file, the most severe, with a note saying how many are not shown', async () => {
    const client = new LspClient();
    const uri = 'file:///many.yaml';
    type Report = { kind: string; resultId?: string; items?: { code: string; severity: number; message: string; range: { start: { line: number } } }[] };
    const pull = (previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    // Per Pod: an unknown field (error) and host-network-dns-policy (warning), the liveness and readiness notes (info).
    const pod = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  hostNetwork: true\n  hostnetwrk: true\n  containers:\n  - name: a\n    image: nginx:1.27\n`;
    const text = Array.from({ length: 30 }, (_, i) => pod(i)).join('---\n');
    try {
      client.configuration = { maxNumberOfProblems: 40 };
      await client.initialize('en', { workspace: { configuration: true }, textDocument: { diagnostic: {} } });
      client.open(uri, text);
      const capped = await pull();
      const items = capped.items!;
      assert.equal(items.length, 40);
      assert.equal(items[0].code, 'too-many-problems');
      assert.equal(items[0].range.start.line, 0);
      const total = Number(/has ([\d,]+) problems/.exec(items[0].message)![1].replace(/,/g, ''));
      assert.ok(total > 40, items[0].message);
      assert.match(items[0].message, /shows the 39 most severe/);
      // The 30 errors all, then the first 9 warnings; after the note, in their order in the file.
      const kept = items.slice(1);
      assert.equal(kept.filter((d) => d.severity === 1).length, 30);
      assert.equal(kept.filter((d) => d.severity === 2).length, 9);
      assert.ok(kept.every((d, k) => k === 0 || d.range.start.line >= kept[k - 1].range.start.line));
      // A new limit is a new report, though no finding changed.
      client.configuration = { maxNumberOfProblems: 0 };
      client.notify('workspace/didChangeConfiguration', { settings: {} });
      const all = await pull(capped.resultId);
      assert.equal(all.kind, 'full');
      assert.equal(all.items!.length, total);
      assert.ok(!all.items!.some((d) => d.code === 'too-many-problems'));
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });

  it('reports nothing when podsense.validate.enable is false', async () => {
    const client = new LspClient();
    try {
      client.configuration = { validate: { enable: false } };
      await client.initialize('en', { workspace: { configuration: true } });
      const published = client.waitForNotification('textDocument/publishDiagnostics');
      client.open('file:///pod.yaml', POD);
      const diags = ((await published) as unknown as Published).params.diagnostics;
      assert.deepEqual(diags, []);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.proc.kill();
    }
  });
});
