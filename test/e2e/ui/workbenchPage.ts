/**
 * Every selector and keystroke the person's-eye test uses, in one place
 * (checked against code-server 4.139.1 / VS Code 1.139.1: these are workbench
 * internals and may move in another version). Each helper waits on a
 * condition with a timeout; none sleeps.
 */
import type { Locator, Page } from 'playwright-core';

export const WAIT_MS = 20_000;

export const selectors = {
  workbench: '.monaco-workbench',
  quickOpenInput: '.quick-input-widget input',
  quickOpenFocusedRow: '.quick-input-widget .monaco-list-row.focused',
  editor: '.editor-instance .monaco-editor',
  editorLines: '.editor-instance .monaco-editor .view-lines',
  editorTab: '.tabs-container .tab',
  hover: '.monaco-hover:visible',
  problemsPanel: '.markers-panel',
  problemsRow: '.markers-panel .monaco-list-row',
  suggestRow: '.suggest-widget.visible .monaco-list-row',
  suggestFocusedRow: '.suggest-widget.visible .monaco-list-row.focused',
  suggestDetails: '.suggest-details-container .suggest-details:visible',
  errorSquiggle: '.editor-instance .monaco-editor .squiggly-error',
  codeActionRow: '.action-widget .monaco-list-row.action',
  codeActionFocusedRow: '.action-widget .monaco-list-row.action.focused',
  lightBulb: '.lightBulbWidget',
} as const;

export class WorkbenchPage {
  constructor(readonly page: Page) {}

  /** Waits for the workbench, then for the smoke-test driver's restored signal. */
  async ready(): Promise<void> {
    await this.page.locator(selectors.workbench).waitFor({ timeout: 60_000 });
    // Browser-side code is passed as text: this project compiles without the DOM lib.
    await this.page.waitForFunction('window.driver !== undefined', undefined, { timeout: WAIT_MS });
    await this.page.evaluate('window.driver.whenWorkbenchRestored()');
  }

  /** Ctrl+P, the file name, Enter; resolves when its tab is active and its text shows. */
  async openFile(name: string, expectText: string): Promise<void> {
    // Focus the editor first (Ctrl+1): from a focused panel, Ctrl+P can be taken by its list.
    await this.page.keyboard.press('Control+1');
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator(selectors.quickOpenInput);
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(name);
    // The list filters as it is typed into: wait until the focused row is the file.
    await this.page.locator(selectors.quickOpenFocusedRow, { hasText: name }).first().waitFor({ timeout: WAIT_MS });
    await this.page.keyboard.press('Enter');
    await this.page.locator(`${selectors.editorTab}.active`, { hasText: name }).waitFor({ timeout: WAIT_MS });
    await this.page.locator(selectors.editorLines, { hasText: expectText }).waitFor({ timeout: WAIT_MS });
  }

  /** The rendered token with exactly this text in the visible editor. */
  token(text: string): Locator {
    return this.page.locator(`${selectors.editorLines} span span`, { hasText: new RegExp(`^${text}$`) }).first();
  }

  /**
   * Two mouse moves over the word (the first only enters the editor), then
   * the visible hover with the expected text. A hover that opened before the
   * language server was ready shows something else: move away and back.
   */
  async hover(text: string, expect: RegExp): Promise<Locator> {
    const deadline = Date.now() + WAIT_MS;
    const hover = this.page.locator(selectors.hover, { hasText: expect }).first();
    for (;;) {
      const box = await this.token(text).boundingBox();
      if (!box) throw new Error(`"${text}" is not visible in the editor`);
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.move(box.x + box.width / 2 + 2, box.y + box.height / 2);
      try {
        await hover.waitFor({ timeout: Math.min(5_000, Math.max(1, deadline - Date.now())) });
        return hover;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        await this.page.mouse.move(0, 0);
        await this.page.locator(selectors.hover).first().waitFor({ state: 'hidden', timeout: WAIT_MS });
      }
    }
  }

  /**
   * Ctrl+Shift+M, then the first row of the Problems panel whose text (the
   * message, `source(rule-id)` and the position) or aria-label matches.
   */
  async problem(expect: RegExp): Promise<string> {
    // Ctrl+Shift+M toggles: press it only while the panel is hidden.
    if (!(await this.page.locator(selectors.problemsPanel).isVisible())) await this.page.keyboard.press('Control+Shift+M');
    const row = this.page.locator(selectors.problemsRow, { hasText: expect }).first();
    await row.waitFor({ timeout: WAIT_MS });
    return `${await row.innerText()}\n${(await row.getAttribute('aria-label')) ?? ''}`;
  }

  /** Ctrl+J hides the panel (Problems) again. */
  async closePanel(): Promise<void> {
    await this.page.keyboard.press('Control+J');
    await this.page.locator(selectors.problemsPanel).waitFor({ state: 'hidden', timeout: WAIT_MS });
  }

  /** Puts the cursor on a line (Ctrl+G) at its end, or at its first non-blank with `home`. */
  async goToLine(line: number, where: 'End' | 'Home' = 'End'): Promise<void> {
    await this.page.locator(selectors.editor).first().click({ position: { x: 400, y: 5 } });
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator(selectors.quickOpenInput);
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: WAIT_MS });
    await this.page.keyboard.press(where);
  }

  /**
   * Ctrl+Space, then waits until the focused completion row matches; returns
   * all visible row labels. A list asked for while the typed text is still on
   * its way to the server can show without the item: Escape and ask again, as
   * a user would.
   */
  async suggest(focused: RegExp): Promise<string[]> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      await this.page.keyboard.press('Control+Space');
      try {
        await this.page.waitForFunction(
          `${focused}.test(document.querySelector(${JSON.stringify(selectors.suggestFocusedRow)})?.getAttribute('aria-label') ?? '')`,
          undefined,
          { timeout: Math.min(5_000, Math.max(1, deadline - Date.now())) },
        );
        break;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        await this.page.keyboard.press('Escape');
        await this.page.locator('.suggest-widget.visible').waitFor({ state: 'hidden', timeout: WAIT_MS });
      }
    }
    return this.page.locator(selectors.suggestRow).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  }

  /** Ctrl+Space again with the list open: the focused item's documentation beside it. */
  async suggestDetails(expect: RegExp): Promise<string> {
    const details = this.page.locator(selectors.suggestDetails, { hasText: expect }).first();
    if (!(await details.isVisible())) await this.page.keyboard.press('Control+Space');
    await details.waitFor({ timeout: WAIT_MS });
    return details.innerText();
  }

  /** Accepts the focused completion and waits for the widget to close. */
  async acceptSuggestion(): Promise<void> {
    await this.page.keyboard.press('Enter');
    await this.page.locator('.suggest-widget.visible').waitFor({ state: 'hidden', timeout: WAIT_MS });
  }

  /**
   * Ctrl+. on the cursor, then the code action whose label matches: Enter if
   * it is the focused (first) one, as a user would, else a click on it.
   * Returns the labels of all actions shown.
   */
  async quickFix(title: RegExp): Promise<string[]> {
    const rows = this.page.locator(selectors.codeActionRow);
    const deadline = Date.now() + WAIT_MS;
    // Pressed while the fixes for a fresh diagnostic are still being computed,
    // Ctrl+. shows "No code actions available": press it again, as a user would.
    for (;;) {
      await this.page.keyboard.press('Control+.');
      try {
        await rows.first().waitFor({ timeout: Math.min(4_000, Math.max(1, deadline - Date.now())) });
        break;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
    const titles = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const index = titles.findIndex((t) => title.test(t));
    if (index < 0) throw new Error(`no code action matching ${title}: ${titles.join(' | ')}`);
    const focused = (await this.page.locator(selectors.codeActionFocusedRow).getAttribute('aria-label')) ?? '';
    if (title.test(focused)) await this.page.keyboard.press('Enter');
    else await rows.nth(index).click();
    await rows.first().waitFor({ state: 'hidden', timeout: WAIT_MS });
    return titles;
  }

  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.locator(`${selectors.editorTab}.active.dirty`).waitFor({ state: 'detached', timeout: WAIT_MS });
  }
}
