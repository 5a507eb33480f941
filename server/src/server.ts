/**
 * LSP wiring: capabilities, open documents, the parse cache and settings.
 * Every handler is one line into the language service, wrapped in runSafe.
 */
import {
  CancellationToken,
  Connection,
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
import type { FileDiagnostics, LanguageService, Locale, ParsedFile, SchemaData } from './service';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { ProjectConfig } from './projectConfig';
import { runSafe } from './runSafe';
import type { CodeCache, LoadedBundle } from './boot/codeCache';
import { CODE_CACHE_NOTIFICATION, type CodeCacheParams } from './boot/cacheName';
import type { RuleLevels } from './service/config';
import { CODE_ACTION_KINDS } from './service/features/codeActionKinds';
import { resolveLocale } from './service/l10n';
import { Settings, SettingsStore } from './settings';
import { isVersionView } from './versionViews';

type Engine = typeof import('./engine');

/**
 * `loadSchema` is called once, on the first request that needs the schema,
 * not before `initialize` is answered: start-up only waits for the protocol.
 */
/** Where boot.ts puts the means to take the server's code cache, when the editor has stored none that V8 took. */
export interface CodeCacheSlot {
  take?: () => CodeCache | undefined;
  /** Loads a bundle with its code cache from the editor's folder (boot/codeCache.ts); set when there is a folder. */
  load?: (file: string) => LoadedBundle;
}

/** How long the server runs before it sends its code cache: what a session compiles first goes in too. */
const CODE_CACHE_AFTER_MS = 5000;
/**
 * How long after the language service's bundle loads its cache is sent. Later
 * than the server's, so that it holds what the first hovers and completions
 * compile too, not only the first open.
 */
const ENGINE_CACHE_AFTER_MS = 30_000;

export function startServer(connection: Connection, loadSchema: () => SchemaData, codeCache: CodeCacheSlot = {}): void {
  let engineModule: Engine | undefined;
  let engineCache: (() => CodeCache | undefined) | undefined;
  let engineCacheTimer: NodeJS.Timeout | undefined;
  /**
   * The language service's bundle (engine.ts), loaded on first use: with its
   * code cache when the editor gives a folder, which saves compiling it again
   * (about 40 ms of a fresh server's first open of big-multidoc, see
   * boot/codeCache.ts); otherwise with require.
   */
  const engine = (): Engine => {
    if (engineModule) return engineModule;
    if (!codeCache.load) return (engineModule = require('./engine') as Engine);
    const bundle = codeCache.load(join(__dirname, 'engine.js'));
    if (bundle.status === 'missing' || bundle.status === 'rejected') {
      engineCache = bundle.take;
      if (storesCodeCache) (engineCacheTimer = setTimeout(sendEngineCache, ENGINE_CACHE_AFTER_MS)).unref();
    }
    return (engineModule = bundle.exports as Engine);
  };
  let loaded: LanguageService | undefined;
  const service = (): LanguageService => (loaded ??= engine().getLanguageService(loadSchema(), { shareDocuments: true }));
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

  // The server never writes a file: an editor that says it stores the code cache (initializationOptions.codeCache)
  // gets it as a notification, after CODE_CACHE_AFTER_MS or at shutdown, whichever comes first; the language
  // service's bundle's after ENGINE_CACHE_AFTER_MS or at shutdown.
  let storesCodeCache = false;
  let snippets = true;
  let codeCacheTimer: NodeJS.Timeout | undefined;
  const send = (cache: CodeCache | undefined): void => {
    if (cache) void connection.sendNotification(CODE_CACHE_NOTIFICATION, { name: cache.name, data: cache.data.toString('base64') } satisfies CodeCacheParams);
  };
  const sendCodeCache = (): void => {
    clearTimeout(codeCacheTimer);
    if (storesCodeCache) send(codeCache.take?.());
  };
  function sendEngineCache(): void {
    clearTimeout(engineCacheTimer);
    if (storesCodeCache) send(engineCache?.());
  }
  connection.onShutdown(() => {
    sendCodeCache();
    sendEngineCache();
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    const init = params.initializationOptions as { codeCache?: unknown; contributedSnippets?: unknown } | undefined;
    storesCodeCache = init?.codeCache === true;
    // A client that shows snippets/kubernetes.json itself (the VS Code extension) gets none from completion.
    snippets = init?.contributedSnippets !== true;
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
  connection.onInitialized(() => {
    settings.registerForChanges();
    if (storesCodeCache) (codeCacheTimer = setTimeout(sendCodeCache, CODE_CACHE_AFTER_MS)).unref();
  });
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

  /** `podsense.rules` read once per settings object (SettingsStore keeps one per document until they change). */
  const settingsLevels = new WeakMap<Settings, RuleLevels>();
  const levelsOf = (s: Settings): RuleLevels => {
    let levels = settingsLevels.get(s);
    if (!levels) settingsLevels.set(s, (levels = engine().normaliseRuleLevels(s.rules).levels));
    return levels;
  };

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
    return engine().mergeRuleLevels(project?.rules, levelsOf(s));
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

  /** Per open document, the diagnostics of the last version validated: the next version re-derives only the documents that changed. */
  const validated = new Map<string, FileDiagnostics>();

  /**
   * All diagnostics of a document version (null: none, validation is off).
   * The documents that changed are checked in slices of about 20 ms with a
   * turn of the event loop between them, so a huge file never blocks hover or
   * the next edit; a newer version abandons the run.
   */
  async function diagnosticsOf(doc: ChunkedDocument): Promise<FileDiagnostics | null | undefined> {
    // The other side of a diff: its problems would be listed beside the file's own (versionViews.ts).
    if (isVersionView(doc.uri)) return null;
    const s = await settings.forResource(doc.uri);
    if (!s.validate) return null;
    const locale = resolveLocale(s.language, clientLocale);
    const rules = ruleLevelsFor(doc.uri, s);
    // Parsing can throw too (out of memory on a huge file): the same safe boundary as the features.
    const file = runSafe(connection, 'validation', doc.uri, undefined, undefined, () => fileOf(doc));
    if (!file) return null;
    const validation = service().validateFile(file, { locale, rules, maxProblems: s.maxNumberOfProblems }, validated.get(doc.uri));
    for (;;) {
      if (documents.get(doc.uri)?.version !== doc.version) return undefined;
      const sliceStart = performance.now();
      const more = () => performance.now() - sliceStart < 20;
      let result: FileDiagnostics | undefined;
      // A document whose validation throws is logged and gets no diagnostics; the others go on.
      do {
        result = runSafe(connection, 'validation', doc.uri, undefined, undefined, () => validation.advance(more));
      } while (!result && more());
      if (result) {
        validated.set(doc.uri, result);
        return result;
      }
      await new Promise((r) => setImmediate(r));
    }
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
    if (diagnostics !== undefined && documents.get(doc.uri)?.version === doc.version) {
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnostics?.items() ?? [] });
    }
  }

  documents.onDidChangeContent((e) => {
    if (!pullDiagnostics) void afterQueuedMessages().then(() => publish(e.document));
  });
  /** The last report answered per document, so an unchanged one is answered with its id alone. */
  const reports = new Map<string, { resultId: string; diagnostics: FileDiagnostics | null }>();
  let nextResultId = 0;
  connection.languages.diagnostics.on(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    await afterQueuedMessages();
    const diagnostics = await diagnosticsOf(doc);
    // A newer version arrived meanwhile: the client asks again (LSP 3.17 ServerCancelled, retrigger).
    if (diagnostics === undefined) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
    const last = reports.get(doc.uri);
    // Typing inside a value usually changes no finding: on a 600-document file that saves
    // sending and parsing most of a megabyte per keystroke.
    if (last && last.resultId === params.previousResultId && sameReport(last.diagnostics, diagnostics)) {
      // The same items: kept as this version's, so the next comparison finds this version's documents.
      last.diagnostics = diagnostics;
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    }
    const resultId = `${++nextResultId}`;
    reports.set(doc.uri, { resultId, diagnostics });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics?.items() ?? [] };
  });

  documents.onDidClose((e) => {
    parsed.delete(e.document.uri);
    validated.delete(e.document.uri);
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
      service().doComplete(fileOf(doc), doc, params.position, { locale, snippets }),
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
 * Equal reports: compared per document (FileDiagnostics.sameAs), so typing
 * that changes no finding costs a comparison per document, not per finding.
 * Null is validation off: no diagnostics.
 */
function sameReport(a: FileDiagnostics | null, b: FileDiagnostics | null): boolean {
  return a && b ? a.sameAs(b) : (a?.count ?? 0) === 0 && (b?.count ?? 0) === 0;
}
