import { ruleById } from '../rules';
import type { Severity } from '../rules/types';

/** Where a rule's documentation is published. One place, so it can move. */
export const RULE_DOCS_BASE = 'https://github.com/podsense/podsense/blob/main/docs/rules/';

/** LSP's DiagnosticSeverity for each of our levels. */
export const SEVERITY: Readonly<Record<Severity, 1 | 2 | 3 | 4>> = { error: 1, warning: 2, info: 3, hint: 4 };

/** A diagnostic code's documentation: the rule's page, or its line in the list of the other checks. */
export function docsHref(code: string): string {
  return ruleById(code) ? `${RULE_DOCS_BASE}${code}.md` : `${RULE_DOCS_BASE}README.md#${code}`;
}
