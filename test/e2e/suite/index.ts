/**
 * The entry VS Code's extension host calls for `extensionTestsPath`, with
 * either launcher (`npm run test:vscode`, `npm run test:e2e`). Runs the mocha
 * suite next to it and ends with one line the launchers parse:
 * `podsense-e2e: N passed, N failed`.
 */
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30_000, slow: 2_000 });
  mocha.addFile(path.join(__dirname, 'podsense.test.js'));
  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    const runner = mocha.run((failures) => {
      console.log(`podsense-e2e: ${passed} passed, ${failed} failed`);
      if (failures > 0) reject(new Error(`${failures} workbench test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
}
