import type { Schema, TypeRef } from '../../server/src/service/schema/model';
import type { Segment } from '../../server/src/service/parse/path';

/** The shortest path from a Pod's root to a field holding the given type (BFS over the schema). */
export function pathToType(schema: Schema, target: string, from = 'Pod'): Segment[] | undefined {
  const seen = new Set<string>([from]);
  const queue: { type: string; path: Segment[] }[] = [{ type: from, path: [] }];
  while (queue.length > 0) {
    const { type, path } = queue.shift()!;
    if (type === target) return path;
    for (const [name, def] of Object.entries(schema.type(type)?.fields ?? {})) {
      let t: TypeRef = def.t;
      const p: Segment[] = [...path, name];
      if (t.k === 'list') {
        t = t.of;
        p.push(0);
      }
      if (t.k === 'object' && !seen.has(t.ref)) {
        seen.add(t.ref);
        queue.push({ type: t.ref, path: p });
      }
    }
  }
  return undefined;
}

/**
 * Minimal block YAML for a Pod with the given path, `|` on the last key (or on
 * the value when one is given).
 */
export function podYamlFor(path: Segment[], value?: string): string {
  const lines = ['apiVersion: v1', 'kind: Pod'];
  let indent = '';
  let dash = false;
  path.forEach((seg, i) => {
    if (typeof seg === 'number') {
      dash = true;
      return;
    }
    const last = i === path.length - 1;
    const prefix = dash ? `${indent}- ` : indent;
    if (dash) indent += '  ';
    dash = false;
    const key = last && value === undefined ? `${seg.slice(0, 1)}|${seg.slice(1)}` : seg;
    const tail = last ? (value === undefined ? ': {}' : `: ${value.slice(0, 1)}|${value.slice(1)}`) : ':';
    lines.push(`${prefix}${key}${tail}`);
    indent += '  ';
  });
  return lines.join('\n') + '\n';
}
