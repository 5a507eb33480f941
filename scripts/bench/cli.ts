/** The CLI at scale: the corpus, big-multidoc, and a generated tree of 10,000 files. */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './stats';

export interface CliFigures {
  readonly corpusFiles: number;
  readonly corpusWallMs: number;
  readonly nodeStartMs: number;
  readonly bigMultidocMs: number;
  readonly bigMultidocDocs: number;
  /**
   * Copies of big-multidoc linted in one process (one core): wall times of 1, `someCopies` and `copies`
   * of them, alternated. The copies after the first show the rate while V8 is still optimising; those
   * after `someCopies`, the rate once it has.
   */
  readonly someCopies: number;
  readonly copies: number;
  readonly oneCopyMs: number;
  readonly someCopiesMs: number;
  readonly allCopiesMs: number;
  readonly treeFiles: number;
  readonly treeWallMs: number;
  readonly treeCpuMs: number;
}

/** Median wall time of a node command, and the median CPU time (user + system) of its process tree. */
function wall(args: string[], runs: number, cwd: string): { ms: number; cpuMs: number } {
  const walls: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync('/usr/bin/env', ['bash', '-c', 'TIMEFORMAT="%U %S"; time "$@" >/dev/null', 'bench', process.execPath, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 1 << 28,
    });
    walls.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    const times = /([\d.]+) ([\d.]+)\s*$/.exec(String(r.stderr));
    if (times) cpu.push((Number(times[1]) + Number(times[2])) * 1000);
  }
  return { ms: median(walls), cpuMs: cpu.length ? median(cpu) : NaN };
}

export function benchCli(root: string, cache: string, runs: number): CliFigures {
  const cli = join(root, 'dist', 'cli.js');
  const corpus = join(root, '..', 'shared', 'corpus');
  const nodeStartMs = wall(['-e', ''], runs, root).ms;
  const corpusWallMs = wall([cli, 'lint', corpus, '--fail-on', 'none'], runs, root).ms;
  const big = join(corpus, 'big', 'big-multidoc.yaml');
  const bigMultidocMs = wall([cli, 'lint', big, '--fail-on', 'none'], runs, root).ms;
  // Throughput as the process warms up: copies of the file in one process (one core, --jobs 1), the
  // runs alternated so that the machine's drift falls on all three.
  const someCopies = 8;
  const copies = 24;
  const copiesDir = (n: number) => {
    const dir = join(cache, `big-multidoc-x${n}`);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < n; i++) copyFileSync(big, join(dir, `copy-${i}.yaml`));
    return dir;
  };
  const lintOneCore = (path: string) => wall([cli, 'lint', path, '--jobs', '1', '--fail-on', 'none'], 1, root).ms;
  const [someDir, allDir] = [copiesDir(someCopies), copiesDir(copies)];
  const one: number[] = [];
  const some: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    one.push(lintOneCore(join(someDir, 'copy-0.yaml')));
    some.push(lintOneCore(someDir));
    all.push(lintOneCore(allDir));
  }
  const tree = tenThousandFiles(corpus, join(cache, 'tree-10k'));
  const t = wall([cli, 'lint', tree, '--fail-on', 'none'], Math.min(runs, 3), root);
  return {
    corpusFiles: countYaml(corpus),
    corpusWallMs,
    nodeStartMs,
    bigMultidocMs,
    bigMultidocDocs: Number(execFileSync('grep', ['-c', '^---', big], { encoding: 'utf8' }).trim()) + 1,
    someCopies,
    copies,
    oneCopyMs: median(one),
    someCopiesMs: median(some),
    allCopiesMs: median(all),
    treeFiles: countYaml(tree),
    treeWallMs: t.ms,
    treeCpuMs: t.cpuMs,
  };
}

/** 10,000 files in nested folders, copied from the corpus (not the big files). Not committed. */
function tenThousandFiles(corpus: string, dir: string): string {
  if (existsSync(join(dir, 'done'))) return dir;
  const sources = walk(corpus).filter((f) => !f.includes('/big/'));
  for (let i = 0; i < 10_000; i++) {
    const sub = join(dir, `team-${i % 20}`, `svc-${Math.floor(i / 20) % 25}`);
    mkdirSync(sub, { recursive: true });
    copyFileSync(sources[i % sources.length], join(sub, `m-${i}.yaml`));
  }
  copyFileSync(sources[0], join(dir, 'done'));
  return dir;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(n) ? [p] : [];
  });
}

function countYaml(dir: string): number {
  return walk(dir).length;
}
