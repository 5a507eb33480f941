/**
 * LSP wiring: capabilities, open documents, the parse cache and settings.
 * Every handler is one line into the language service, wrapped in runSafe.
 */
import {
  CancellationToken,
  Connection,
  Hover,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, LanguageService, Locale, ParsedFile, resolveLocale, SchemaData } from './service';
import { runSafe } from './runSafe';
import { Settings, SettingsStore } from './settings';

export function startServer(connection: Connection, schemaData: SchemaData): void {
  const service: LanguageService = getLanguageService(schemaData);
  const documents = new TextDocuments(TextDocument);
  const parsed = new Map<string, { version: number; file: ParsedFile }>();
  let clientLocale: string | undefined;
  let settings: SettingsStore;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    settings = new SettingsStore(connection, params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
      },
      serverInfo: { name: 'podsense', version: '0.1.0' },
    };
  });
  connection.onInitialized(() => settings.registerForChanges());
  connection.onDidChangeConfiguration((change) => settings.changed(change.settings));

  /** Parse once per document version; an edit re-parses only the `---` documents it touched. */
  function fileOf(doc: TextDocument): ParsedFile {
    const cached = parsed.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.file;
    const file = service.parse(doc.getText(), cached?.file);
    parsed.set(doc.uri, { version: doc.version, file });
    return file;
  }

  async function localeFor(uri: string): Promise<Locale> {
    const s: Settings = await settings.forResource(uri);
    return resolveLocale(s.language, clientLocale);
  }

  documents.onDidClose((e) => {
    parsed.delete(e.document.uri);
    settings.forget(e.document.uri);
  });

  connection.onHover(async (params, token: CancellationToken): Promise<Hover | null> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const locale = await localeFor(doc.uri);
    return runSafe(connection, 'hover', doc.uri, token, null, () =>
      service.doHover(fileOf(doc), doc, params.position, { locale }),
    );
  });

  documents.listen(connection);
  connection.listen();
}
