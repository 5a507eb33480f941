import { BUILT_IN_CHECKS } from './checks';
import { RULES } from './rules';
import type { Severity } from './rules/types';
import { closestField } from './schema/suggest';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

export type RuleLevels = Readonly<Record<string, RuleLevel>>;

const LEVELS = new Set<RuleLevel>(['off', 'hint', 'info', 'warning', 'error']);

/** The level configured for a code in `levels`, or its own severity when none is. */
export function levelOf(levels: RuleLevels | undefined, code: string, own: Severity): RuleLevel {
  return levels && Object.prototype.hasOwnProperty.call(levels, code) ? levels[code] : own;
}

/**
 * Normalises rule settings from any source (VS Code settings, `.podsense.yaml`,
 * `--rule` flags): keeps `id: level` pairs with a known level; everything else
 * is returned as a problem for the caller to show.
 */
export function normaliseRuleLevels(raw: unknown): { levels: RuleLevels; problems: string[] } {
  const levels: Record<string, RuleLevel> = {};
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { levels, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { levels, problems: ['rules must be a map of rule id to severity'] };
  for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
    const unknown = unknownIdProblem(id);
    if (unknown) {
      problems.push(unknown);
      continue;
    }
    const level = typeof value === 'string' ? (value.toLowerCase() as RuleLevel) : value === false ? 'off' : undefined;
    if (level && LEVELS.has(level)) levels[id] = level;
    else problems.push(`rule ${id}: "${String(value)}" is not one of off, hint, info, warning, error`);
  }
  return { levels, problems };
}

/** Every id a level can be set for: the rules and the built-in checks. */
export const KNOWN_IDS: readonly string[] = [...RULES.map((r) => r.id), ...BUILT_IN_CHECKS.map((c) => c.id)];

/** Why a rule id cannot be configured (a typo would otherwise change nothing, silently), or undefined. */
export function unknownIdProblem(id: string): string | undefined {
  if (KNOWN_IDS.includes(id)) return undefined;
  const closest = closestField(id, KNOWN_IDS);
  return `rule ${id}: no such rule or check${closest ? ` (did you mean ${closest}?)` : ''}`;
}

/** Later sources win: defaults < project file < editor settings < command line. */
export function mergeRuleLevels(...sources: (RuleLevels | undefined)[]): RuleLevels {
  return Object.assign({}, ...sources.filter(Boolean));
}
