/**
 * What a person sees: the packaged .vsix installed into code-server, the
 * workbench in headless Chromium on a copy of examples/, and the steps a user
 * takes, each asserted on what the screen shows (or, for edits, on the saved
 * file). Run by `npm run test:ui` (after `npm run package`); `npm run
 * screenshots` runs it with PODSENSE_SCREENSHOTS=docs/images.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CodeServer, copyIntoRun, installVsix, launchChromium, newRun, pruneRuns, requireRuntime, ROOT, Run, startCodeServer } from '../workbench';
import { selectors, WorkbenchPage, WAIT_MS } from './workbenchPage';

const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const VSIX = join(ROOT, `${name}-${version}.vsix`);

/** Resolves when the saved file satisfies `test` (the server writes it asynchronously). */
async function savedText(file: string, test: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const text = readFileSync(file, 'utf8');
    if (test(text)) return text;
    if (Date.now() > deadline) return text;
    await new Promise((r) => setTimeout(r, 50)); // a file on disk has no event to wait on here
  }
}

describe('PodSense as a person sees it in the workbench', { timeout: 180_000 }, () => {
  let run: Run;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let wb: WorkbenchPage;
  let folder: string;
  let shots: string;

  const screenshot = async (file: string) => {
    await page.screenshot({ path: join(shots, file) });
    console.log(`screenshot: ${join(shots, file)}`);
  };

  /** A step: on failure, a screenshot of what was shown goes into the run folder. */
  const step = (title: string, fn: () => Promise<void>) =>
    it(title, async () => {
      try {
        await fn();
      } catch (error) {
        const file = join(run.dir, `failed-${title.replace(/[^a-z0-9]+/gi, '-')}.png`);
        await page?.screenshot({ path: file }).catch(() => undefined);
        console.error(`screenshot of the failure: ${file}`);
        throw error;
      }
    });

  before(async () => {
    requireRuntime();
    assert.ok(existsSync(VSIX), `${VSIX} exists (run \`npm run package\` first)`);
    pruneRuns();
    // No list pops up by itself while the test types: on a loaded CI machine one took keystrokes
    // meant for the editor and a key became `schedulerName: : true`. The steps ask for completion
    // with Ctrl+Space; trigger characters stay on.
    const off = { other: 'off', comments: 'off', strings: 'off' };
    run = newRun('ui', { 'editor.quickSuggestions': off, '[yaml]': { 'editor.quickSuggestions': off } });
    shots = process.env.PODSENSE_SCREENSHOTS ? join(ROOT, process.env.PODSENSE_SCREENSHOTS) : join(run.dir, 'screenshots');
    mkdirSync(shots, { recursive: true });
    folder = copyIntoRun(run, join(ROOT, 'examples'), 'examples');
    installVsix(run, VSIX);
    server = await startCodeServer(run, { smokeTestDriver: true });
    browser = await launchChromium(run);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    wb = new WorkbenchPage(page);
    await page.goto(server.url(folder));
    await wb.ready();
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  });

  step('opens a Pod file', async () => {
    await wb.openFile('shared-pid-debug.yaml', 'shareProcessNamespace');
  });

  step('hovers shareProcessNamespace and reads our explanation', async () => {
    const hover = await wb.hover('shareProcessNamespace', /What it does to the Pod/);
    const text = await hover.innerText();
    assert.match(text, /shareProcessNamespace/);
    assert.match(text, /PID namespace/);
    assert.match(text, /Watch out/);
    await screenshot('hover.png');
    await page.keyboard.press('Escape');
  });

  step('shows diagnostics with their rule ids in the Problems panel', async () => {
    await wb.openFile('host-namespaces.yaml', 'hostPID');
    const hostPid = await wb.problem(/host-pid/);
    assert.match(hostPid, /hostPID puts this Pod in the node's PID namespace/);
    assert.match(hostPid, /podsense\s*\(?host-pid/);
    assert.match(hostPid, /Ln 10, Col 3/);
    const shared = await wb.problem(/share-process-namespace/);
    assert.match(shared, /With shareProcessNamespace every container sees and can signal/);
    assert.match(shared, /podsense\s*\(?share-process-namespace/);
    await screenshot('problems.png');
    await wb.closePanel();
  });

  step('types a new key and accepts a completion', async () => {
    // After `shareProcessNamespace: true` (line 9): a new line under spec.
    await wb.openFile('shared-pid-debug.yaml', 'shareProcessNamespace');
    await wb.goToLine(9);
    await page.keyboard.press('Enter');
    await page.keyboard.type('hostAl');
    const rows = await wb.suggest(/hostAliases/);
    assert.ok(rows.some((r) => /hostAliases/.test(r)), `hostAliases offered: ${rows.join(' | ')}`);
    const details = await wb.suggestDetails(/hosts file/);
    assert.match(details, /HostAlias/);
    await screenshot('completion.png');
    await wb.acceptSuggestion();
    await wb.save();
    const text = await savedText(join(folder, 'shared-pid-debug.yaml'), (t) => /^ {2}hostAliases:\n {4}- *$/m.test(t));
    assert.match(text, /^ {2}shareProcessNamespace: true\n {2}hostAliases:\n {4}- *$/m);
  });

  step('inserts a contributed snippet', async () => {
    // The cursor is after the new `- `; the snippet brings its own dash.
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('k8s-host-al');
    const rows = await wb.suggest(/k8s-host-alias/);
    assert.ok(rows.length > 0);
    await wb.acceptSuggestion();
    await page.keyboard.press('Escape');
    await wb.save();
    const text = await savedText(join(folder, 'shared-pid-debug.yaml'), (t) => t.includes('foo.remote'));
    assert.match(text, /^ {2}hostAliases:\n {4}- ip: "10\.1\.2\.3"\n {6}hostnames:\n {8}- "foo\.remote"$/m);
  });

  step('applies a quick fix with Ctrl+.', async () => {
    await wb.openFile('lifecycle-demo.yaml', 'lifecycle');
    const file = join(folder, 'lifecycle-demo.yaml');
    const specLine = readFileSync(file, 'utf8').split('\n').indexOf('spec:') + 1;
    assert.ok(specLine > 0, 'lifecycle-demo.yaml has a spec: line');
    // A misspelt key typed before the first key of spec (its indentation is kept).
    await wb.goToLine(specLine + 1, 'Home');
    await page.keyboard.type('sharedProcessNamespace: true');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.locator(selectors.editorLines, { hasText: 'sharedProcessNamespace: true' }).waitFor({ timeout: WAIT_MS });
    // Back on the misspelt key, the cursor inside it (End, then Home: its first character).
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.locator(selectors.errorSquiggle).first().waitFor({ timeout: WAIT_MS });
    const titles = await wb.quickFix(/shareProcessNamespace/);
    assert.ok(titles.some((t) => /shareProcessNamespace/.test(t)), titles.join(' | '));
    await wb.save();
    const text = await savedText(file, (t) => /^ {2}shareProcessNamespace: true$/m.test(t));
    assert.match(text, /^spec:\n {2}shareProcessNamespace: true$/m);
    assert.doesNotMatch(text, /sharedProcessNamespace/);
    await page.locator(selectors.errorSquiggle).first().waitFor({ state: 'detached', timeout: WAIT_MS });
  });
});
