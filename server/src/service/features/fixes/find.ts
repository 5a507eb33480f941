import { isMap, isPair, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { YamlDocument } from '../../parse/documents';
import { keyText } from '../../parse/path';

/** A map entry on the way down to a hit: the map and the pair followed. */
export interface Step {
  readonly map: YAMLMap;
  readonly pair: Pair;
}

/** What starts at a chunk offset: a map key (with its pair), a scalar value, or a map. */
export interface Hit {
  readonly on: 'key' | 'value' | 'map';
  readonly map?: YAMLMap;
  readonly pair?: Pair;
  readonly scalar?: Scalar;
  /** The pairs walked through from the document root to the hit's map, outermost first. */
  readonly steps: readonly Step[];
}

/**
 * The AST node a finding was reported on, from its start offset: findings sit
 * on a pair's key, a scalar, or a map (a container without a name). Iterative.
 */
export function findAt(doc: YamlDocument, rel: number): Hit | undefined {
  const stack: { node: unknown; steps: readonly Step[] }[] = [{ node: doc.chunk.yaml.contents, steps: [] }];
  let best: Hit | undefined;
  let guard = 0;
  while (stack.length > 0 && guard++ < 1_000_000) {
    const { node, steps } = stack.pop()!;
    const r = (node as Node | null)?.range;
    if (!r || rel < r[0] || rel > r[2]) continue;
    if (isMap(node)) {
      if (r[0] === rel && !best) best = { on: 'map', map: node, steps };
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (key?.range?.[0] === rel) return { on: 'key', map: node, pair, steps };
        const value = pair.value as Node | null;
        if (isScalar(value) && value.range?.[0] === rel && value.range[1] > rel) return { on: 'value', map: node, pair, scalar: value, steps };
        if (value) stack.push({ node: value, steps: [...steps, { map: node, pair }] });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isScalar(item) && item.range?.[0] === rel) return { on: 'value', scalar: item, steps };
        stack.push({ node: item, steps });
      }
    }
  }
  return best;
}

/** The key of the pair `up` levels above the hit's map (1: the pair holding the map). */
export function keyAbove(hit: Hit, up = 1): string | undefined {
  const step = hit.steps[hit.steps.length - up];
  return step ? keyText(step.pair) : undefined;
}
