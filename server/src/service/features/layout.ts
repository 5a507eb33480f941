import type { YamlDocument } from '../parse/documents';
import { eolOf, indentUnit } from './fixes/text';

/** How a document is written: its line break and its indentation step, which inserted text follows. */
export interface Layout {
  readonly eol: string;
  readonly unit: number;
}

/** The layout of a `---` document, read once per chunk. */
export function layoutOf(doc: YamlDocument): Layout {
  let layout = doc.chunk.memo.get('layout') as Layout | undefined;
  if (!layout) {
    // The document's first lines say how it is written: a bounded look, not a pass over a 2,600-line Pod
    // on the first completion after each edit.
    const head = doc.chunk.text.slice(0, 8192);
    layout = { eol: eolOf(head), unit: indentUnit(head).length };
    doc.chunk.memo.set('layout', layout);
  }
  return layout;
}
