import type { Severity } from './rules/types';

/** A rule's configured level: a severity, or `off`. */
export type RuleLevel = Severity | 'off';

export type RuleLevels = Readonly<Record<string, RuleLevel>>;

const LEVELS = new Set<RuleLevel>(['off', 'hint', 'info', 'warning', 'error']);

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
    const level = typeof value === 'string' ? (value.toLowerCase() as RuleLevel) : value === false ? 'off' : undefined;
    if (level && LEVELS.has(level)) levels[id] = level;
    else problems.push(`rule ${id}: "${String(value)}" is not one of off, hint, info, warning, error`);
  }
  return { levels, problems };
}

/** Later sources win: defaults < project file < editor settings < command line. */
export function mergeRuleLevels(...sources: (RuleLevels | undefined)[]): RuleLevels {
  return Object.assign({}, ...sources.filter(Boolean));
}
