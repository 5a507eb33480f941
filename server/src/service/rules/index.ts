/**
 * The rule registry: every lint rule, listed explicitly. Ids are never reused;
 * a removed rule's id stays retired (see docs/rules).
 */
import { practiceRules } from './practice';
import { seedRules } from './seed';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [...seedRules, ...practiceRules];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
