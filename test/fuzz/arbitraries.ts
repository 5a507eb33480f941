/**
 * fast-check arbitraries for the fuzzer: real documents mutated the ways
 * editing (and attackers) break them, and Pod-ish YAML generated from the
 * schema model.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldDef, Schema, TypeRef } from '../../server/src/service/schema/model';
import { corpusFiles, corpusMissing } from '../unit/corpus';
import type { Probes } from './harness';

const ROOT = join(__dirname, '..', '..');
/** Mutating a 500 KB file a hundred thousand times teaches little more than a 30 KB one, and costs much more. */
const MAX_SEED_BYTES = 32 * 1024;

/** The seed documents: the shared corpus when present, else our own fixtures and examples. */
export function seedTexts(): { source: string; texts: string[] } {
  const own = (dir: string): string[] => {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .sort()
      .flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? own(p) : /\.ya?ml$/.test(n) ? [p] : [];
      });
  };
  const files = corpusMissing ? [...own(join(ROOT, 'test', 'fixtures')), ...own(join(ROOT, 'examples'))] : corpusFiles();
  const texts = files.map((f) => readFileSync(f, 'utf8')).filter((t) => t.length <= MAX_SEED_BYTES);
  return { source: corpusMissing ? 'test/fixtures + examples' : '../shared/corpus', texts };
}

type Mutation = (text: string) => string;

const lineSplit = (t: string) => t.split('\n');
const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length];

const SCALARS = [
  'true', 'false', 'null', '~', '', '0', '-1', '1e400', '0x1F', '0o17', '.inf', '-.inf', '.nan', '3.14', '99999999999999999999999',
  '"quoted"', "'single'", '"\\u0000\\xff"', '[]', '{}', '[a, {b: c}]', '{a: [1, 2]}', '|\n  block\n  text', '>-\n  folded',
  '!!binary aGVsbG8=', '!!str 1', '!!int "x"', '!!map {}', '!!js/function "function(){ globalThis.pwned = 1 }"', '!!python/object:os.system ls',
  '!custom {a: 1}', '!<tag:yaml.org,2002:set> {a, b}', '2001-12-14t21:59:43.10-05:00', '500mb', '1Gi', '-', '- a', ': x', '"unterminated', '&a', '*a', '*undefined',
  '__proto__', 'constructor', '{__proto__: {polluted: 1}}',
];
const TEMPLATES = ['{{ .Values.x }}', '{{- if .Values.y }}', '{{- end }}', '{{', '}}', '{{ include "t" . | nindent 4 }}', '{% if x %}', '{{- toYaml .Values.spec | nindent 2 }}'];
const KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '<<', '? complex', 'apiVersion', 'kind', 'spec', 'containers', 'name', '"quoted key"', '键', '🔑', 'ключ', ''];

/** One mutation: deterministic given its parameters, so fast-check can shrink it. */
const mutation: fc.Arbitrary<{ name: string; apply: Mutation }> = fc.oneof(
  fc.nat().map((at) => ({
    name: `deleteLine(${at})`,
    apply: (t: string) => {
      const ls = lineSplit(t);
      ls.splice(at % ls.length, 1);
      return ls.join('\n');
    },
  })),
  fc.nat().map((at) => ({
    name: `duplicateLine(${at})`,
    apply: (t: string) => {
      const ls = lineSplit(t);
      const i = at % ls.length;
      ls.splice(i, 0, ls[i]);
      return ls.join('\n');
    },
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => ({
    name: `swapLines(${a}, ${b})`,
    apply: (t: string) => {
      const ls = lineSplit(t);
      const [i, j] = [a % ls.length, b % ls.length];
      [ls[i], ls[j]] = [ls[j], ls[i]];
      return ls.join('\n');
    },
  })),
  fc.tuple(fc.nat(), fc.integer({ min: -6, max: 6 }), fc.constantFrom(' ', '\t')).map(([at, delta, ch]) => ({
    name: `indent(${at}, ${delta}, ${JSON.stringify(ch)})`,
    apply: (t: string) => {
      const ls = lineSplit(t);
      const i = at % ls.length;
      ls[i] = delta >= 0 ? ch.repeat(delta) + ls[i] : ls[i].replace(new RegExp(`^ {0,${-delta}}`), '');
      return ls.join('\n');
    },
  })),
  fc
    .tuple(
      fc.nat(),
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 8 }),
        fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength: 8 }),
        fc.constantFrom('\0', '\r', '\r\n', '\t', '\uFEFF', '\uD800', '\uDFFF', ':', '- ', '#', '---\n', '...\n', '"', "'", '[', '{', '}', ']', '&', '*', '!', '|', '>', '%YAML 1.1\n', '? '),
      ),
    )
    .map(([at, bytes]) => ({ name: `insert(${at}, ${JSON.stringify(bytes)})`, apply: (t: string) => t.slice(0, at % (t.length + 1)) + bytes + t.slice(at % (t.length + 1)) })),
  fc.nat().map((at) => ({ name: `truncate(${at})`, apply: (t: string) => t.slice(0, at % (t.length + 1)) })),
  fc.tuple(fc.nat(), fc.nat()).map(([which, s]) => ({
    name: `replaceScalar(${which}, ${JSON.stringify(pick(SCALARS, s))})`,
    apply: (t: string) => {
      const re = /(:[ \t]+|^[ \t]*-[ \t]+)([^\s#][^\n#]*)/gm;
      const hits = [...t.matchAll(re)];
      if (hits.length === 0) return t;
      const m = pick(hits, which);
      const start = m.index! + m[1].length;
      return t.slice(0, start) + pick(SCALARS, s) + t.slice(start + m[2].length);
    },
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([which, k]) => ({
    name: `replaceKey(${which}, ${JSON.stringify(pick(KEYS, k))})`,
    apply: (t: string) => {
      const hits = [...t.matchAll(/^([ \t]*(?:- )?)([A-Za-z][\w.-]*):/gm)];
      if (hits.length === 0) return t;
      const m = pick(hits, which);
      const start = m.index! + m[1].length;
      return t.slice(0, start) + pick(KEYS, k) + t.slice(start + m[2].length);
    },
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([at, f]) => ({
    name: `template(${at}, ${JSON.stringify(pick(TEMPLATES, f))})`,
    apply: (t: string) => t.slice(0, at % (t.length + 1)) + pick(TEMPLATES, f) + t.slice(at % (t.length + 1)),
  })),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('a', 'b', 'x1', '__proto__'), fc.constantFrom('alias', 'merge', 'both')).map(([from, to, name, how]) => ({
    name: `anchor(${from}, ${to}, ${name}, ${how})`,
    apply: (t: string) => {
      const hits = [...t.matchAll(/:[ \t]+(?=\S)|:[ \t]*$/gm)];
      if (hits.length === 0) return t;
      const a = pick(hits, from);
      const b = pick(hits, to);
      const at = (m: RegExpMatchArray) => m.index! + m[0].length;
      const edits: [number, string][] = [];
      if (how !== 'alias') edits.push([at(a), `&${name} `]);
      if (how === 'merge') {
        const lineStart = t.lastIndexOf('\n', b.index!) + 1;
        const indent = /^[ \t-]*/.exec(t.slice(lineStart))![0].replace(/-/g, ' ');
        edits.push([t.indexOf('\n', at(b)) < 0 ? t.length : t.indexOf('\n', at(b)), `\n${indent}  <<: *${name}`]);
      } else edits.push([at(b), `*${name} `]);
      edits.sort((x, y) => y[0] - x[0]);
      let out = t;
      for (const [pos, s] of edits) out = out.slice(0, pos) + s + out.slice(pos);
      return out;
    },
  })),
  fc.constantFrom(
    { name: 'crlf', apply: (t: string) => t.replace(/\n/g, '\r\n') },
    { name: 'cr', apply: (t: string) => t.replace(/\n/g, '\r') },
    { name: 'bom', apply: (t: string) => `\uFEFF${t}` },
    { name: 'tabs', apply: (t: string) => t.replace(/ {2}/g, '\t') },
    { name: 'flow', apply: (t: string) => t.replace(/\n\s+/g, ' ') },
  ),
);

export interface MutatedCase {
  readonly seed: number;
  readonly mutations: readonly string[];
  readonly text: string;
  readonly probes: Probes;
}

const probes: fc.Arbitrary<Probes> = fc.record({
  offsets: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  ranges: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 2 }),
  locale: fc.constantFrom('en' as const, 'zh-cn' as const),
});

/** A seed document with one to six mutations applied, and where to probe it. */
export function mutatedDocument(texts: readonly string[]): fc.Arbitrary<MutatedCase> {
  return fc.record({ seed: fc.nat(texts.length - 1), list: fc.array(mutation, { minLength: 1, maxLength: 6 }), probes }).map(({ seed, list, probes }) => {
    let text = texts[seed];
    for (const m of list) text = m.apply(text);
    return { seed, mutations: list.map((m) => m.name), text, probes };
  });
}

// ---- YAML from the schema model -------------------------------------------

const QUANTITIES = ['100m', '1', '0.5', '1Gi', '128Mi', '2e3', '500mb', '1.5Gi', '-1', 'abc', ''];
const STRINGS = ['nginx', 'nginx:latest', 'busybox@sha256:abc', 'My_Name', 'a-b-c', 'x'.repeat(70), '{{ .Values.v }}', 'true', '8080', 'http', '10.0.0.1', ''];

function quote(s: string): string {
  return /^[a-z][a-z0-9-]*$/i.test(s) && !['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n'].includes(s.toLowerCase()) ? s : JSON.stringify(s);
}

/**
 * Random Pod-ish YAML: a kind from the schema, then its fields walked to a
 * limited depth with mostly valid and sometimes wrong values (a wrong type,
 * an unknown field, a value outside the enum), block or flow style.
 */
export function schemaDocument(schema: Schema): fc.Arbitrary<{ text: string; probes: Probes }> {
  const kinds = schema.kinds().filter((k) => !k.kind.endsWith('List'));
  return fc.record({
    probes,
    text: fc.gen().map((g) => {
      const chance = (pct: number) => g(fc.integer, { min: 0, max: 99 }) < pct;
      const choose = <T>(xs: readonly T[]): T => xs[g(fc.nat, xs.length - 1)];
      const scalar = (t: TypeRef, def?: FieldDef): string => {
        if (chance(8)) return choose(SCALARS.filter((s) => !s.includes('\n')));
        switch (t.k) {
          case 'string':
            if (def?.vals?.length && chance(85)) return quote(choose(def.vals).v);
            if (t.lit?.length) return quote(choose(t.lit));
            return quote(choose(STRINGS));
          case 'integer':
          case 'number':
            return String(g(fc.integer, { min: -5, max: 70000 }));
          case 'boolean':
            return chance(90) ? choose(['true', 'false']) : '"true"';
          case 'quantity':
            return quote(choose(QUANTITIES));
          case 'intOrString':
            return chance(50) ? String(g(fc.integer, { min: 0, max: 70000 })) : quote(choose(STRINGS));
          default:
            return quote(choose(STRINGS));
        }
      };
      const lines: string[] = [];
      // An explicit stack of things to emit keeps the generator itself flat.
      type Job = { t: TypeRef; indent: string; key: string; def?: FieldDef; depth: number; dash: boolean };
      const kind = choose(kinds);
      lines.push(`apiVersion: ${kind.apiVersion}`, `kind: ${kind.kind}`);
      const top = schema.type(kind.type)!;
      const jobs: Job[] = [];
      const fieldsOf = (ref: string): [string, FieldDef][] => Object.entries(schema.type(ref)?.fields ?? {});
      const pushFields = (ref: string, indent: string, depth: number, first: [string, FieldDef][] = []) => {
        const all = fieldsOf(ref).filter(([n]) => n !== 'apiVersion' && n !== 'kind' && n !== 'status');
        const chosen = [...first];
        const n = g(fc.integer, { min: 0, max: Math.min(5, all.length) });
        for (let i = 0; i < n; i++) chosen.push(choose(all));
        if (chance(5)) chosen.push([choose(['nmae', 'Image', 'containres', 'hostNetwrok', '__proto__', 'constructor']), { t: { k: 'string' } }]);
        for (const [name, def] of chosen.reverse()) jobs.push({ t: def.t, indent, key: name, def, depth, dash: false });
      };
      const specFirst = fieldsOf(kind.type).filter(([n]) => n === 'metadata' || n === 'spec');
      pushFields(kind.type, '', 0, specFirst);
      void top;
      while (jobs.length > 0 && lines.length < 400) {
        const { t, indent, key, def, depth, dash } = jobs.pop()!;
        const head = dash ? `${indent}- ` : `${indent}${quote(key)}:`;
        const inner = indent + '  ';
        const tooDeep = depth >= 7;
        if (t.k === 'object' && !tooDeep && !chance(5)) {
          if (chance(10)) {
            lines.push(`${head}${dash ? '' : ' '}{}`);
            continue;
          }
          if (dash) {
            // `- key: v` on the dash line: emit the first field inline by pushing the item's fields one level in.
            lines.push(`${indent}-`);
          } else lines.push(head);
          pushFields(t.ref, inner, depth + 1, dash ? fieldsOf(t.ref).filter(([, f]) => f.req) : []);
        } else if (t.k === 'list' && !tooDeep) {
          const n = g(fc.integer, { min: 0, max: 3 });
          lines.push(n === 0 ? `${head}${dash ? '' : ' '}[]` : head);
          for (let i = 0; i < n; i++) jobs.push({ t: t.of, indent: inner, key: '', def, depth: depth + 1, dash: true });
        } else if (t.k === 'map' && !tooDeep) {
          const n = g(fc.integer, { min: 0, max: 3 });
          lines.push(n === 0 ? `${head}${dash ? '' : ' '}{}` : head);
          for (let i = 0; i < n; i++) jobs.push({ t: t.of, indent: inner, key: choose(['app', 'tier', 'example.com/x', 'KEY', '键']), def: undefined, depth: depth + 1, dash: false });
        } else {
          lines.push(`${head} ${t.k === 'object' || t.k === 'list' || t.k === 'map' ? choose(['{}', '[]', 'x']) : scalar(t, def)}`);
        }
      }
      let text = lines.join('\n') + '\n';
      if (chance(10)) text = text.replace(/\n/g, '\r\n');
      if (chance(10)) text = `${text}---\n${text}`;
      return text;
    }),
  });
}
