/**
 * `npm run bench`: PodSense and yaml-language-server side by side, in one run,
 * alternating, on the same files; plus the `yaml` parse floor and the CLI at
 * scale. Writes docs/performance.md. Not a test: it never fails on timing.
 *
 *   npm run bench [-- --runs 5] [-- --files big-multidoc,one-big-pod] [-- --no-write]
 *   npm run bench -- --servers podsense --files big-multidoc --runs 3 --no-write [--cpu-prof DIR] [--node-flags '--flag ...'] [--raw FILE.json] [--max-problems N]
 *     (PodSense alone, optionally with V8 CPU profiles of the server or extra Node flags, while optimising)
 */
import { execFileSync, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineCounter, parseAllDocuments } from 'yaml';
import { benchCli, CliFigures } from './cli';
import { benchFiles, BenchFile } from './files';
import { k8sJsonSchema } from './k8sJsonSchema';
import { Floor, Measured, writeReport } from './report';
import { LspClient } from '../../test/protocol/lspClient';
import { runSession, ServerSpec, SessionResult } from './session';
import { median } from './stats';
import { warmupCurve } from './warmup';

const root = join(__dirname, '..', '..');
const cache = join(root, 'bench-cache');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const runs = Number(arg('runs') ?? 5);
  const only = arg('files')?.split(',');
  const files = benchFiles(root, cache, only);
  const schema = pathToFileURL(k8sJsonSchema(cache)).href;
  const ylsVersion = require('yaml-language-server/package.json').version as string;
  const prof = arg('cpu-prof');
  // As the VS Code extension gives it one in its storage: empty at the start of each run, so the run's
  // first session compiles and sends it (the bench stores it, as the extension does), and the sessions after it start from it.
  const codeCache = join(cache, 'podsense-code-cache');
  rmSync(codeCache, { recursive: true, force: true });
  // The server's Node flags as the VS Code extension passes them (plus any under test), without the profiler's.
  const podsenseFlags = ['--max-semi-space-size=4', ...(arg('node-flags')?.split(' ').filter((f) => f !== '') ?? [])];
  const all: ServerSpec[] = [
    // Started the way the VS Code extension starts it (client/src/extension.ts): one Node flag and a code cache folder.
    // Every problem reported, as yaml-language-server reports them: by default PodSense sends a file's 1,000 most
    // severe (VS Code shows no more), which would spare it a third of big-multidoc's report. `--max-problems N` sets it.
    { name: 'PodSense', script: join(root, 'dist', 'server.js'), args: ['--stdio', `--cache-dir=${codeCache}`], initializationOptions: { codeCache: true }, codeCacheDir: codeCache, execArgv: [...podsenseFlags, ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])], settings: { podsense: { maxNumberOfProblems: Number(arg('max-problems') ?? 0) } } },
    {
      name: `yaml-language-server ${ylsVersion}`,
      script: require.resolve('yaml-language-server/bin/yaml-language-server'),
      args: ['--stdio'],
      settings: {
        yaml: {
          schemas: { [schema]: ['/*'] },
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemaStore: { enable: false },
          kubernetesCRDStore: { enable: false },
          maxItemsComputed: 5000,
        },
      },
    },
  ];
  // `--servers podsense` measures PodSense alone, for quick rounds while optimising (never written to the docs).
  const servers = arg('servers') ? all.filter((s) => arg('servers')!.split(',').some((n) => s.name.toLowerCase().startsWith(n.toLowerCase()))) : all;
  const measured: Measured[] = [];
  for (const file of files) {
    const perServer = new Map<string, SessionResult[]>(servers.map((s) => [s.name, []]));
    const fileRuns = file.lines > 50_000 ? Math.max(1, Math.min(runs, 3)) : runs;
    for (let run = 0; run < fileRuns; run++) {
      // Alternate which server goes first, so neither always gets the warmer machine.
      const order = run % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) {
        process.stderr.write(`bench: ${file.name} run ${run + 1}/${fileRuns} ${server.name}... `);
        try {
          const r = await runSession(server, file);
          perServer.get(server.name)!.push(r);
          process.stderr.write(`open ${r.openToDiagnostics.toFixed(0)} ms, rss ${r.peakRssMb.toFixed(0)} MB\n`);
        } catch (err) {
          process.stderr.write(`failed: ${err instanceof Error ? err.message : String(err)}\n`);
        }
      }
    }
    measured.push({ file, floor: parseFloor(file, fileRuns), results: perServer });
  }
  // Only with PodSense measured: the curve runs its engine bundle under the server's Node flags.
  const podsense = servers.find((s) => s.name === 'PodSense');
  const big = files.find((f) => f.name === 'big-multidoc');
  if (big && podsense) process.stderr.write('bench: warm-up curve on big-multidoc...\n');
  const warmup = big && podsense ? warmupCurve(root, big, podsenseFlags, Math.max(3, runs)) : undefined;
  const cli: CliFigures | undefined = only ? undefined : benchCli(root, cache, runs);
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
    nodeStartMs: nodeStart(Math.max(5, runs)),
    ...(podsense ? await podsenseStartups(podsense, podsenseFlags, Math.max(11, 2 * runs + 1)) : {}),
    ...(await pipeRoundTrip(120)),
  };
  const text = writeReport(join(root, 'docs', 'performance.md'), measured, servers.map((s) => s.name), machine, cli, warmup, runs, !process.argv.includes('--no-write') && !arg('servers'));
  process.stdout.write(text);
  // Every sample of every session, for looking past the medians while optimising.
  const raw = arg('raw');
  if (raw) writeFileSync(raw, JSON.stringify(measured.map((m) => ({ file: m.file.name, floor: m.floor, results: Object.fromEntries(m.results) })), null, 1));
}

/**
 * The transport's own latency: a 300-byte message to a Node child over its
 * stdin and back over its stdout, as a request to an idle server travels.
 * No request answered over stdio can be faster than this.
 */
async function pipeRoundTrip(rounds: number): Promise<{ pipeP50Ms: number; pipeP95Ms: number }> {
  const child = spawn(process.execPath, ['-e', "process.stdin.on('data', (d) => process.stdout.write(d))"], { stdio: ['pipe', 'pipe', 'ignore'] });
  const times: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      await new Promise((r) => setTimeout(r, 5));
      const t = performance.now();
      const back = new Promise((r) => child.stdout!.once('data', r));
      child.stdin!.write('x'.repeat(300));
      await back;
      times.push(performance.now() - t);
    }
  } finally {
    child.kill();
  }
  times.sort((a, b) => a - b);
  return { pipeP50Ms: times[times.length >> 1], pipeP95Ms: times[Math.floor(times.length * 0.95)] };
}

/**
 * PodSense's start-up (spawn → initialize result) with the code cache the
 * sessions left and without any (an editor that gives no folder, or the first
 * start after an update), alternated.
 */
async function podsenseStartups(spec: ServerSpec, flags: string[], runs: number): Promise<{ podsenseCachedStartMs: number; podsenseUncachedStartMs: number }> {
  const withCache: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [args, times] of [
      [spec.args, withCache],
      [spec.args.filter((a) => !a.startsWith('--cache-dir=')), without],
    ] as const) {
      const t = performance.now();
      const client = new LspClient([...args], flags, spec.script);
      try {
        await client.initialize('en');
        times.push(performance.now() - t);
        await client.shutdown();
      } finally {
        client.proc.kill();
      }
    }
  }
  return { podsenseCachedStartMs: median(withCache), podsenseUncachedStartMs: median(without) };
}

function nodeStart(runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(process.execPath, ['-e', '0']);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[times.length >> 1];
}

/**
 * The floor: the `yaml` package alone parsing the file, as every YAML server
 * must. Cold: the first parse in a fresh Node process, which is what a
 * server's first didOpen faces (the JIT has compiled nothing yet; on this
 * machine that is 2-3 times the warm figure). Warm: repeated parses in this
 * process after one to warm up.
 */
function parseFloor(file: BenchFile, runs: number): Floor {
  const cold: number[] = [];
  const script =
    "const { parseAllDocuments, LineCounter } = require('yaml'); const text = require('fs').readFileSync(process.argv[1], 'utf8');" +
    'const t = performance.now(); parseAllDocuments(text, { lineCounter: new LineCounter() }); console.log(performance.now() - t);';
  for (let i = 0; i < Math.max(3, runs); i++) {
    cold.push(Number(execFileSync(process.execPath, ['-e', script, file.path], { cwd: root, encoding: 'utf8' })));
  }
  const warm: number[] = [];
  for (let i = 0; i <= Math.max(3, runs); i++) {
    const t = performance.now();
    parseAllDocuments(file.text, { lineCounter: new LineCounter() });
    if (i > 0) warm.push(performance.now() - t);
  }
  return { cold, warm };
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
