import { Document, isAlias, isCollection, isMap, isPair, isScalar } from 'yaml';

/**
 * A flat, comparable account of a YAML AST: every node in document order with
 * its range, scalars' values, types, formats and sources, collections' styles,
 * and blank-line marks. Comments are left out unless asked for: no feature
 * reads them, and the fast parser (parse/fastYaml.ts) does not attach them.
 */
export function dumpAst(doc: Document.Parsed, withComments = false): string[] {
  const out: string[] = [
    `doc ${JSON.stringify(doc.range)} ${doc.directives?.docStart ? '---' : ''}`,
    ...doc.errors.map((e) => `error ${e.code} ${e.pos}`),
    ...doc.warnings.map((e) => `warning ${e.code} ${e.pos}`),
  ];
  const note = (n: { comment?: string | null; commentBefore?: string | null; spaceBefore?: boolean }) =>
    `${n.spaceBefore ? ' blank-before' : ''}${withComments ? ` ${JSON.stringify(n.commentBefore ?? '')} ${JSON.stringify(n.comment ?? '')}` : ''}`;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === null || n === undefined) {
      out.push('null');
    } else if (isPair(n)) {
      out.push('pair');
      stack.push(n.value, n.key);
    } else if (isScalar(n)) {
      const v = n.value;
      const value = typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && !Number.isFinite(v) ? String(v) : JSON.stringify(v);
      out.push(
        `scalar ${n.type} ${JSON.stringify(n.range)} ${typeof v} ${value} ${JSON.stringify(n.source)} ${n.format ?? ''} ${n.minFractionDigits ?? ''} ${n.tag ?? ''} ${n.anchor ?? ''}${note(n)}`,
      );
    } else if (isAlias(n)) {
      out.push(`alias ${n.source} ${JSON.stringify(n.range)}${note(n)}`);
    } else if (isCollection(n)) {
      out.push(`${isMap(n) ? 'map' : 'seq'} ${n.flow ? 'flow' : 'block'} ${JSON.stringify(n.range)} ${n.items.length} ${n.tag ?? ''} ${n.anchor ?? ''}${note(n)}`);
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    } else {
      out.push(`other ${String(n)}`);
    }
  }
  return out;
}
