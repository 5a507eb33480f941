import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

/** An input to lint: a file on disk, or standard input. */
export type Input = { kind: 'file'; path: string } | { kind: 'stdin' };

const YAML_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** Our own settings file is YAML too, but never a manifest. */
const SETTINGS_FILE = /^\.podsense\.ya?ml$/;

/**
 * Expands the command line's paths: `-` is stdin, a folder is searched
 * recursively for .yaml/.yml files (skipping node_modules and .git), a glob
 * is expanded (tinyglobby: the same glob syntax on every platform, without
 * depending on the shell), and a file is taken as it is, whatever its name.
 * Paths that do not exist are returned as errors, and the rest go on.
 */
export function expandInputs(paths: readonly string[], cwd: string): { inputs: Input[]; errors: string[] } {
  const inputs: Input[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const abs = resolve(cwd, p);
    if (!seen.has(abs)) {
      seen.add(abs);
      inputs.push({ kind: 'file', path: abs });
    }
  };
  for (const p of paths) {
    if (p === '-') {
      inputs.push({ kind: 'stdin' });
      continue;
    }
    let stat;
    try {
      stat = statSync(resolve(cwd, p));
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      for (const f of walk(resolve(cwd, p))) add(f);
    } else if (stat) {
      add(p);
    } else if (/[*?[\]{}]/.test(p)) {
      const matches = globSync(p, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] }).sort();
      if (matches.length === 0) errors.push(`no files match ${p}`);
      for (const f of matches) add(f);
    } else {
      errors.push(`cannot read ${p}: no such file or folder`);
    }
  }
  return { inputs, errors };
}

/** Every YAML file under a folder, iteratively (deep trees cannot overflow the stack), sorted. */
function walk(root: string): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) stack.push(join(dir, e.name));
      } else if (e.isFile() && YAML_FILE.test(e.name) && !SETTINGS_FILE.test(e.name)) {
        out.push(join(dir, e.name));
      }
    }
  }
  return out.sort();
}

export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
