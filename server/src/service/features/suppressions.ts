import { isPair, isScalar, Node, YAMLMap } from 'yaml';
import { BUILT_IN_CHECKS } from '../checks';
import type { Locale } from '../l10n';
import type { YamlDocument } from '../parse/documents';
import { keyText, locate } from '../parse/path';
import { resourcesOf } from '../resources';
import { RULES } from '../rules';
import { podSpecsOf } from '../rules/podSpecs';
import { mapAt } from '../rules/yamlAccess';
import type { Schema } from '../schema/model';
import type { Finding } from './findings';

/** A span of a `---` document (chunk offsets) where some ids, or all (`null`), are silenced. */
export interface Silenced {
  readonly from: number;
  readonly to: number;
  readonly ids: ReadonlySet<string> | null;
}

export interface Suppressions {
  readonly spans: readonly Silenced[];
  /** Silencing that names ids we do not have. */
  readonly problems: readonly Finding[];
}

export const IGNORE_ANNOTATION = 'podsense.io/ignore';
const KUBE_LINTER_PREFIX = 'ignore-check.kube-linter.io/';

/** kube-linter checks that match one of ours: its ignore annotation silences ours too. */
export const KUBE_LINTER_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  'host-network': ['host-network'],
  'host-pid': ['host-pid'],
  'host-ipc': ['host-ipc'],
  'privileged-container': ['privileged-container'],
  'latest-tag': ['latest-tag'],
  'no-readiness-probe': ['no-readiness-probe'],
  'no-liveness-probe': ['no-liveness-probe'],
  'liveness-port': ['probe-port-not-exposed'],
  'readiness-port': ['probe-port-not-exposed'],
  'startup-port': ['probe-port-not-exposed'],
  'duplicate-env-var': ['duplicate-env-name'],
  'restart-policy': ['restart-policy-for-kind'],
};

const KNOWN_IDS: ReadonlySet<string> = new Set([...RULES.map((r) => r.id), ...BUILT_IN_CHECKS.map((c) => c.id)]);

const COMMENT = /(^|[ \t])#[ \t]*podsense-disable(-next-line)?(?![\w-])([^\n]*)/gm;

/**
 * Where the user silenced findings in a document: `# podsense-disable-next-line
 * <id>[, <id>]` (the next line with content), `# podsense-disable <id>` (the rest
 * of the document), the `podsense.io/ignore: "<id>,<id>"` annotation on an
 * object or its pod template, and kube-linter's `ignore-check.kube-linter.io/<check>`
 * for the checks that match ours. No ids means every rule. Cached on the chunk.
 */
export function suppressionsOf(doc: YamlDocument, schema: Schema, locale: Locale): Suppressions {
  const key = `suppressions:${locale}`;
  let cached = doc.chunk.memo.get(key) as Suppressions | undefined;
  if (!cached) {
    cached = compute(doc, schema, locale);
    doc.chunk.memo.set(key, cached);
  }
  return cached;
}

function compute(doc: YamlDocument, schema: Schema, locale: Locale): Suppressions {
  const text = doc.chunk.text;
  const spans: Silenced[] = [];
  const problems: Finding[] = [];
  if (text.includes('podsense-disable')) {
    COMMENT.lastIndex = 0;
    for (let m; (m = COMMENT.exec(text)); ) {
      // Only real comments count: the same words inside a string or a block scalar (a script) do not.
      if (insideScalar(doc, m.index + m[1].length)) continue;
      const listStart = m.index + m[0].length - m[3].length;
      const ids = parseIds(m[3], listStart, problems, locale);
      const lineEnd = lineEndAt(text, m.index);
      if (m[2]) {
        const next = nextContentLine(text, lineEnd + 1);
        if (next) spans.push({ from: next[0], to: next[1], ids });
      } else {
        spans.push({ from: m.index, to: text.length, ids });
      }
    }
  }
  // Annotations are looked for in the syntax tree only when the text may hold one: a document without the
  // word (nor an escape that could spell it) is not parsed for them, so a templated document's note needs no parse.
  const mayAnnotate = text.includes('ignore') || text.includes('\\');
  for (const resource of mayAnnotate ? resourcesOf(doc, schema) : []) {
    annotationSpans(mapAt(resource.node, 'metadata'), resource.node, spans, problems, locale);
    for (const pod of podSpecsOf(resource)) {
      if (pod.path.length > 1) {
        const template = mapAt(resource.node, ...(pod.path.slice(0, -1) as string[]));
        if (template) annotationSpans(pod.metadata, template, spans, problems, locale);
      }
    }
  }
  return { spans, problems };
}

function annotationSpans(metadata: YAMLMap | undefined, scope: Node, spans: Silenced[], problems: Finding[], locale: Locale): void {
  const annotations = metadata ? mapAt(metadata, 'annotations') : undefined;
  const range = scope.range;
  if (!annotations || !range) return;
  for (const pair of annotations.items) {
    if (!isPair(pair)) continue;
    const name = keyText(pair);
    if (name === IGNORE_ANNOTATION && isScalar(pair.value) && typeof pair.value.value === 'string') {
      const valueStart = (pair.value.range?.[0] ?? 0) + (pair.value.type === 'PLAIN' ? 0 : 1);
      spans.push({ from: range[0], to: range[1], ids: parseIds(pair.value.value, valueStart, problems, locale) });
    } else if (name?.startsWith(KUBE_LINTER_PREFIX)) {
      const ours = KUBE_LINTER_EQUIVALENTS[name.slice(KUBE_LINTER_PREFIX.length)];
      if (ours) spans.push({ from: range[0], to: range[1], ids: new Set(ours) });
    }
  }
}

/** `a, b c -- reason` -> {a, b, c}; unknown ids are reported where they are written. */
function parseIds(list: string, listStart: number, problems: Finding[], locale: Locale): ReadonlySet<string> | null {
  const body = list.split(/\s--\s|\s--$/)[0];
  const ids = new Set<string>();
  const word = /[^\s,]+/g;
  for (let m; (m = word.exec(body)); ) {
    ids.add(m[0]);
    if (!KNOWN_IDS.has(m[0])) {
      const start = listStart + m.index;
      problems.push({
        start,
        end: start + m[0].length,
        code: 'unknown-rule-id',
        severity: 'warning',
        message:
          locale === 'zh-cn'
            ? `没有 id 为 "${m[0]}" 的 PodSense 规则，这里什么也没有屏蔽。`
            : `There is no PodSense rule "${m[0]}": nothing is silenced by it.`,
      });
    }
  }
  return ids.size > 0 ? ids : null;
}

function insideScalar(doc: YamlDocument, rel: number): boolean {
  const loc = locate(doc, doc.start + rel);
  return !!loc.range && loc.range[0] <= doc.start + rel && doc.start + rel < loc.range[1];
}

function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

/** The next line with something other than blanks or a comment: [start, end). */
function nextContentLine(text: string, from: number): [number, number] | undefined {
  let start = from;
  while (start < text.length) {
    const end = lineEndAt(text, start);
    const line = text.slice(start, end).trim();
    if (line !== '' && !line.startsWith('#')) return [start, end];
    start = end + 1;
  }
  return undefined;
}

/** True when a finding falls in a span that silences its code. */
export function isSilenced(f: Finding, spans: readonly Silenced[]): boolean {
  if (f.code === 'unknown-rule-id') return false;
  return spans.some((s) => f.start >= s.from && f.start < s.to && (s.ids === null || s.ids.has(f.code)));
}
