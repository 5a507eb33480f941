/** Hostile documents, shared by the unit and protocol tests. Each is built on demand: some are megabytes. */

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n';

/** "Billion laughs": 9 levels of 10 aliases each would expand to 10^9 strings if anything expanded them. */
export function aliasBomb(): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: bomb', '  annotations:', '    l0: &l0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`    l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
  lines.push('spec:', '  containers: *l9', '  volumes: [*l9, *l9]', '');
  return lines.join('\n');
}

/** 10,000 anchors, each an alias of the one before, then used in the pod spec. */
export function aliasChain(n = 10_000): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: chain', '  labels:', '    a0: &a0 {x: y}'];
  for (let i = 1; i < n; i++) lines.push(`    a${i}: &a${i} *a${i - 1}`);
  lines.push('spec:', `  nodeSelector: *a${n - 1}`, `  containers:`, `  - <<: *a${n - 1}`, '    name: c', '');
  return lines.join('\n');
}

export function deepFlowMaps(depth = 10_000): string {
  return `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    env:\n    - name: x\n      valueFrom: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
}

export function deepFlowSeqs(depth = 10_000): string {
  return `apiVersion: v1\nkind: Pod\nspec:\n  containers: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
}

/**
 * Block nesting as deep as fits under the parser's per-document size limit
 * (2 MB): 10,000 levels of block indentation would need 50 MB of spaces, so
 * that file is skipped as too large, which `deepBlock(10_000)` also checks.
 */
export function deepBlockMaps(depth = 1_400): string {
  let t = 'apiVersion: v1\nkind: Pod\nspec:\n';
  for (let i = 0; i < depth; i++) t += `${' '.repeat(2 + i)}k${i}:\n`;
  return t;
}

export function deepBlockSeqs(depth = 1_400): string {
  let t = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n';
  for (let i = 0; i < depth; i++) t += `${' '.repeat(2 + i)}-\n`;
  return t;
}

/** Many `---` documents, about `mb` megabytes. */
export function bigFile(mb = 10): string {
  const one = `---\n${POD}  hostIPC: true\n`;
  return one.repeat(Math.ceil((mb * 1024 * 1024) / one.length));
}

/** One Pod with 100,000 lines (env entries), about 3 MB: over the per-document limit. */
export function manyLines(lines = 100_000): string {
  const out = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: long', 'spec:', '  containers:', '  - name: a', '    image: nginx', '    env:'];
  while (out.length < lines - 1) out.push(`    - {name: V${out.length}, value: "x"}`);
  return out.join('\n') + '\n';
}

/** A 1 MB line: a flow map of ~60,000 labels, the worst case for a parser's duplicate-key check. */
export function oneMegabyteLine(): string {
  const entries: string[] = [];
  let size = 0;
  for (let i = 0; size < 1024 * 1024; i++) {
    const e = `k${i}: "v"`;
    entries.push(e);
    size += e.length + 2;
  }
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {${entries.join(', ')}}\n`;
}

export function binaryJunk(n = 64 * 1024): string {
  let seed = 7;
  let s = '';
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCharCode(seed % 256);
  }
  return s;
}

/** Bytes that are not UTF-8: overlong encodings, lone continuation bytes, surrogates encoded, 0xFF. */
export const INVALID_UTF8 = Buffer.concat([
  Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: '),
  Buffer.from([0xc0, 0xaf, 0x80, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80]),
  Buffer.from('\n  labels:\n    '),
  Buffer.from([0xe2, 0x28, 0xa1]),
  Buffer.from(': x\nspec:\n  containers:\n  - name: a\n    image: nginx\n'),
]);

/** Small odd files: name -> text. */
export function oddFiles(): Record<string, string> {
  return {
    empty: '',
    'only comments': '# one\n# two\n   # three\n',
    'only markers': '---\n---\n...\n---\n',
    'only a BOM': '\uFEFF',
    BOM: `\uFEFF${POD}`,
    CRLF: POD.replace(/\n/g, '\r\n'),
    'mixed line endings': 'apiVersion: v1\r\nkind: Pod\nmetadata:\r  name: p\r\nspec:\n  containers:\r\n  - name: a\r    image: nginx\n',
    tabs: 'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers:\n\t- name: a\n  \t  image: nginx\n',
    'NUL bytes': `\u0000${POD.replace('nginx', 'ng\u0000inx')}\u0000`,
    'unicode keys': `${POD}  labels:\n    键: 值\n    ключ: значение\n    🔑: "🚀"\n    "\u202Eevil": x\n    e\u0301: combining\n`,
    'prototype keys': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  __proto__: {polluted: yes}\n  labels: {__proto__: {polluted: yes}, constructor: {prototype: {polluted: yes}}}\nspec:\n  __proto__:\n    polluted: yes\n  constructor:\n    prototype:\n      polluted: yes\n  containers:\n  - name: a\n    image: nginx\n    __proto__: x\n    prototype: y\n`,
    'custom tags': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: !!js/function "function () { globalThis.pwned = true }"\n  labels: !!python/object/apply:os.system ["touch /tmp/pwned"]\nspec: !<tag:yaml.org,2002:js/undefined>\n  containers: !!set {a, b}\n  hostname: !custom x\n`,
  };
}
