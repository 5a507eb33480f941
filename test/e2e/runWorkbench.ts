/**
 * `npm run test:e2e`, launcher 2: runs the mocha suite (dist/test/suite) in
 * code-server's workbench on this machine. code-server rejects
 * `--extensionTestsPath`, but with `--vscode-option enable-smoke-test-driver`
 * the web workbench reads the same two paths from its `payload` URL
 * parameter and runs the tests in the remote extension host; the output and
 * the exit code come back through `codeAutomationLog`/`codeAutomationExit`.
 *
 * Prints the suite's output and ends with `podsense-e2e: N passed, N failed`;
 * exits 1 on any failure or when the suite does not finish in time.
 */
import { join } from 'node:path';
import { format } from 'node:util';
import { copyIntoRun, launchChromium, newRun, pruneRuns, remoteUri, requireRuntime, ROOT, startCodeServer } from './workbench';

const TOTAL_MS = Number(process.env.PODSENSE_E2E_TIMEOUT_MS ?? 180_000);

async function main(): Promise<number> {
  requireRuntime();
  pruneRuns();
  const started = Date.now();
  const run = newRun('suite');
  const workspace = copyIntoRun(run, join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), 'workspace');
  const server = await startCodeServer(run, { smokeTestDriver: true });
  const browser = await launchChromium(run);
  let summary = '';
  // The workbench logs its own start-up too; print from the suite's first line
  // on (and errors always; PODSENSE_E2E_VERBOSE=1 prints everything).
  let testStarted = false;
  try {
    const page = await browser.newPage();
    const exitCode = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (/PodSense in the VS Code workbench/.test(text)) testStarted = true;
      if (process.env.PODSENSE_E2E_VERBOSE !== '1' && !(type === 'error' || testStarted)) return;
      const m = /podsense-e2e: \d+ passed, \d+ failed/.exec(text);
      if (m) summary = m[0];
      (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    });
    const url = server.url(workspace, [
      ['extensionDevelopmentPath', remoteUri(server, ROOT)],
      ['extensionTestsPath', remoteUri(server, join(ROOT, 'dist', 'test', 'suite', 'index.js'))],
    ]);
    await page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((resolve) => {
      timer = setTimeout(() => {
        console.error(
          `test:e2e: the suite did not finish within ${TOTAL_MS} ms (is code-server started with the smoke-test driver? see ${server.log} and ${run.dir})`,
        );
        resolve(1);
      }, TOTAL_MS - (Date.now() - started));
    });
    const code = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (!summary) {
      summary = 'podsense-e2e: 0 passed, 1 failed';
      console.error('test:e2e: the suite reported no result');
      if (code === 0) return 1;
    }
    console.log(`test:e2e: exit code ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s (run folder ${run.dir})`);
    return code;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    console.log(summary);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:e2e: ${error instanceof Error ? error.message : String(error)}`);
    console.log('podsense-e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
