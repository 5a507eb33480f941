import { isMap, isPair, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import { pairOf } from '../parse/path';

/** Small typed readers over the YAML AST for rules: no JS conversion, aliases never expanded. */

export function pair(map: unknown, key: string): Pair | undefined {
  return isMap(map) ? pairOf(map, key) : undefined;
}

export function child(map: unknown, key: string): Node | undefined {
  const v = pair(map, key)?.value;
  return (v ?? undefined) as Node | undefined;
}

export function mapAt(map: unknown, ...keys: string[]): YAMLMap | undefined {
  let node: unknown = map;
  for (const k of keys) node = child(node, k);
  return isMap(node) ? node : undefined;
}

export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** `true` only for a real YAML boolean true (`"true"` is a string, reported by schema checks). */
export function isTrue(map: unknown, key: string): boolean {
  return scalarValue(child(map, key)) === true;
}

export function numberOf(map: unknown, key: string): number | undefined {
  const v = scalarValue(child(map, key));
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function stringOf(map: unknown, key: string): string | undefined {
  const v = scalarValue(child(map, key));
  return typeof v === 'string' ? v : undefined;
}

export function mapsIn(seq: unknown): YAMLMap[] {
  return isSeq(seq) ? seq.items.filter((i): i is YAMLMap => isMap(i)) : [];
}

export function keyNode(p: Pair | undefined): Node | undefined {
  return p && isPair(p) ? ((p.key ?? undefined) as Node | undefined) : undefined;
}
