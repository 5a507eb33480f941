import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { findProjectConfig, ProjectConfig, readProjectConfig } from '../projectConfig';
import { loadSchemaData } from '../schemaFile';
import { getLanguageService, LanguageService } from '../service';
import { mergeRuleLevels, RuleLevels } from '../service/config';
import type { LintArgs } from './args';
import { displayPath, expandInputs, Input } from './files';
import { FileReport, formatJson, formatSarif, formatText, summarise } from './report';
import { lintInWorkers, PARALLEL_FROM, workerCount } from './workers';

export interface Io {
  readonly cwd: string;
  /** Standard error is a terminal: show progress there. */
  readonly isTty?: boolean;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => string;
  readonly version: string;
}

const FAIL_THRESHOLD = { error: 1, warning: 2, info: 3, hint: 4, none: 0 } as const;

/** `podsense lint`: the same language service as the editor, over files. Resolves to the exit code. */
export async function lint(args: LintArgs, io: Io): Promise<number> {
  const ls = getLanguageService(loadSchemaData());
  let ioError = false;
  const { inputs, errors } = expandInputs(args.paths, io.cwd);
  for (const e of errors) {
    io.stderr(`podsense: ${e}\n`);
    ioError = true;
  }

  let explicit: ProjectConfig | undefined;
  if (args.config) {
    explicit = readProjectConfig(args.config);
    if (explicit.problems.length > 0) {
      io.stderr(`podsense: ${args.config}: ${explicit.problems.join('; ')}\n`);
      return 2;
    }
  }
  const cache = new Map<string, ProjectConfig | null>();
  const warned = new Set<string>();
  const configFor = (dir: string): ProjectConfig | undefined => {
    const found = explicit ?? findProjectConfig(dir, cache);
    if (found && found.problems.length > 0 && !warned.has(found.file)) {
      warned.add(found.file);
      io.stderr(`podsense: ${found.file}: ${found.problems.join('; ')}\n`);
    }
    return found;
  };

  const reports: FileReport[] = [];
  let skipped = 0;
  const lintOne = (input: Input): Outcome => {
    const read = readInput(input, io);
    if (typeof read !== 'string') return { kind: 'error', message: read.error };
    const project = configFor(input.kind === 'stdin' ? io.cwd : dirname(input.path));
    return lintText(ls, read, input, io.cwd, args, mergeRuleLevels(project?.rules, args.rules));
  };
  const files = inputs.filter((i): i is Extract<Input, { kind: 'file' }> => i.kind === 'file').map((i) => i.path);
  const progress = progressReporter(io, inputs.length);
  const parallel = files.length >= PARALLEL_FROM && workerCount(args.jobs) > 1 ? await lintInWorkers(files, args, io, progress) : undefined;
  let done = 0;
  for (const input of inputs) {
    const outcome = input.kind === 'file' && parallel ? parallel.get(input.path)! : lintOne(input);
    if (!parallel) progress(++done);
    if (outcome.kind === 'error') {
      io.stderr(`podsense: ${outcome.message}\n`);
      ioError = true;
    } else if (outcome.kind === 'skipped') {
      skipped++;
    } else {
      reports.push(outcome.report);
    }
  }

  const summary = summarise(reports, skipped);
  const text =
    args.format === 'json' ? formatJson(reports, summary, io.version) : args.format === 'sarif' ? formatSarif(reports, io.version) : formatText(reports, summary, args.locale);
  if (args.output) {
    try {
      writeFileSync(args.output, text);
    } catch (err) {
      io.stderr(`podsense: cannot write ${args.output}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
  } else {
    io.stdout(text);
  }
  if (ioError) return 2;
  const threshold = FAIL_THRESHOLD[args.failOn];
  const failing = reports.some((r) => r.diagnostics.some((d) => (d.severity ?? 1) <= threshold));
  return failing ? 1 : 0;
}

export type Outcome = { kind: 'report'; report: FileReport } | { kind: 'skipped' } | { kind: 'error'; message: string };

/** Lints one file's text: a report, or skipped when it is not Kubernetes and has nothing to say. */
export function lintText(ls: LanguageService, text: string, input: Input, cwd: string, args: LintArgs, rules: RuleLevels): Outcome {
  const path = input.kind === 'stdin' ? '<stdin>' : displayPath(input.path, cwd);
  const uri = input.kind === 'stdin' ? 'stdin' : pathToFileURL(input.path).href;
  const doc = TextDocument.create(uri, 'yaml', 1, text);
  const file = ls.parse(text);
  let diagnostics: Diagnostic[];
  try {
    diagnostics = ls.doValidation(file, doc, { locale: args.locale, rules });
  } catch (err) {
    return { kind: 'error', message: `internal error on ${path}: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (args.quiet) diagnostics = diagnostics.filter((d) => d.severity === 1);
  if (diagnostics.length === 0 && !ls.isKubernetes(file)) return { kind: 'skipped' };
  return { kind: 'report', report: { path, uri: input.kind === 'stdin' ? 'stdin' : path.split('\\').join('/'), diagnostics } };
}

/** `linted 1234/10000 files` on a terminal, updated at most ten times a second; nothing otherwise. */
export function progressReporter(io: Io, total: number): (done: number) => void {
  if (!io.isTty || total < 50) return () => undefined;
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done >= total) io.stderr(`\r\x1b[K`);
    else if (now - last > 100) {
      last = now;
      io.stderr(`\rpodsense: linted ${done}/${total} files`);
    }
  };
}

function readInput(input: Input, io: Io): string | { error: string } {
  try {
    const text = input.kind === 'stdin' ? io.readStdin() : readFileSync(input.path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what = input.kind === 'stdin' ? 'standard input' : input.path;
    return { error: `cannot read ${what}${code ? ` (${code})` : ''}` };
  }
}
