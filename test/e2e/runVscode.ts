/**
 * `npm run test:vscode`, launcher 1: runs the mocha suite (dist/test/suite)
 * in VS Code desktop through `@vscode/test-electron`, on machines where VS
 * Code can be downloaded (or is installed: set PODSENSE_VSCODE_EXECUTABLE to
 * its executable). Where neither works it fails within seconds with a message
 * saying so; `npm run test:e2e` runs the same suite in code-server instead.
 */
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const DOWNLOAD_TIMEOUT_MS = 30_000;

async function executable(): Promise<string> {
  const given = process.env.PODSENSE_VSCODE_EXECUTABLE;
  if (given) return given;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no progress within ${DOWNLOAD_TIMEOUT_MS / 1000} s`)), DOWNLOAD_TIMEOUT_MS);
  });
  try {
    return await Promise.race([downloadAndUnzipVSCode({ version: 'stable', timeout: DOWNLOAD_TIMEOUT_MS }), stalled]);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `VS Code could not be downloaded (${why}). This launcher needs access to update.code.visualstudio.com, ` +
        'or PODSENSE_VSCODE_EXECUTABLE pointing at an installed VS Code. On a machine without either, ' +
        'run the same suite in code-server: `npm run test:e2e`.',
    );
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<void> {
  const vscodeExecutablePath = await executable();
  const workspace = mkdtempSync(join(tmpdir(), 'podsense-vscode-'));
  cpSync(join(ROOT, 'test', 'e2e', 'fixtures', 'workspace'), workspace, { recursive: true });
  const userData = mkdtempSync(join(tmpdir(), 'podsense-vscode-user-'));
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'dist', 'test', 'suite', 'index.js'),
    launchArgs: [workspace, `--user-data-dir=${userData}`, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    // For the suite, to find the extension's global storage.
    extensionTestsEnv: { PODSENSE_E2E_USER_DATA: userData },
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`test:vscode: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
