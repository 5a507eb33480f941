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
    const text = doc.chunk.text;
    layout = { eol: eolOf(text), unit: indentUnit(text).length };
    doc.chunk.memo.set('layout', layout);
  }
  return layout;
}
