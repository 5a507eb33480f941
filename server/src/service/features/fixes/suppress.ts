import { isMap, isScalar, Pair, YAMLMap } from 'yaml';
import type { YamlDocument } from '../../parse/documents';
import { pairOf } from '../../parse/path';
import { resourcesOf } from '../../resources';
import type { Schema } from '../../schema/model';
import { IGNORE_ANNOTATION } from '../suppressions';
import {
  column, contentEnd, Edit, eolOf, insertAfterLine, insertIntoMap, leadingSpaces, lineStart, renderBlock,
  scalarInner, Source, startOf, Tree,
} from './text';

const NEXT_LINE = /^([ \t]*#[ \t]*podsense-disable-next-line)((?:[ \t][^\r\n]*)?)\r?$/;

/** `# podsense-disable-next-line <id>` above the line at `offset`, or `<id>` added to such a comment already there. */
export function disableLineEdit(src: Source, offset: number, id: string): Edit | undefined {
  const { text } = src;
  const start = lineStart(text, offset);
  if (start > 0) {
    const prevStart = lineStart(text, start - 1);
    const m = NEXT_LINE.exec(text.slice(prevStart, start - 1));
    if (m) {
      const cut = m[2].search(/\s--(\s|$)/);
      const ids = cut < 0 ? m[2] : m[2].slice(0, cut);
      if (ids.trim() !== '') {
        if (ids.split(/[\s,]+/).includes(id)) return undefined;
        const at = prevStart + m[1].length + ids.trimEnd().length;
        return { start: at, end: at, newText: `, ${id}` };
      }
    }
  }
  return { start, end: start, newText: `${leadingSpaces(text, start)}# podsense-disable-next-line ${id}${eolOf(text)}` };
}

/** `id` added to the `podsense.io/ignore` annotation of the object the chunk offset `rel` is in, creating what is missing. */
export function disableObjectEdit(schema: Schema, doc: YamlDocument, src: Source, rel: number, id: string): Edit | undefined {
  const resource = resourcesOf(doc, schema).find((r) => r.node.range && r.node.range[0] <= rel && rel < r.node.range[2]);
  if (!resource) return undefined;
  const quoted = JSON.stringify(id);
  const metadata = pairOf(resource.node, 'metadata');
  if (!metadata) {
    const after = pairOf(resource.node, 'kind');
    return insertIntoMap(src, resource.node, { metadata: { annotations: { [IGNORE_ANNOTATION]: quoted } } }, after);
  }
  if (!isMap(metadata.value)) return underEmptyKey(src, resource.node, metadata, { annotations: { [IGNORE_ANNOTATION]: quoted } });
  const annotations = pairOf(metadata.value, 'annotations');
  if (!annotations) return insertIntoMap(src, metadata.value, { annotations: { [IGNORE_ANNOTATION]: quoted } });
  if (!isMap(annotations.value)) return underEmptyKey(src, metadata.value, annotations, { [IGNORE_ANNOTATION]: quoted });
  const ignore = pairOf(annotations.value, IGNORE_ANNOTATION);
  if (!ignore) return insertIntoMap(src, annotations.value, { [IGNORE_ANNOTATION]: quoted });
  return appendId(src, ignore, id);
}

/** `key:` with no value (or `key: null`): put `tree` under it. */
function underEmptyKey(src: Source, map: YAMLMap, pair: Pair, tree: { readonly [key: string]: Tree }): Edit | undefined {
  const v = pair.value;
  if (v !== null && v !== undefined && !(isScalar(v) && v.value === null)) return undefined;
  const keyAt = startOf(pair.key, src.base);
  const end = contentEnd(pair, src.base);
  if (map.flow || keyAt === undefined || end === undefined) return undefined;
  const written = isScalar(v) && v.range ? src.text.slice(src.base + v.range[0], src.base + v.range[1]) : '';
  const indent = ' '.repeat(column(src.text, keyAt)) + src.unit;
  const lines = renderBlock(tree, indent, src.unit);
  if (written.trim() !== '' && v && isScalar(v) && v.range) {
    // `key: null` or `key: ~`: the value goes, the keys come on the next lines.
    const start = src.base + v.range[0];
    const eol = eolOf(src.text);
    let from = start;
    while (from > 0 && (src.text[from - 1] === ' ' || src.text[from - 1] === '\t')) from--;
    return { start: from, end: src.base + v.range[1], newText: eol + lines.join(eol) };
  }
  return insertAfterLine(src, Math.max(end - 1, keyAt), lines);
}

function appendId(src: Source, ignore: Pair, id: string): Edit | undefined {
  const v = ignore.value;
  if (v === null || v === undefined || (isScalar(v) && v.value === null)) return underEmptyValue(src, ignore, id);
  if (!isScalar(v) || typeof v.value !== 'string') return undefined;
  const inner = scalarInner(src, v);
  if (!inner) return undefined;
  const written = src.text.slice(inner[0], inner[1]);
  const cut = written.search(/\s--(\s|$)/);
  const ids = (cut < 0 ? written : written.slice(0, cut)).trimEnd();
  if (ids.split(/[\s,]+/).includes(id)) return undefined;
  const at = inner[0] + ids.length;
  const separator = ids.trim() === '' ? '' : ids.includes(', ') ? ', ' : ',';
  return { start: at, end: at, newText: separator + id };
}

/** `podsense.io/ignore:` with no value: give it one. */
function underEmptyValue(src: Source, pair: Pair, id: string): Edit | undefined {
  const v = pair.value;
  const quoted = JSON.stringify(id);
  if (isScalar(v) && v.range && v.range[1] > v.range[0]) return { start: src.base + v.range[0], end: src.base + v.range[1], newText: quoted };
  const keyEnd = isScalar(pair.key) ? pair.key.range : undefined;
  if (!keyEnd) return undefined;
  const colon = src.text.indexOf(':', src.base + keyEnd[1]);
  return colon < 0 ? undefined : { start: colon + 1, end: colon + 1, newText: ` ${quoted}` };
}
