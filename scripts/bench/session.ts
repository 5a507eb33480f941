/**
 * One benchmark session: start a language server over stdio and use it the
 * way an editor does, timing each step as the user waits for it.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { storeCodeCache } from '../../client/src/codeCache';
import { LspClient } from '../../test/protocol/lspClient';
import { BenchFile, distinctDocuments, keyOffsets, newLineOffsets } from './files';

export interface ServerSpec {
  readonly name: string;
  readonly script: string;
  readonly args: readonly string[];
  /** Node flags, as the server's editor extension starts it. */
  readonly execArgv?: readonly string[];
  /** `workspace/configuration` answers and the didChangeConfiguration payload. */
  readonly settings: Record<string, unknown>;
  readonly initializationOptions?: Record<string, unknown>;
  /** Where the server's code cache is stored when it sends one, as the VS Code extension stores it. */
  readonly codeCacheDir?: string;
}

export interface SessionResult {
  readonly startup: number;
  readonly openToDiagnostics: number;
  /** Another file of the same size (every document made distinct) opened once the server is warm. */
  readonly reopenToDiagnostics: number;
  /** The same text opened again under another name (a copy of the file elsewhere), after that. */
  readonly sameTextToDiagnostics: number;
  readonly hover: number[];
  readonly completion: number[];
  readonly completionAfterNewLine: number[];
  readonly editToDiagnostics: number[];
  /** Removing the new line again: every finding below it moves, so the whole report is sent. */
  readonly changingEditToDiagnostics: number[];
  readonly peakRssMb: number;
}

const HOVERS = 40;
const COMPLETIONS = 40;
const TIMEOUT = 300_000;

/** Fewer typing rounds on big files: yaml-language-server takes seconds per edit there. */
function rounds(file: BenchFile): { newLines: number; edits: number } {
  if (file.lines > 50_000) return { newLines: 4, edits: 6 };
  if (file.lines > 10_000) return { newLines: 8, edits: 12 };
  return { newLines: 10, edits: 30 };
}

export async function runSession(server: ServerSpec, file: BenchFile): Promise<SessionResult> {
  const started = performance.now();
  const client = new LspClient(server.args as string[], (server.execArgv ?? []) as string[], server.script);
  client.configurationFor = (section) => (section ? (server.settings[section] ?? {}) : server.settings);
  const cacheDir = server.codeCacheDir;
  if (cacheDir) client.onMessage((msg) => void (msg.method === 'podsense/codeCache' && storeCodeCache(cacheDir, msg.params)));
  try {
    const init = await client.request<{ capabilities: { diagnosticProvider?: unknown } }>(
      'initialize',
      {
        processId: process.pid,
        rootUri: null,
        locale: 'en',
        ...(server.initializationOptions ? { initializationOptions: server.initializationOptions } : {}),
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
          textDocument: {
            hover: { contentFormat: ['markdown', 'plaintext'] },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
            publishDiagnostics: { versionSupport: true },
            // As VS Code does: a server that offers pull diagnostics (LSP 3.17) is asked for them after each change.
            diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          },
        },
      },
      TIMEOUT,
    );
    const startup = performance.now() - started;
    const diagnostics = diagnosticsChannel(client, !!init.capabilities.diagnosticProvider);
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings: server.settings });

    const uri = pathToFileURL(file.path).href;
    let doc = TextDocument.create(uri, 'yaml', 1, file.text);
    const openStart = performance.now();
    await diagnostics.after(uri, () => client.open(uri, file.text));
    const openToDiagnostics = performance.now() - openStart;

    // Positions are computed before any clock starts: the bench's own first positionAt splits its copy of
    // the text into lines (milliseconds on a big file), which is the editor's work, not the server's.
    const hover: number[] = [];
    for (const position of keyOffsets(file.text, HOVERS).map((offset) => doc.positionAt(offset))) {
      hover.push(await timed(() => client.request('textDocument/hover', { textDocument: { uri }, position }, TIMEOUT)));
    }
    const completion: number[] = [];
    for (const position of keyOffsets(file.text, COMPLETIONS).map((offset) => doc.positionAt(offset - 1))) {
      completion.push(await timed(() => client.request('textDocument/completion', { textDocument: { uri }, position }, TIMEOUT)));
    }

    // Typing a new line under a container's image, then asking for completion at once.
    const completionAfterNewLine: number[] = [];
    const changingEditToDiagnostics: number[] = [];
    const { newLines, edits } = rounds(file);
    for (const offset of newLineOffsets(file.text, newLines)) {
      const indent = /^( *)/.exec(doc.getText().slice(doc.getText().lastIndexOf('\n', offset - 1) + 1))![1];
      const insert = `\n${indent}`;
      doc = change(client, doc, offset, offset, insert).send();
      const at = doc.positionAt(offset + insert.length);
      completionAfterNewLine.push(await timed(() => client.request('textDocument/completion', { textDocument: { uri }, position: at }, TIMEOUT)));
      // The client pulls the new line's report before it is removed, so the removal moves every finding
      // from where the client last saw them: a full report, as an editor gets it (push servers send one anyway).
      await diagnostics.sync(uri);
      const removal = change(client, doc, offset, offset + insert.length, '');
      changingEditToDiagnostics.push(await timed(() => diagnostics.after(uri, () => (doc = removal.send()))));
    }

    // Single-character edits in a value, each timed to the next diagnostics.
    const editToDiagnostics: number[] = [];
    const target = file.text.indexOf('image: ', Math.floor(file.text.length / 2)) + 'image: '.length;
    for (let i = 0; i < edits; i++) {
      const edit = i % 2 === 0 ? change(client, doc, target, target, 'x') : change(client, doc, target, target + 1, '');
      const t = performance.now();
      await diagnostics.after(uri, () => (doc = edit.send()));
      editToDiagnostics.push(performance.now() - t);
    }

    // Another file of the same size, now that the server's code is warm (the JIT has compiled
    // the parser): what opening a second large file costs, against the warm floor. Each of its
    // documents carries a comment of its own, so none is one the server already holds.
    const other = pathToFileURL(`${file.path}.other.yaml`).href;
    const reopenStart = performance.now();
    await diagnostics.after(other, () => client.open(other, distinctDocuments(file.text)));
    const reopenToDiagnostics = performance.now() - reopenStart;
    client.close(other);

    // The same text under another name: a copy of the file in another folder (an environment's overlay).
    const again = pathToFileURL(`${file.path}.again.yaml`).href;
    const againStart = performance.now();
    await diagnostics.after(again, () => client.open(again, doc.getText()));
    const sameTextToDiagnostics = performance.now() - againStart;
    client.close(again);

    const peakRssMb = peakRss(client.proc.pid!);
    await client.shutdown(10_000).catch(() => undefined);
    return { startup, openToDiagnostics, reopenToDiagnostics, sameTextToDiagnostics, hover, completion, completionAfterNewLine, editToDiagnostics, changingEditToDiagnostics, peakRssMb };
  } finally {
    client.proc.kill('SIGKILL');
  }
}

/**
 * An edit, prepared before the clock starts: the bench's own copy of a
 * 2.4 MB text takes milliseconds to update, which is the editor's work, not
 * the server's. `send` notifies the server and returns the new text.
 */
function change(client: LspClient, doc: TextDocument, start: number, end: number, text: string): { send(): TextDocument } {
  const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
  const next = TextDocument.update(TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText()), [{ range, text }], doc.version + 1);
  void next.getText();
  void next.lineCount;
  return {
    send() {
      client.notify('textDocument/didChange', { textDocument: { uri: doc.uri, version: next.version }, contentChanges: [{ range, text }] });
      return next;
    },
  };
}

/**
 * Diagnostics as an editor receives them: pulled (textDocument/diagnostic,
 * with the previous result id, so an unchanged report can be answered with
 * the id alone) from a server that offers it, as VS Code does, and otherwise
 * the next publishDiagnostics push.
 */
function diagnosticsChannel(client: LspClient, pull: boolean): { after(uri: string, action: () => void): Promise<void>; sync(uri: string): Promise<void> } {
  const resultIds = new Map<string, string>();
  const ask = async (uri: string): Promise<void> => {
    for (;;) {
      try {
        const params = { textDocument: { uri }, previousResultId: resultIds.get(uri) };
        const report = await client.request<{ kind: string; resultId?: string }>('textDocument/diagnostic', params, TIMEOUT);
        if (report.resultId) resultIds.set(uri, report.resultId);
        return;
      } catch (err) {
        // ServerCancelled (-32802) with retriggerRequest: ask again, as the client library does.
        if (!String(err).includes('-32802')) throw err;
      }
    }
  };
  return {
    /** Brings a pull client up to date with the text (a push server's reports need no asking). */
    async sync(uri) {
      if (pull) await ask(uri);
    },
    async after(uri, action) {
      if (!pull) {
        const published = nextDiagnostics(client, uri);
        action();
        return published;
      }
      action();
      return ask(uri);
    },
  };
}

function nextDiagnostics(client: LspClient, uri: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${TIMEOUT} ms`)), TIMEOUT);
    const wait = () =>
      client.waitForNotification('textDocument/publishDiagnostics', TIMEOUT).then((msg) => {
        if ((msg.params as { uri: string }).uri === uri) {
          clearTimeout(timer);
          resolve();
        } else {
          void wait();
        }
      }, reject);
    void wait();
  });
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

/** Peak resident set size of the server process (VmHWM), in MB. */
function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
