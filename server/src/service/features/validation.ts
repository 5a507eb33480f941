import { isPair, Node, Pair } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleLevels } from '../config';
import type { Locale } from '../l10n';
import type { ParsedFile, YamlDocument } from '../parse/documents';
import { documentLineStarts, positionIn } from '../parse/lines';
import { resourcesOf } from '../resources';
import { podSpecsOf } from '../rules/podSpecs';
import { RULES, ruleById } from '../rules';
import type { Rule, Severity } from '../rules/types';
import type { Schema } from '../schema/model';
import { validateSchema } from '../schema/validate';
import { isSilenced, suppressionsOf } from './suppressions';
import { yamlProblems } from './yamlProblems';

export interface ValidationOptions {
  readonly locale: Locale;
  /** Per-rule levels from settings, the project file or the command line; absent ids keep their default. */
  readonly rules?: RuleLevels;
}

/** A finding with offsets relative to its `---` document, so it can be cached on the chunk. */
export interface Finding {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

/** Where a rule's documentation is published. One place, so it can move. */
export const RULE_DOCS_BASE = 'https://github.com/podsense/podsense/blob/main/docs/rules/';

const SEVERITY: Readonly<Record<Severity, 1 | 2 | 3 | 4>> = { error: 1, warning: 2, info: 3, hint: 4 };

/**
 * Diagnostics for a whole file: YAML problems, schema problems and rule
 * findings, computed per `---` document and cached on the document's chunk,
 * so an edit re-checks only the documents it touched.
 */
export function doValidation(
  schema: Schema,
  file: ParsedFile,
  document: TextDocument,
  options: ValidationOptions,
  from = 0,
  to = file.documents.length,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const levelsKey = options.rules ? JSON.stringify(options.rules) : '';
  // The memo keys, built once per call rather than per document (a 3,000-document file is checked on every edit).
  const keys = [false, true].map((templatedBefore) => {
    const key = `lsp:${options.locale}:${templatedBefore}:${levelsKey}`;
    return { key, relative: `${key}:relative` };
  });
  const end = Math.min(to, file.documents.length);
  // A templated file gets one note, not one per `---` document: only the first of a run of templated documents says it.
  let templatedBefore = from > 0 && isTemplated(findingsOf(schema, file.documents[from - 1], options));
  // Each document starts on the line after the previous one ends: counted from the documents' own
  // line tables rather than a position lookup per document.
  let startLine = from < end ? document.positionAt(file.documents[from].start).line : 0;
  for (let i = from; i < end; i++) {
    const doc = file.documents[i];
    const { key, relative: relativeKey } = keys[templatedBefore ? 1 : 0];
    // Converted diagnostics are cached per document, settings and first line: after an edit
    // elsewhere that keeps this document's line, they are reused as they are. The entry also
    // holds what the next document needs: whether this one is templated, and its line count.
    let cached = doc.chunk.memo.get(key) as Converted | undefined;
    if (!cached || cached.startLine !== startLine) {
      const relative = relativeDiagnostics(schema, doc, options, templatedBefore, relativeKey);
      cached = {
        startLine,
        diagnostics: startLine === 0 ? relative : relative.map((d) => shifted(d, startLine)),
        templated: isTemplated(findingsOf(schema, doc, options)),
        lines: documentLineStarts(doc).length - 1,
      };
      doc.chunk.memo.set(key, cached);
    }
    const diagnostics = cached.diagnostics;
    for (let k = 0; k < diagnostics.length; k++) out.push(diagnostics[k]);
    templatedBefore = cached.templated;
    // Each document starts on the line after the previous one ends.
    startLine += cached.lines;
  }
  return out;
}

/** A document's diagnostics where its first line is, and what the next document's conversion needs. */
interface Converted {
  readonly startLine: number;
  readonly diagnostics: Diagnostic[];
  readonly templated: boolean;
  /** Line breaks in the document: the next one starts that many lines further down. */
  readonly lines: number;
}

/** A document's diagnostics with lines counted from the document's first line, cached on the chunk. */
function relativeDiagnostics(schema: Schema, doc: YamlDocument, options: ValidationOptions, templatedBefore: boolean, key: string): Diagnostic[] {
  const cached = doc.chunk.memo.get(key) as Diagnostic[] | undefined;
  if (cached) return cached;
  const levels = options.rules ?? {};
  const lines = documentLineStarts(doc);
  const silencing = suppressionsOf(doc, schema, options.locale);
  const all = [...findingsOf(schema, doc, options), ...silencing.problems].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Diagnostic[] = [];
  // A finding may end one past the text (a parse error at the very end) or between the \r and \n of a
  // line break (a range of fixed width); a position must stay inside the document and its line.
  const text = doc.chunk.text;
  const clamp = (offset: number) => {
    const o = Math.max(0, Math.min(offset, text.length));
    return o > 0 && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10 ? o - 1 : o;
  };
  for (const f of all) {
    const level = Object.prototype.hasOwnProperty.call(levels, f.code) ? levels[f.code] : f.severity;
    if (level === 'off' || isSilenced(f, silencing.spans)) continue;
    if (f.code === 'templated-file' && templatedBefore) continue;
    out.push({
      range: { start: positionIn(lines, clamp(f.start)), end: positionIn(lines, clamp(f.end)) },
      severity: SEVERITY[level],
      code: f.code,
      codeDescription: { href: ruleById(f.code) ? `${RULE_DOCS_BASE}${f.code}.md` : `${RULE_DOCS_BASE}README.md#${f.code}` },
      source: 'podsense',
      message: f.message,
    });
  }
  doc.chunk.memo.set(key, out);
  return out;
}

function shifted(d: Diagnostic, lines: number): Diagnostic {
  return {
    ...d,
    range: {
      start: { line: d.range.start.line + lines, character: d.range.start.character },
      end: { line: d.range.end.line + lines, character: d.range.end.character },
    },
  };
}

function isTemplated(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.code === 'templated-file');
}

export function findingsOf(schema: Schema, doc: YamlDocument, options: ValidationOptions): readonly Finding[] {
  const key = `findings:${options.locale}`;
  let cached = doc.chunk.memo.get(key) as Finding[] | undefined;
  if (!cached) {
    cached = computeFindings(schema, doc, options);
    doc.chunk.memo.set(key, cached);
  }
  return cached;
}

function computeFindings(schema: Schema, doc: YamlDocument, options: ValidationOptions): Finding[] {
  const resources = resourcesOf(doc, schema);
  const findings: Finding[] = [...yamlProblems(doc, resources.length > 0, options.locale)];
  if (findings.some((f) => f.code === 'templated-file' || f.code === 'document-too-large')) return findings;
  for (const resource of resources) {
    findings.push(...validateSchema(schema, resource, options.locale));
    const pods = podSpecsOf(resource);
    for (const rule of RULES) findings.push(...runRule(rule, resource, pods, options.locale));
  }
  return findings;
}

function runRule(rule: Rule, resource: Parameters<Rule['check']>[0]['resource'], pods: Parameters<Rule['check']>[0]['pods'], locale: Locale): Finding[] {
  const found: Finding[] = [];
  rule.check({
    resource,
    pods,
    locale,
    report(at, data = {}) {
      const range = rangeOf(at);
      if (!range) return;
      found.push({ start: range[0], end: range[1], code: rule.id, severity: rule.severity, message: rule.message[locale](data) });
    },
  });
  return found;
}

/** A pair is reported on its key (that is where the user looks); a node on itself. */
export function rangeOf(at: Node | Pair | null | undefined): [number, number] | undefined {
  if (!at) return undefined;
  const node = isPair(at) ? ((at.key ?? at.value) as Node | null) : at;
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}
