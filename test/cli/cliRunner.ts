import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
export const FIXTURES = join(__dirname, '..', 'fixtures', 'cli');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI as a user would, with a time limit. */
export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? FIXTURES,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, LANG: 'C', ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
