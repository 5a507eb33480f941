import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedFile } from '../parse/documents';

/**
 * Past this many `---` documents the outline is one symbol per document,
 * read from its `kind:` and `name:` lines without parsing: a full outline
 * parses every document (about 0.5 ms each), which on a 10 MB file would
 * hold the server for tens of seconds.
 */
export const FULL_OUTLINE_DOCUMENTS = 2_000;

export function shallowSymbols(file: ParsedFile, document: TextDocument): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const doc of file.documents) {
    const text = doc.chunk.text;
    const kind = /^kind:[ \t]*["']?([A-Za-z0-9]+)/m.exec(text);
    if (!kind) continue;
    const name = /^metadata:[^\n]*\n(?:[ \t]+[^\n]*\n)*?[ \t]+name:[ \t]*["']?([^\s"'#]+)/m.exec(text);
    const end = text.replace(/\s+$/, '').length;
    const range = { start: document.positionAt(doc.start), end: document.positionAt(doc.start + Math.max(end, 0)) };
    const at = doc.start + kind.index;
    const selectionRange = { start: document.positionAt(at), end: document.positionAt(at + kind[0].length) };
    out.push({ name: name ? `${kind[1]} ${name[1]}` : kind[1], kind: SymbolKind.Class, range, selectionRange });
  }
  return out;
}

