import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { normaliseRuleLevels, RuleLevels } from './service/config';

/** `.podsense.yaml`: project rule settings shared by the editor and the CLI, so both agree. */
export interface ProjectConfig {
  readonly file: string;
  readonly rules: RuleLevels;
  /** What was wrong with the file, for the caller to show. */
  readonly problems: readonly string[];
}

export const PROJECT_CONFIG_NAMES = ['.podsense.yaml', '.podsense.yml'];

/** Reads one project file; a broken file yields problems, never an exception. */
export function readProjectConfig(file: string): ProjectConfig {
  try {
    const raw: unknown = parse(readFileSync(file, 'utf8'), { maxAliasCount: 10 });
    if (raw !== null && raw !== undefined && (typeof raw !== 'object' || Array.isArray(raw))) {
      return { file, rules: {}, problems: ['the file must be a map with a `rules:` key'] };
    }
    const { levels, problems } = normaliseRuleLevels((raw as { rules?: unknown } | null)?.rules);
    return { file, rules: levels, problems };
  } catch (err) {
    return { file, rules: {}, problems: [err instanceof Error ? err.message.split('\n')[0] : String(err)] };
  }
}

/**
 * The project file that applies to a folder: the nearest `.podsense.yaml`
 * walking up from it, not above the repository root (the first folder with
 * `.git`) or the file system root. `cache` maps folders to results.
 */
export function findProjectConfig(startDir: string, cache?: Map<string, ProjectConfig | null>): ProjectConfig | undefined {
  const visited: string[] = [];
  let dir = startDir;
  let found: ProjectConfig | null = null;
  for (;;) {
    const known = cache?.get(dir);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(dir);
    const file = PROJECT_CONFIG_NAMES.map((n) => join(dir, n)).find(isFile);
    if (file) {
      found = readProjectConfig(file);
      break;
    }
    const parent = dirname(dir);
    if (parent === dir || exists(join(dir, '.git'))) break;
    dir = parent;
  }
  for (const d of visited) cache?.set(d, found);
  return found ?? undefined;
}

/** existsSync, except that a folder we may not read (Node's permission model throws there) counts as absent. */
function exists(p: string): boolean {
  try {
    return existsSync(p);
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
