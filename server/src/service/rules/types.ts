import type { Node, Pair, YAMLMap } from 'yaml';
import type { Locale } from '../l10n';
import type { Path } from '../parse/path';
import type { Resource } from '../resources';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Category = 'correctness' | 'security' | 'reliability' | 'status';

/** A rule's documentation, with the fixed headings of docs/rules (ruff-style). */
export interface RuleDocs {
  /** What it checks. */
  readonly what: string;
  /** Why it matters: what happens to the Pod. */
  readonly why: string;
  /** A YAML example that triggers the rule. */
  readonly example: string;
  /** What to write instead (prose, may include a YAML snippet). */
  readonly instead: string;
}

/** One container of a pod spec, with where it sits. */
export interface ContainerView {
  readonly node: YAMLMap;
  readonly list: 'containers' | 'initContainers' | 'ephemeralContainers';
  readonly index: number;
  readonly name?: string;
}

/** A pod spec inside a resource: the Pod's own `spec`, or a workload's template spec. */
export interface PodSpecView {
  readonly node: YAMLMap;
  /** Path of the spec inside the resource (`spec`, `spec.template.spec`, ...). */
  readonly path: Path;
  readonly containers: readonly ContainerView[];
  /** The template's or Pod's metadata map, where ignore annotations live. */
  readonly metadata?: YAMLMap;
}

export interface RuleContext {
  readonly resource: Resource;
  /** The pod specs of the resource (one for every pod-bearing kind). */
  readonly pods: readonly PodSpecView[];
  readonly locale: Locale;
  /** Report a finding on a node or on a pair's key. `data` feeds the rule's message. */
  report(at: Node | Pair | null | undefined, data?: Readonly<Record<string, string | number>>): void;
}

export interface Rule {
  /** Kebab-case, stable, never reused. */
  readonly id: string;
  readonly category: Category;
  readonly severity: Severity;
  /** The diagnostic message, per locale; says what happens and what to do. */
  readonly message: Readonly<Record<Locale, (data: Readonly<Record<string, string | number>>) => string>>;
  readonly docs: Readonly<Record<Locale, RuleDocs>>;
  /** Kubernetes documentation backing the rule. */
  readonly references: readonly string[];
  check(ctx: RuleContext): void;
}
