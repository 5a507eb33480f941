import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The shared corpus of real manifests, read in place; absent for someone who cloned only the project. */
export const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

export const corpusMissing: string | false = existsSync(CORPUS)
  ? false
  : `../shared/corpus not found at ${CORPUS}: corpus tests skipped (they need the workplace's shared folder)`;

export function corpusFiles(sub = ''): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .sort()
      .flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(n) ? [p] : [];
      });
  return walk(join(CORPUS, sub));
}
