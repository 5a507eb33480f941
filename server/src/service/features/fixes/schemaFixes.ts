import { isScalar } from 'yaml';
import type { YamlDocument } from '../../parse/documents';
import { locate, pairOf } from '../../parse/path';
import { resourceAt, resourcesOf } from '../../resources';
import type { Schema, TypeRef } from '../../schema/model';
import { resolvePath } from '../../schema/resolve';
import { YAML11_BOOLEAN, YAML11_TRUE } from '../../schema/validate';
import { closestField } from '../../schema/suggest';
import { findAt } from './find';
import type { Fix } from './types';
import { replaceScalar, Source } from './text';
import type { Titles } from './titles';

function typeAt(schema: Schema, doc: YamlDocument, path: readonly (string | number)[]): TypeRef | undefined {
  const found = resourceAt(resourcesOf(doc, schema), path);
  return found ? resolvePath(schema, found.resource.kind, found.rest)?.type : undefined;
}

/** `sharedProcessNamespace` -> `shareProcessNamespace`: the field the schema check suggests. */
export function unknownFieldFixes(schema: Schema, doc: YamlDocument, src: Source, offset: number, t: Titles): Fix[] {
  const at = locate(doc, offset);
  if (at.on !== 'key' || !at.scalar || typeof at.scalar.value !== 'string') return [];
  const parent = typeAt(schema, doc, at.path.slice(0, -1));
  const def = parent?.k === 'object' ? schema.type(parent.ref) : undefined;
  if (!def) return [];
  const suggestion = closestField(at.scalar.value, Object.keys(def.fields));
  // Renaming onto a key the map already has would only trade this problem for a duplicate key.
  const map = findAt(doc, offset - doc.start)?.map;
  if (!suggestion || !map || pairOf(map, suggestion)) return [];
  const edit = replaceScalar(src, at.scalar, suggestion);
  return edit ? [{ title: t.rename(at.scalar.value, suggestion), edits: [edit], preferred: true, safe: true }] : [];
}

/** One fix per allowed value; the closest one is preferred. */
export function enumFixes(schema: Schema, doc: YamlDocument, src: Source, offset: number, t: Titles): Fix[] {
  const at = locate(doc, offset);
  if (at.on !== 'value' || !at.scalar || typeof at.scalar.value !== 'string') return [];
  const type = typeAt(schema, doc, at.path);
  if (type?.k !== 'string' || !type.lit) return [];
  const current = at.scalar.value;
  const closest = closestField(current, type.lit);
  const fixes: Fix[] = [];
  for (const value of type.lit) {
    const plain = /^[A-Za-z0-9][\w./-]*$/.test(value) || at.scalar.type !== 'PLAIN';
    const edit = plain ? replaceScalar(src, at.scalar, value) : undefined;
    if (edit && value !== current) fixes.push({ title: t.replaceValue(current, value), edits: [edit], preferred: value === closest });
  }
  return fixes;
}

const INTEGER = /^-?(0|[1-9]\d*)$/;
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const BOOLEAN = /^(true|false|True|False|TRUE|FALSE)$/;

/** `"true"` -> `true`, `'80'` -> `80` where the schema wants a boolean or a number (or a port, which may be either). */
export function unquoteFixes(schema: Schema, doc: YamlDocument, src: Source, offset: number, t: Titles): Fix[] {
  const at = locate(doc, offset);
  const scalar = at.scalar;
  if (at.on !== 'value' || !scalar || !isScalar(scalar) || typeof scalar.value !== 'string' || !scalar.range) return [];
  if (scalar.type !== 'QUOTE_DOUBLE' && scalar.type !== 'QUOTE_SINGLE') return [];
  const type = typeAt(schema, doc, at.path);
  const v = scalar.value;
  let plain: string | undefined;
  if (type?.k === 'boolean' && BOOLEAN.test(v)) plain = v.toLowerCase();
  else if ((type?.k === 'integer' || type?.k === 'intOrString') && INTEGER.test(v)) plain = v;
  else if (type?.k === 'number' && NUMBER.test(v)) plain = v;
  if (plain === undefined) return [];
  const start = src.base + scalar.range[0];
  const end = src.base + scalar.range[1];
  return [{ title: t.unquote(src.text.slice(start, end), plain), edits: [{ start, end, newText: plain }], preferred: true, safe: true }];
}

/** An unquoted yes/no/on/off: `true`/`false` in a boolean field, quoted in a string field. */
export function yaml11BooleanFixes(schema: Schema, doc: YamlDocument, src: Source, offset: number, t: Titles): Fix[] {
  const at = locate(doc, offset);
  const scalar = at.scalar;
  if (at.on !== 'value' || !scalar || scalar.type !== 'PLAIN' || typeof scalar.value !== 'string' || !YAML11_BOOLEAN.test(scalar.value) || !scalar.range) return [];
  const type = typeAt(schema, doc, at.path);
  const start = src.base + scalar.range[0];
  const end = src.base + scalar.range[1];
  if (src.text.slice(start, end) !== scalar.value) return [];
  if (type?.k === 'boolean') {
    const truth = YAML11_TRUE.test(scalar.value) ? 'true' : 'false';
    return [{ title: t.replaceValue(scalar.value, truth), edits: [{ start, end, newText: truth }], preferred: true, safe: true }];
  }
  return [{ title: t.quote(scalar.value), edits: [{ start, end, newText: `"${scalar.value}"` }], preferred: true, safe: true }];
}
