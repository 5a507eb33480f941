/**
 * LSP wiring: capabilities, open documents, the parse cache and settings.
 * Every handler is one line into the language service, wrapped in runSafe.
 */
import {
  CancellationToken,
  Connection,
  Diagnostic,
  DocumentDiagnosticReportKind,
  Hover,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { ChunkedDocument } from './service/parse/chunkedDocument';
import type { LanguageService, Locale, ParsedFile, SchemaData } from './service';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import type { ProjectConfig } from './projectConfig';
import { runSafe } from './runSafe';
import { mergeRuleLevels, RuleLevels } from './service/config';
import { CODE_ACTION_KINDS } from './service/features/codeActionKinds';
import { resolveLocale } from './service/l10n';
import { Settings, SettingsStore } from './settings';

type Engine = typeof import('./engine');
let engineModule: Engine | undefined;
/** The language service's bundle, loaded on first use (engine.ts). */
const engine = (): Engine => (engineModule ??= require('./engine') as Engine);

/**
 * `loadSchema` is called once, on the first request that needs the schema,
 * not before `initialize` is answered: start-up only waits for the protocol.
 */
export function startServer(connection: Connection, loadSchema: () => SchemaData): void {
  let loaded: LanguageService | undefined;
  const service = (): LanguageService => (loaded ??= engine().getLanguageService(loadSchema()));
  // Open documents are kept split at `---` (ChunkedDocument): an edit rebuilds one document's text, not the file's.
  const documents = new TextDocuments<ChunkedDocument>(ChunkedDocument);
  const parsed = new Map<string, { version: number; file: ParsedFile }>();
  let clientLocale: string | undefined;
  let settings: SettingsStore;
  let pullDiagnostics = false;
  // A completionItem/resolve request names no document: it is for the list just answered, in that list's language.
  let completionLocale: Locale = 'en';
  /** Folder -> the `.podsense.yaml` that applies there (null: none); cleared when one changes. */
  const projectConfigs = new Map<string, ProjectConfig | null>();
  const reportedConfigProblems = new Set<string>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    settings = new SettingsStore(connection, params);
    // Clients that pull diagnostics (LSP 3.17) get them on request; the rest get them pushed.
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '-'], resolveProvider: true },
        documentSymbolProvider: { label: 'PodSense' },
        codeActionProvider: { codeActionKinds: [...CODE_ACTION_KINDS], resolveProvider: false },
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'podsense', version: '0.1.0' },
    };
  });
  connection.onInitialized(() => settings.registerForChanges());
  function revalidateAll(): void {
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) void publish(doc);
  }
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    revalidateAll();
  });
  connection.onDidChangeWatchedFiles(() => {
    projectConfigs.clear();
    reportedConfigProblems.clear();
    revalidateAll();
  });

  /** Rule levels for a document: the project file, overridden by the editor's settings. */
  function ruleLevelsFor(uri: string, s: Settings): RuleLevels {
    let project: ProjectConfig | undefined;
    if (uri.startsWith('file:')) {
      try {
        project = engine().findProjectConfig(dirname(fileURLToPath(uri)), projectConfigs);
      } catch {
        project = undefined;
      }
    }
    if (project && project.problems.length > 0 && !reportedConfigProblems.has(project.file)) {
      reportedConfigProblems.add(project.file);
      connection.console.warn(`PodSense: ${project.file}: ${project.problems.join('; ')}`);
    }
    return mergeRuleLevels(project?.rules, s.rules);
  }

  /** Parse once per document version; an edit re-parses only the `---` documents it touched. */
  function fileOf(doc: ChunkedDocument): ParsedFile {
    const cached = parsed.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.file;
    const file = service().parseTexts(doc.documentTexts, () => doc.getText(), cached?.file);
    parsed.set(doc.uri, { version: doc.version, file });
    return file;
  }

  async function localeFor(uri: string): Promise<Locale> {
    const s: Settings = await settings.forResource(uri);
    return resolveLocale(s.language, clientLocale);
  }

  /**
   * All diagnostics of a document version. Documents are checked in slices of
   * about 20 ms with a turn of the event loop between them, so a huge file
   * never blocks hover or the next edit; a newer version abandons the run.
   */
  async function diagnosticsOf(doc: ChunkedDocument): Promise<Diagnostic[] | undefined> {
    const s = await settings.forResource(doc.uri);
    if (!s.validate) return [];
    const locale = resolveLocale(s.language, clientLocale);
    const rules = ruleLevelsFor(doc.uri, s);
    // Parsing can throw too (out of memory on a huge file): the same safe boundary as the features.
    const file = runSafe(connection, 'validation', doc.uri, undefined, undefined, () => fileOf(doc));
    if (!file) return [];
    const out: Diagnostic[] = [];
    let from = 0;
    while (from < file.documents.length) {
      if (documents.get(doc.uri)?.version !== doc.version) return undefined;
      const sliceStart = performance.now();
      let to = from;
      while (to < file.documents.length && performance.now() - sliceStart < 20) {
        const next = Math.min(file.documents.length, to + 16);
        out.push(...runSafe(connection, 'validation', doc.uri, undefined, [], () => service().doValidation(file, doc, { locale, rules }, to, next)));
        to = next;
      }
      from = to;
      if (from < file.documents.length) await new Promise((r) => setImmediate(r));
    }
    return out;
  }

  /**
   * Not a debounce: it lets the messages already received behind a change
   * (the completion the user is waiting for) be answered before the change's
   * validation. vscode-jsonrpc handles one queued message per setImmediate
   * turn and schedules the next one after the current handler returns, so two
   * turns put us behind it.
   */
  function afterQueuedMessages(): Promise<void> {
    return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
  }

  async function publish(doc: ChunkedDocument): Promise<void> {
    const diagnostics = await diagnosticsOf(doc);
    if (diagnostics && documents.get(doc.uri)?.version === doc.version) {
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    }
  }

  documents.onDidChangeContent((e) => {
    if (!pullDiagnostics) void afterQueuedMessages().then(() => publish(e.document));
  });
  /** The last report answered per document, so an unchanged one is answered with its id alone. */
  const reports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  let nextResultId = 0;
  connection.languages.diagnostics.on(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    await afterQueuedMessages();
    const items = await diagnosticsOf(doc);
    // A newer version arrived meanwhile: the client asks again (LSP 3.17 ServerCancelled, retrigger).
    if (!items) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
    const last = reports.get(doc.uri);
    // Typing inside a value usually changes no finding: on a 600-document file that saves
    // sending and parsing most of a megabyte per keystroke.
    if (last && last.resultId === params.previousResultId && sameDiagnostics(last.items, items)) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    }
    const resultId = `${++nextResultId}`;
    reports.set(doc.uri, { resultId, items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  });

  documents.onDidClose((e) => {
    parsed.delete(e.document.uri);
    reports.delete(e.document.uri);
    settings.forget(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover(async (params, token: CancellationToken): Promise<Hover | null> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const locale = await localeFor(doc.uri);
    return runSafe(connection, 'hover', doc.uri, token, null, () =>
      service().doHover(fileOf(doc), doc, params.position, { locale }),
    );
  });

  connection.onCompletion(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const locale = await localeFor(doc.uri);
    completionLocale = locale;
    return runSafe(connection, 'completion', doc.uri, token, null, () =>
      service().doComplete(fileOf(doc), doc, params.position, { locale }),
    );
  });

  connection.onCompletionResolve((item, token) =>
    runSafe(connection, 'completionResolve', '', token, item, () => service().resolveCompletion(item, { locale: completionLocale })),
  );

  connection.onCodeAction(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const s = await settings.forResource(doc.uri);
    const locale = resolveLocale(s.language, clientLocale);
    const rules = ruleLevelsFor(doc.uri, s);
    return runSafe(connection, 'codeActions', doc.uri, token, [], () =>
      service().doCodeActions(fileOf(doc), doc, params.range, params.context, { locale, rules }),
    );
  });

  connection.onDocumentSymbol(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const locale = await localeFor(doc.uri);
    return runSafe(connection, 'symbols', doc.uri, token, [], () => service().findDocumentSymbols(fileOf(doc), doc, locale));
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * Equal diagnostic lists. Validation hands back the same objects for the
 * documents an edit did not touch, so most elements compare by identity; the
 * rest are compared by value.
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && JSON.stringify(a[i]) !== JSON.stringify(b[i])) return false;
  }
  return true;
}
