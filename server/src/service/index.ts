/**
 * The PodSense language service: pure functions over a parsed file. No LSP
 * transport, no file system, no process: the server, the CLI and the tests
 * all drive this same object. Callers parse once per document version and
 * pass the parsed file to every feature.
 */
import type { Diagnostic, Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { doHover, HoverOptions } from './features/hover';
import { doValidation, ValidationOptions } from './features/validation';
import { parseFile, ParsedFile } from './parse/documents';
import { resourcesOf } from './resources';
import { Schema, SchemaData } from './schema/model';

export type { HoverOptions, ParsedFile, SchemaData, ValidationOptions };
export { Schema };
export { resolveLocale } from './l10n';
export type { Locale } from './l10n';

export interface LanguageService {
  readonly schema: Schema;
  /** Parses `text`, reusing the unchanged `---` documents of `previous`. */
  parse(text: string, previous?: ParsedFile): ParsedFile;
  doHover(file: ParsedFile, document: TextDocument, position: Position, options: HoverOptions): Hover | null;
  /**
   * YAML, schema and rule diagnostics, per `---` document, cached on unchanged
   * documents; `from`/`to` select a slice of the documents so a caller can
   * spread a huge file over several turns of its event loop.
   */
  doValidation(file: ParsedFile, document: TextDocument, options: ValidationOptions, from?: number, to?: number): Diagnostic[];
  /** True when some `---` document of the file is a Kubernetes object we model. */
  isKubernetes(file: ParsedFile): boolean;
}

export function getLanguageService(data: SchemaData): LanguageService {
  const schema = new Schema(data);
  return {
    schema,
    parse: (text, previous) => parseFile(text, previous),
    doHover: (file, document, position, options) =>
      doHover(schema, file, document, document.offsetAt(position), options),
    doValidation: (file, document, options, from, to) => doValidation(schema, file, document, options, from, to),
    isKubernetes: (file) => file.documents.some((d) => resourcesOf(d, schema).length > 0),
  };
}
