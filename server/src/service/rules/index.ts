/**
 * The rule registry: every lint rule, listed explicitly. Ids are never reused;
 * a removed rule's id stays retired (see docs/rules).
 */
import { formatRules } from './formats';
import { practiceRules } from './practice';
import { seedRules } from './seed';
import { statusRules } from './status';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [...seedRules, ...practiceRules, ...formatRules, ...statusRules];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
