import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { progressReporter } from '../../server/src/cli/lint';
import { workerCount } from '../../server/src/cli/workers';
import { CLI, runCli } from './cliRunner';

describe('podsense lint in worker threads', { skip: existsSync(CLI) ? false : 'dist/cli.js missing: run npm run build' }, () => {
  it('gives the same report with workers as in one thread, in the same order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podsense-tree-'));
    try {
      const sources = [join(__dirname, '..', 'fixtures', 'rules'), join(__dirname, '..', '..', 'examples')].flatMap((d) =>
        readdirSync(d).filter((f) => f.endsWith('.yaml')).map((f) => join(d, f)),
      );
      for (let i = 0; i < 260; i++) {
        const sub = join(dir, `team-${i % 7}`);
        mkdirSync(sub, { recursive: true });
        copyFileSync(sources[i % sources.length], join(sub, `m-${i}.yaml`));
      }
      const one = runCli(['lint', dir, '-f', 'json', '--fail-on', 'none', '--jobs', '1']);
      const many = runCli(['lint', dir, '-f', 'json', '--fail-on', 'none', '--jobs', '3']);
      assert.equal(one.code, 0, one.stderr);
      assert.equal(many.code, 0, many.stderr);
      assert.equal(JSON.parse(one.stdout).summary.files, 260);
      assert.equal(many.stdout, one.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('uses worker threads by default only from 4 cores on, and always when --jobs asks', () => {
    assert.equal(workerCount(undefined, 2), 1);
    assert.equal(workerCount(undefined, 3), 1);
    assert.equal(workerCount(undefined, 4), 4);
    assert.equal(workerCount(undefined, 32), 8);
    assert.equal(workerCount(3, 2), 3);
  });
  it('rejects a bad --jobs', () => {
    assert.equal(runCli(['lint', '.', '--jobs', '0']).code, 2);
  });
});

describe('progress on a terminal', () => {
  it('counts files on a TTY, clears the line at the end, and says nothing elsewhere', () => {
    const written: string[] = [];
    const io = { cwd: '.', stdout: () => undefined, stderr: (t: string) => written.push(t), readStdin: () => '', version: '0', isTty: true };
    const progress = progressReporter(io, 100);
    progress(1);
    progress(100);
    assert.match(written[0], /^\rpodsense: linted 1\/100 files$/);
    assert.equal(written[written.length - 1], '\r\x1b[K');
    const quiet: string[] = [];
    const notTty = progressReporter({ ...io, isTty: false, stderr: (t: string) => quiet.push(t) }, 100);
    notTty(1);
    notTty(100);
    assert.deepEqual(quiet, []);
  });
});
