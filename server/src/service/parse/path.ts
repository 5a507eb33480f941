import { isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { YamlDocument } from './documents';

/** A key path: map keys as strings, sequence indices as numbers. */
export type Segment = string | number;
export type Path = readonly Segment[];

export interface Location {
  /** Path to the key or value under the cursor. */
  readonly path: Path;
  /** On a map key, on a scalar value, on a sequence item's dash or collection, or on nothing specific. */
  readonly on: 'key' | 'value' | 'item' | 'none';
  /** The scalar under the cursor (key or value), when there is one. */
  readonly scalar?: Scalar;
  /** File offsets of the scalar under the cursor. */
  readonly range?: readonly [number, number];
}

/** `spec.containers[1].lifecycle.preStop` */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out.length === 0 ? seg : `.${seg}`;
  }
  return out;
}

/** The scalar text of a key, or undefined for complex or missing keys. */
export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) {
    const v = key.value;
    return typeof v === 'string' ? v : v === null ? undefined : String(v);
  }
  return undefined;
}

/** A map's pair for a key (the last one wins, as in Kubernetes). */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const item of map.items) if (keyText(item) === key) found = item;
  return found;
}

/** The node at a key path below `root` (map keys and sequence indices), or undefined where the path leaves the tree. */
export function nodeAtPath(root: unknown, path: Path): unknown {
  let node = root;
  for (const seg of path) {
    node = typeof seg === 'number' ? (isSeq(node) ? node.items[seg] : undefined) : isMap(node) ? pairOf(node, seg)?.value : undefined;
    if (node === undefined || node === null) return undefined;
  }
  return node;
}

/** The scalar string value of a key in a map node, if it is a plain scalar. */
export function scalarOf(node: unknown, key: string): string | undefined {
  if (!isMap(node)) return undefined;
  const value = pairOf(node, key)?.value;
  if (!isScalar(value)) return undefined;
  return value.value === null || value.value === undefined ? undefined : String(value.value);
}

/**
 * Scalars include their end offset (a cursor just after a word is still on
 * it); collections exclude it, since a block map's end is where the next key
 * of its parent begins.
 */
function within(node: Node | null | undefined, rel: number): boolean {
  const r = node?.range;
  if (!r || rel < r[0]) return false;
  return isScalar(node) ? rel <= r[1] : rel < r[1];
}

/**
 * The key path at a file offset, walking the AST from the root. Iterative, so
 * deeply nested input cannot overflow the stack. Tolerates broken documents:
 * whatever the parser recovered is walked; the rest yields `none`.
 */
export function locate(doc: YamlDocument, offset: number): Location {
  const rel = offset - doc.start;
  const path: Segment[] = [];
  let node: unknown = doc.chunk.yaml.contents;
  for (let guard = 0; guard < 100_000; guard++) {
    if (isMap(node)) {
      let next: unknown;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const name = keyText(pair);
        if (key && within(key, rel)) {
          if (name === undefined) return { path, on: 'none' };
          return { path: [...path, name], on: 'key', scalar: key as Scalar, range: abs(doc, key) };
        }
        const value = pair.value as Node | null;
        if (value && within(value, rel) && name !== undefined) {
          path.push(name);
          next = value;
          break;
        }
      }
      if (next === undefined) return { path, on: 'none' };
      node = next;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => within(item as Node, rel));
      if (index < 0) return { path, on: 'item' };
      path.push(index);
      node = node.items[index];
    } else if (isScalar(node)) {
      return { path, on: 'value', scalar: node, range: abs(doc, node) };
    } else if (isAlias(node)) {
      return { path, on: 'none' };
    } else {
      return { path, on: 'none' };
    }
  }
  return { path, on: 'none' };
}

function abs(doc: YamlDocument, node: Node): [number, number] {
  const r = node.range ?? [0, 0];
  return [doc.start + r[0], doc.start + r[1]];
}
