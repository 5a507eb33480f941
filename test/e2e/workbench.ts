/**
 * A real VS Code workbench on this machine (see ../shared/E2E.md): the pinned
 * code-server (e2e/setup.sh) serves VS Code's web workbench and runs the
 * extension host and our language server; headless Debian Chromium, driven by
 * playwright-core, renders it. Used by the suite launcher (runWorkbench.ts),
 * the person's-eye test (ui/) and `npm run try`.
 *
 * Each run gets a fresh folder under e2e/.run/ for user data, extensions,
 * XDG folders and logs, so nothing is written to the home folder. Temporary
 * files go to a short folder under the system temp folder instead: Chromium
 * and VS Code put Unix sockets there, and a socket path longer than 107 bytes
 * is fatal (`Socket path too long`), which a deep checkout would reach.
 * code-server starts in its own process group; `stop()` ends the server, its
 * extension hosts and our language server together.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const E2E = join(ROOT, 'e2e');
const NODE24 = join(E2E, 'node24', 'node_modules', '.bin', 'node');
const CODE_SERVER = join(E2E, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = '/usr/bin/chromium';
/** The system temp folder as it was before any run replaced TMPDIR. */
const SYSTEM_TMP = tmpdir();
const SHORT_TMP = join(SYSTEM_TMP, 'podsense-e2e');

export interface Run {
  readonly dir: string;
  readonly userData: string;
  readonly extensions: string;
  readonly env: NodeJS.ProcessEnv;
}

/** Fails with what to run when the runtime is missing. */
export function requireRuntime(): void {
  const missing = [NODE24, CODE_SERVER, CHROMIUM].filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(`the workbench runtime is not installed (missing ${missing.join(', ')}): run \`bash e2e/setup.sh\` first`);
  }
}

/** A fresh run folder with user settings for a quiet, offline workbench. */
export function newRun(name: string, settings: Record<string, unknown> = {}): Run {
  const id = `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const dir = join(E2E, '.run', id);
  const sub = (p: string) => {
    const full = join(dir, p);
    mkdirSync(full, { recursive: true });
    return full;
  };
  const userData = sub('user-data');
  const extensions = sub('extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.tips.enabled': false,
        'editor.hover.delay': 100,
        'update.mode': 'none',
        ...settings,
      },
      null,
      2,
    ),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Node 24 first on PATH: code-server and the processes it forks.
    PATH: `${join(E2E, 'node24', 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    EXTENSIONS_GALLERY: '{}',
    XDG_CONFIG_HOME: sub('xdg/config'),
    XDG_DATA_HOME: sub('xdg/data'),
    XDG_CACHE_HOME: sub('xdg/cache'),
    XDG_STATE_HOME: sub('xdg/state'),
    TMPDIR: shortTmp(dir, id),
    NODE_COMPILE_CACHE: sub('node-compile-cache'),
    NODE_OPTIONS: '',
    // For the suite, to find the extension's global storage.
    PODSENSE_E2E_USER_DATA: userData,
  };
  // Playwright's own temporary Chromium profile goes into the run folder too.
  process.env.TMPDIR = env.TMPDIR;
  return { dir, userData, extensions, env };
}

/** Copies a folder into the run (tests may edit and save files there). */
export function copyIntoRun(run: Run, from: string, name: string): string {
  const to = join(run.dir, name);
  cpSync(from, to, { recursive: true });
  return to;
}

function codeServerArgs(run: Run): string[] {
  return [CODE_SERVER, '--user-data-dir', run.userData, '--extensions-dir', run.extensions];
}

/** Installs a .vsix into the run's extensions folder (well under a second). */
export function installVsix(run: Run, vsix: string): void {
  const result = spawnSync(NODE24, [...codeServerArgs(run), '--install-extension', vsix], { env: run.env, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed: ${result.stderr || result.stdout || result.error}`);
}

export interface CodeServer {
  readonly origin: string;
  readonly host: string;
  readonly log: string;
  /** The workbench URL for a folder, with an optional smoke-test payload. */
  url(folder: string, payload?: [string, string][]): string;
  stop(): Promise<void>;
}

/**
 * Starts code-server on 127.0.0.1 (port 0 unless given) in its own process
 * group and resolves once it listens and answers /healthz.
 */
export async function startCodeServer(
  run: Run,
  options: { smokeTestDriver?: boolean; port?: number; timeoutMs?: number } = {},
): Promise<CodeServer> {
  const log = join(run.dir, 'code-server.log');
  const out = openSync(log, 'a');
  const args = [
    ...codeServerArgs(run),
    '--bind-addr',
    `127.0.0.1:${options.port ?? 0}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--reconnection-grace-time',
    '5',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  // detached: the child calls setsid(), so it leads its own process group.
  const child = spawn(NODE24, args, { env: run.env, detached: true, stdio: ['ignore', out, out] });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('code-server did not start');
  writeFileSync(join(run.dir, 'code-server.pgid'), `${pgid}\n`);
  let exited = false;
  child.on('exit', () => (exited = true));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pgid, signal);
    } catch {
      // already gone
    }
  };
  // Never leave a server behind, whatever ends this process: a normal exit, or
  // the SIGTERM of `timeout`/Ctrl+C (which end Node without 'exit' handlers
  // unless they are caught; code-server is in its own group and would survive).
  const onExit = () => kill('SIGKILL');
  const onSignal = (signal: NodeJS.Signals) => {
    kill('SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', onExit);
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  let origin: string | undefined;
  while (!origin) {
    const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(readFileSync(log, 'utf8'));
    if (m) origin = m[1];
    else if (exited) throw new Error(`code-server exited before listening; see ${log}:\n${readFileSync(log, 'utf8').slice(-2000)}`);
    else if (Date.now() > deadline) {
      kill('SIGKILL');
      throw new Error(`code-server did not listen within ${options.timeoutMs ?? 60_000} ms; see ${log}`);
    } else await new Promise((r) => setTimeout(r, 50)); // polling a log file: there is no event to wait on
  }
  while (!(await fetch(`${origin}/healthz`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline) throw new Error(`code-server at ${origin} did not answer /healthz`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const host = new URL(origin).host;
  return {
    origin,
    host,
    log,
    url(folder, payload) {
      const params = new URLSearchParams({ folder });
      if (payload) params.set('payload', JSON.stringify(payload));
      return `${origin}/?${params.toString()}`;
    },
    async stop() {
      process.off('exit', onExit);
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      if (exited) return;
      const gone = new Promise<void>((r) => child.once('exit', () => r()));
      kill('SIGTERM');
      const timer = setTimeout(() => kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
      // Anything that ignored SIGTERM (extension host, language server).
      kill('SIGKILL');
    },
  };
}

/**
 * Headless Debian Chromium with the flags E2E.md lists, and the run's
 * environment (XDG folders, TMPDIR), so it writes nothing into the home folder.
 */
export async function launchChromium(run: Run): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    env: run.env,
    timeout: 60_000,
  });
}

/** A remote URI for a path on this machine, as the web workbench names it. */
export const remoteUri = (server: CodeServer, path: string) => `vscode-remote://${server.host}${path}`;

/**
 * The run's temp folder: `<system tmp>/podsense-e2e/<base36 time><pid>`, a
 * few dozen bytes whatever the checkout's depth. The run folder names it in
 * `tmp-folder.txt`, and its `tmp` entry points there for anyone debugging.
 */
function shortTmp(dir: string, id: string): string {
  const tmp = join(SHORT_TMP, `${Date.now().toString(36)}${process.pid.toString(36)}`);
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'run.txt'), `${id}\n`);
  writeFileSync(join(dir, 'tmp-folder.txt'), `${tmp}\n`);
  symlinkSync(tmp, join(dir, 'tmp'));
  return tmp;
}

/** Removes run folders (and their temp folders) older than the last few, so neither grows without end. */
export function pruneRuns(keep = 6): void {
  const base = join(E2E, '.run');
  if (existsSync(base)) {
    for (const name of newestFirst(base).slice(keep)) {
      const tmpRecord = join(base, name, 'tmp-folder.txt');
      if (existsSync(tmpRecord)) rmSync(readFileSync(tmpRecord, 'utf8').trim(), { recursive: true, force: true });
      rmSync(join(base, name), { recursive: true, force: true });
    }
  }
  // Temp folders whose run folder is gone (another checkout's, or removed by hand).
  if (existsSync(SHORT_TMP)) {
    for (const name of newestFirst(SHORT_TMP).slice(keep * 4)) rmSync(join(SHORT_TMP, name), { recursive: true, force: true });
  }
}

function newestFirst(folder: string): string[] {
  return readdirSync(folder)
    .map((name) => ({ name, time: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time)
    .map((r) => r.name);
}

export type { Page };
