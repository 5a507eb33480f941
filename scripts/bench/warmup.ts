/**
 * How long V8 takes to warm up on a big file: the same text parsed and
 * validated round after round in one fresh Node process, against `yaml`'s
 * parse alone in another. A fresh server's didOpen is round 1, where nothing
 * is compiled yet; V8's optimising compiler takes over after several rounds.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchFile } from './files';
import { median } from './stats';

export interface WarmupCurve {
  readonly file: string;
  readonly rounds: number;
  readonly processes: number;
  /** Median over processes of each round's time, ms. */
  readonly podsense: number[];
  readonly yaml: number[];
}

export function warmupCurve(root: string, file: BenchFile, execArgv: readonly string[], processes: number, rounds = 8): WarmupCurve {
  const child = join(root, 'scripts', 'bench', 'warmupChild.cjs');
  const runs = { podsense: [] as number[][], yaml: [] as number[][] };
  for (let p = 0; p < processes; p++) {
    // Alternating, as the servers are.
    for (const mode of p % 2 === 0 ? (['podsense', 'yaml'] as const) : (['yaml', 'podsense'] as const)) {
      const out = execFileSync(process.execPath, [...execArgv, child, mode, file.path, String(rounds)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
      runs[mode].push(JSON.parse(out) as number[]);
    }
  }
  const perRound = (all: number[][]) => Array.from({ length: rounds }, (_, i) => median(all.map((r) => r[i])));
  return { file: file.name, rounds, processes, podsense: perRound(runs.podsense), yaml: perRound(runs.yaml) };
}
