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

/** What the shallow outline reads from one document's text, cached on its chunk (offsets in the chunk). */
interface Shallow {
  readonly name: string;
  readonly kindAt: number;
  readonly kindEnd: number;
  readonly end: number;
}

export function shallowSymbols(file: ParsedFile, document: TextDocument): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const doc of file.documents) {
    let read = doc.chunk.memo.get('shallowOutline') as Shallow | null | undefined;
    if (read === undefined) {
      read = readShallow(doc.chunk.text);
      doc.chunk.memo.set('shallowOutline', read);
    }
    if (!read) continue;
    const range = { start: document.positionAt(doc.start), end: document.positionAt(doc.start + read.end) };
    const selectionRange = { start: document.positionAt(doc.start + read.kindAt), end: document.positionAt(doc.start + read.kindEnd) };
    out.push({ name: read.name, kind: SymbolKind.Class, range, selectionRange });
  }
  return out;
}

function readShallow(text: string): Shallow | null {
  const kind = /^kind:[ \t]*["']?([A-Za-z0-9]+)/m.exec(text);
  if (!kind) return null;
  const name = /^metadata:[^\n]*\n(?:[ \t]+[^\n]*\n)*?[ \t]+name:[ \t]*["']?([^\s"'#]+)/m.exec(text);
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return { name: name ? `${kind[1]} ${name[1]}` : kind[1], kindAt: kind.index, kindEnd: kind.index + kind[0].length, end };
}

