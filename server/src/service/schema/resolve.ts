import type { Path } from '../parse/path';
import type { FieldDef, KindDef, Schema, TypeRef } from './model';

/** What the schema says about one path inside a resource. */
export interface Resolved {
  /** The type at the path (for a list index: the item type; for a map key: the value type). */
  readonly type: TypeRef;
  /** The named field the path ends in or passes through last, with the type that declares it. */
  readonly field?: { readonly owner: string; readonly name: string; readonly def: FieldDef };
  /** Set when the path ends on a key inside a free-form map (`labels.app`). */
  readonly mapKey?: string;
  /** Under `status`, or in a type only reached through `status`: filled in by the system. */
  readonly systemPopulated: boolean;
  /** `kubectl explain` path: the kind in lower case, then the field names. */
  readonly explain: readonly string[];
}

/**
 * Walks the key path from the resource's kind, field by field: the schema for
 * a cursor is found by following the path, never by matching the document
 * against every kind. Returns undefined where the path leaves the schema.
 */
export function resolvePath(schema: Schema, kind: KindDef, path: Path): Resolved | undefined {
  let type: TypeRef = { k: 'object', ref: kind.type };
  let field: Resolved['field'];
  let mapKey: string | undefined;
  let systemPopulated = false;
  const explain = [kind.kind.toLowerCase()];
  for (const seg of path) {
    mapKey = undefined;
    if (typeof seg === 'number') {
      if (type.k !== 'list') return undefined;
      type = type.of;
      continue;
    }
    if (type.k === 'map') {
      mapKey = seg;
      type = type.of;
      continue;
    }
    if (type.k !== 'object') return undefined;
    const def = schema.field(type.ref, seg);
    if (!def) return undefined;
    if (seg === 'status' || schema.type(type.ref)?.status) systemPopulated = true;
    field = { owner: type.ref, name: seg, def };
    explain.push(seg);
    type = def.t;
  }
  if (type.k === 'object' && schema.type(type.ref)?.status) systemPopulated = true;
  return { type, field, mapKey, systemPopulated, explain };
}

/** `kubectl explain`-style type label: `<string>`, `<[]Container>`, `<map[string]string>`. */
export function typeLabel(t: TypeRef): string {
  return `<${bareLabel(t)}>`;
}

function bareLabel(t: TypeRef): string {
  switch (t.k) {
    case 'string':
    case 'integer':
    case 'number':
    case 'boolean':
      return t.k;
    case 'quantity':
      return 'Quantity';
    case 'intOrString':
      return 'IntOrString';
    case 'any':
      return 'Object';
    case 'object':
      return t.ref;
    case 'list':
      return `[]${bareLabel(t.of)}`;
    case 'map':
      return `map[string]${bareLabel(t.of)}`;
  }
}
