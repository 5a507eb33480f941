/**
 * What is wrong with one `---` document: its YAML problems, its schema
 * errors and what the rules find, with offsets relative to the document,
 * cached on its chunk. validation.ts turns them into LSP diagnostics.
 */
import { isPair, Node, Pair } from 'yaml';
import type { Locale } from '../l10n';
import type { YamlDocument } from '../parse/documents';
import { type Resource, resourcesOf } from '../resources';
import { RULES } from '../rules';
import { podSpecsOf } from '../rules/podSpecs';
import type { PodSpecView, Rule, RuleContext, Severity } from '../rules/types';
import type { Schema } from '../schema/model';
import { validateSchema } from '../schema/validate';
import type { ValidationOptions } from './validation';
import { templatedByText, yamlProblems } from './yamlProblems';

/** A finding with offsets relative to its `---` document, so it can be cached on the chunk. */
export interface Finding {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
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
  // A templated Kubernetes document gets its one note without being parsed (it would go to yaml, the slow path).
  const templated = templatedByText(doc, options.locale);
  if (templated) return [templated];
  const resources = resourcesOf(doc, schema);
  const findings: Finding[] = [...yamlProblems(doc, resources.length > 0, options.locale)];
  // A document the YAML parser could not read gets the parser's errors and nothing else: schema errors
  // and rules on the half-read tree would be a cascade (a tab-indented key read as a field of the Pod).
  if (findings.some((f) => f.code === 'templated-file' || f.code === 'document-too-large' || f.code === 'yaml-syntax')) return findings;
  for (const resource of resources) {
    findings.push(...validateSchema(schema, resource, options.locale));
    const run = new RuleRun(resource, podSpecsOf(resource), options.locale, findings);
    for (const rule of RULES) {
      run.rule = rule;
      rule.check(run);
    }
  }
  return findings;
}

/**
 * What the rules see of one resource: one object for all the rules, told
 * which rule is running before each, whose findings go straight into the
 * document's list. A context, a closure and a list per rule and document
 * were an eighth of what validating big-multidoc allocated.
 */
class RuleRun implements RuleContext {
  rule!: Rule;

  constructor(
    readonly resource: Resource,
    readonly pods: readonly PodSpecView[],
    readonly locale: Locale,
    private readonly found: Finding[],
  ) {}

  report(at: Node | Pair | null | undefined, data: Readonly<Record<string, string | number>> = {}): void {
    const range = rangeOf(at);
    if (!range) return;
    const rule = this.rule;
    this.found.push({ start: range[0], end: range[1], code: rule.id, severity: rule.severity, message: rule.message[this.locale](data) });
  }
}

/** A pair is reported on its key (that is where the user looks); a node on itself. */
export function rangeOf(at: Node | Pair | null | undefined): [number, number] | undefined {
  if (!at) return undefined;
  const node = isPair(at) ? ((at.key ?? at.value) as Node | null) : at;
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}
