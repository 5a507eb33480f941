/**
 * The PodSense language service: pure functions over a parsed file. No LSP
 * transport, no file system, no process: the server, the CLI and the tests
 * all drive this same object. Callers parse once per document version and
 * pass the parsed file to every feature.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { doHover, HoverOptions } from './features/hover';
import { parseFile, ParsedFile } from './parse/documents';
import { Schema, SchemaData } from './schema/model';

export type { HoverOptions, ParsedFile, SchemaData };
export { Schema };
export { resolveLocale } from './l10n';
export type { Locale } from './l10n';

export interface LanguageService {
  readonly schema: Schema;
  /** Parses `text`, reusing the unchanged `---` documents of `previous`. */
  parse(text: string, previous?: ParsedFile): ParsedFile;
  doHover(file: ParsedFile, document: TextDocument, position: Position, options: HoverOptions): Hover | null;
}

export function getLanguageService(data: SchemaData): LanguageService {
  const schema = new Schema(data);
  return {
    schema,
    parse: (text, previous) => parseFile(text, previous),
    doHover: (file, document, position, options) =>
      doHover(schema, file, document, document.offsetAt(position), options),
  };
}
