/**
 * The PodSense language service: pure functions over a parsed file. No LSP
 * transport, no file system, no process: the server, the CLI and the tests
 * all drive this same object. Callers parse once per document version and
 * pass the parsed file to every feature.
 */
import type { CodeAction, CodeActionContext, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Position, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionOptions, doCodeActions } from './features/codeActions';
import { CompletionOptions, doComplete, resolveCompletion } from './features/completion';
import { doHover, HoverOptions } from './features/hover';
import { findDocumentSymbols } from './features/symbols';
import type { Locale } from './l10n';
import { doValidation, FileDiagnostics, FileValidation, ValidationOptions } from './features/validation';
import { ChunkPool, parseDocumentTexts, parseFile, ParsedFile } from './parse/documents';
import { resourcesOf } from './resources';
import { Schema, SchemaData } from './schema/model';

export type { CodeActionOptions, CompletionOptions, FileDiagnostics, FileValidation, HoverOptions, ParsedFile, SchemaData, ValidationOptions };
export { CODE_ACTION_KINDS, SHOW_RULE_DOCS_COMMAND } from './features/codeActions';
export { Schema };
export { resolveLocale } from './l10n';
export type { Locale } from './l10n';

export interface LanguageService {
  readonly schema: Schema;
  /** Parses `text`, reusing the unchanged `---` documents of `previous`. */
  parse(text: string, previous?: ParsedFile): ParsedFile;
  /** The same from a file's `---` documents' texts (ChunkedDocument's), reusing unchanged ones by identity. */
  parseTexts(texts: readonly string[], wholeText: () => string, previous?: ParsedFile): ParsedFile;
  doHover(file: ParsedFile, document: TextDocument, position: Position, options: HoverOptions): Hover | null;
  /**
   * YAML, schema and rule diagnostics, per `---` document, cached on unchanged
   * documents; `from`/`to` select a slice of the documents so a caller can
   * spread a huge file over several turns of its event loop.
   */
  doValidation(file: ParsedFile, document: TextDocument, options: ValidationOptions, from?: number, to?: number): Diagnostic[];
  /**
   * The same diagnostics per document, against the previous version's (kept by
   * the caller): a document with the previous version's chunk keeps its
   * diagnostics, moved with its first line; only the others are derived.
   * `advance()` the validation, in slices if need be, to get the file's.
   */
  validateFile(file: ParsedFile, options: ValidationOptions, previous?: FileDiagnostics): FileValidation;
  doComplete(file: ParsedFile, document: TextDocument, position: Position, options: CompletionOptions): CompletionList;
  /** Adds the documentation of a completion item (its full hover text) when the editor shows it. */
  resolveCompletion(item: CompletionItem, options: CompletionOptions): CompletionItem;
  /** Quick fixes by rule id, silencing and documentation actions, fix-all and `source.fixAll.podsense`. */
  doCodeActions(file: ParsedFile, document: TextDocument, range: Range, context: CodeActionContext, options: CodeActionOptions): CodeAction[];
  /** The outline: each object, its containers, and its pod spec's fields grouped by aspect. */
  findDocumentSymbols(file: ParsedFile, document: TextDocument, locale: Locale): DocumentSymbol[];
  /** True when some `---` document of the file is a Kubernetes object we model. */
  isKubernetes(file: ParsedFile): boolean;
}

export interface ServiceOptions {
  /**
   * Files share their `---` documents by text, with everything cached on them
   * (ChunkPool): a document another open file already has is not parsed or
   * checked again. For callers that parse each file in its own event loop
   * turn, as the server does; a CLI linting many files in one turn leaves it off.
   */
  readonly shareDocuments?: boolean;
}

export function getLanguageService(data: SchemaData, serviceOptions: ServiceOptions = {}): LanguageService {
  const schema = new Schema(data);
  const pool = serviceOptions.shareDocuments ? new ChunkPool() : undefined;
  return {
    schema,
    parse: (text, previous) => parseFile(text, previous, pool),
    parseTexts: (texts, wholeText, previous) => parseDocumentTexts(texts, wholeText, previous, undefined, pool),
    doHover: (file, document, position, options) =>
      doHover(schema, file, document, document.offsetAt(position), options),
    doValidation: (file, document, options, from, to) => doValidation(schema, file, document, options, from, to),
    validateFile: (file, options, previous) => new FileValidation(schema, file, options, previous),
    doComplete: (file, document, position, options) => doComplete(schema, file, document, document.offsetAt(position), options),
    resolveCompletion: (item, options) => resolveCompletion(schema, item, options),
    doCodeActions: (file, document, range, context, options) => doCodeActions(schema, file, document, range, context, options),
    findDocumentSymbols: (file, document, locale) => findDocumentSymbols(schema, file, document, locale),
    isKubernetes: (file) => file.documents.some((d) => resourcesOf(d, schema).length > 0),
  };
}
