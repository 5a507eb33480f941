import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { CLI, runCli } from './cliRunner';

const skip = existsSync(CLI) ? false : 'dist/cli.js missing: run npm run build';

describe('podsense lint', { skip }, () => {
  it('lints a folder recursively, skips non-Kubernetes YAML and prints file:line:col severity rule message', () => {
    const r = runCli(['lint', 'project']);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.includes(`project/pods/typo.yml:12:7  error    unknown-field  Unknown field "sharedProcessNamespace" in PodSpec: the API server rejects it (or drops it with a warning). Did you mean "shareProcessNamespace"?`), r.stdout);
    assert.ok(lines.some((l) => l.startsWith('project/pods/web.yaml:6:3  warning  host-pid  ')));
    assert.ok(!r.stdout.includes('workflow.yaml'));
    assert.match(lines[lines.length - 1], /^\d+ problems \(2 errors, 1 warning, \d+ info, 0 hints\) in 2 Kubernetes files; 1 non-Kubernetes file skipped$/);
  });
  it('reads the nearest .podsense.yaml: rules turned off or raised', () => {
    const r = runCli(['lint', 'project', '--format', 'json']);
    const report = JSON.parse(r.stdout);
    const all = report.files.flatMap((f: { diagnostics: { rule: string; severity: string }[] }) => f.diagnostics);
    assert.ok(!all.some((d: { rule: string }) => d.rule === 'no-liveness-probe'));
    assert.equal(all.find((d: { rule: string }) => d.rule === 'latest-tag').severity, 'error');
  });
  it('lets --rule override the project file, and --config name another file', () => {
    const r = runCli(['lint', 'project', '-f', 'json', '--rule', 'latest-tag=off', '--rule', 'unknown-field=warning']);
    const all = JSON.parse(r.stdout).files.flatMap((f: { diagnostics: { rule: string; severity: string }[] }) => f.diagnostics);
    assert.ok(!all.some((d: { rule: string }) => d.rule === 'latest-tag'));
    assert.equal(all.find((d: { rule: string }) => d.rule === 'unknown-field').severity, 'warning');
    assert.equal(r.code, 0, 'nothing reaches error any more');
  });
  it('exits by --fail-on and filters with --quiet', () => {
    assert.equal(runCli(['lint', 'project/pods/web.yaml', '--rule', 'latest-tag=warning']).code, 0);
    assert.equal(runCli(['lint', 'project/pods/web.yaml', '--rule', 'latest-tag=warning', '--fail-on', 'warning']).code, 1);
    assert.equal(runCli(['lint', 'project', '--fail-on', 'none']).code, 0);
    const quiet = runCli(['lint', 'project', '--quiet']);
    assert.doesNotMatch(quiet.stdout, /  (warning|info|hint)  /);
    assert.match(quiet.stdout, /  error    unknown-field  /);
  });
  it('reads standard input with -', () => {
    const r = runCli(['lint', '-', '-f', 'json'], { input: 'apiVersion: v1\nkind: Pod\nspec:\n  hostpid: true\n  containers: []\n' });
    const report = JSON.parse(r.stdout);
    assert.equal(report.files[0].path, '<stdin>');
    assert.equal(report.files[0].diagnostics[0].rule, 'unknown-field');
    assert.equal(report.files[0].diagnostics[0].line, 4);
  });
  it('expands globs itself', () => {
    const r = runCli(['lint', 'project/**/*.yml', '-f', 'json']);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['project/pods/typo.yml']);
  });
  it('reports unreadable paths clearly, goes on with the others, and exits 2', () => {
    const r = runCli(['lint', 'nope.yaml', 'project/pods/web.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /podsense: cannot read nope\.yaml: no such file or folder/);
    assert.match(r.stdout, /web\.yaml:6:3/);
  });
  it('rejects bad usage with exit 2 and the usage text', () => {
    for (const args of [['lint', '--format', 'xml'], ['frobnicate'], ['lint', '--rule', 'x'], ['lint', '--bogus']]) {
      const r = runCli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /Usage: podsense lint/);
    }
    assert.match(runCli(['--help']).stdout, /Exit codes/);
    assert.match(runCli(['--version']).stdout, /^\d+\.\d+\.\d+/);
    // A rule id that does not exist would change nothing: refused, with the closest id.
    const typo = runCli(['lint', '--rule', 'host-pdi=off', 'project']);
    assert.equal(typo.code, 2);
    assert.match(typo.stderr, /no such rule or check \(did you mean host-pid\?\)/);
    // Help where the usage lists it, among lint's options, exits 0.
    for (const args of [['lint', '--help'], ['lint', '-h'], ['lint', 'project', '-h']]) {
      const r = runCli(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /Usage: podsense lint/);
    }
  });
  it('writes only the output file it is told to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'podsense-cli-'));
    try {
      const out = join(dir, 'report.sarif');
      const r = runCli(['lint', 'project', '-f', 'sarif', '-o', out]);
      assert.equal(r.stdout, '');
      assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, '2.1.0');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('speaks Chinese with --locale zh-cn or a Chinese LANG', () => {
    const zh = runCli(['lint', 'project/pods/typo.yml', '--locale', 'zh-cn']).stdout;
    assert.match(zh, /是不是想写/);
    assert.match(zh, /1 个 Kubernetes 文件中有 \d+ 个问题（\d+ 个错误/);
    assert.match(runCli(['lint', 'project/pods/typo.yml'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /是不是想写/);
  });
});

describe('SARIF output', { skip }, () => {
  it('validates against the SARIF 2.1.0 schema, with rule metadata and real regions', () => {
    const r = runCli(['lint', 'project', '-f', 'sarif']);
    const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { region: unknown; artifactLocation: { uri: string } } }[] }[] }[] };
    const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    // The validator does reject a malformed log (a level SARIF does not have).
    const broken = JSON.parse(r.stdout);
    broken.runs[0].results[0].level = 'info';
    assert.equal(validate(broken), false);
    const run = log.runs[0];
    assert.ok(run.tool.driver.rules.some((x) => x.id === 'host-pid' && x.helpUri.endsWith('host-pid.md')));
    const result = run.results.find((x) => x.ruleId === 'unknown-field')!;
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 12, startColumn: 7, endLine: 12, endColumn: 29 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'project/pods/typo.yml');
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'unknown-field');
  });
});
