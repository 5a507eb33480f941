/**
 * `npm run try`: see PodSense working. Builds the .vsix; where a `code` CLI
 * exists, installs it there and opens examples/. Otherwise starts the pinned
 * code-server (e2e/setup.sh installs it) on 127.0.0.1 with PodSense installed
 * and examples/ open, prints the URL, and runs until Ctrl+C.
 *
 * `--code-server` skips the `code` CLI; `--port N` (default 8080, or any free
 * port when taken); `--check` starts, fetches the workbench page and stops
 * (what CI can verify without a browser).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { installVsix, newRun, pruneRuns, requireRuntime, ROOT, startCodeServer } from '../test/e2e/workbench';

const args = process.argv.slice(2);
const check = args.includes('--check');
const portArg = args.indexOf('--port');
const wantedPort = portArg >= 0 ? Number(args[portArg + 1]) : 8080;

const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const vsix = join(ROOT, `${name}-${version}.vsix`);
const examples = join(ROOT, 'examples');

const hasCode = () => !args.includes('--code-server') && !check && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (hasCode()) {
    execFileSync('code', ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
    execFileSync('code', [examples], { stdio: 'inherit' });
    console.log(`\nPodSense ${version} is installed in VS Code, and examples/ is open: hover shareProcessNamespace in shared-pid-debug.yaml.`);
    return;
  }
  execFileSync('bash', [join(ROOT, 'e2e', 'setup.sh')], { stdio: 'inherit' });
  requireRuntime();
  pruneRuns();
  const run = newRun('try');
  installVsix(run, vsix);
  const port = (await portFree(wantedPort)) ? wantedPort : 0;
  const server = await startCodeServer(run, { port });
  const url = server.url(examples);
  if (check) {
    const response = await fetch(url);
    const ok = response.ok && (await response.text()).includes('workbench');
    await server.stop();
    console.log(`try --check: ${url} answered ${response.status}${ok ? ' with the workbench' : ''}`);
    process.exit(ok ? 0 : 1);
  }
  console.log(`\nPodSense ${version} is running in VS Code (code-server ${'4.139.1'}), with examples/ open:\n\n    ${url}\n`);
  console.log('Open it in a browser on this machine (or tunnel the port: ssh -L ...), hover shareProcessNamespace in');
  console.log(`shared-pid-debug.yaml, open Problems with Ctrl+Shift+M. Logs: ${server.log}. Ctrl+C stops it.`);
  await new Promise(() => undefined); // until Ctrl+C; startCodeServer stops the server on SIGINT/SIGTERM
}

main().catch((error: unknown) => {
  console.error(`try: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
