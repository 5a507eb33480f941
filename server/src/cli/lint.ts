import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { findProjectConfig, ProjectConfig, readProjectConfig } from '../projectConfig';
import { loadSchemaData } from '../schemaFile';
import { getLanguageService } from '../service';
import { mergeRuleLevels } from '../service/config';
import type { LintArgs } from './args';
import { displayPath, expandInputs, Input } from './files';
import { FileReport, formatJson, formatSarif, formatText, summarise } from './report';

export interface Io {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => string;
  readonly version: string;
}

const FAIL_THRESHOLD = { error: 1, warning: 2, info: 3, hint: 4, none: 0 } as const;

/** `podsense lint`: the same language service as the editor, over files. Returns the exit code. */
export function lint(args: LintArgs, io: Io): number {
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
  for (const input of inputs) {
    const read = readInput(input, io);
    if (typeof read !== 'string') {
      io.stderr(`podsense: ${read.error}\n`);
      ioError = true;
      continue;
    }
    const path = input.kind === 'stdin' ? '<stdin>' : displayPath(input.path, io.cwd);
    const uri = input.kind === 'stdin' ? 'stdin' : pathToFileURL(input.path).href;
    const project = configFor(input.kind === 'stdin' ? io.cwd : dirname(input.path));
    const rules = mergeRuleLevels(project?.rules, args.rules);
    const doc = TextDocument.create(uri, 'yaml', 1, read);
    const file = ls.parse(read);
    let diagnostics: Diagnostic[];
    try {
      diagnostics = ls.doValidation(file, doc, { locale: args.locale, rules });
    } catch (err) {
      io.stderr(`podsense: internal error on ${path}: ${err instanceof Error ? err.message : String(err)}\n`);
      ioError = true;
      continue;
    }
    if (args.quiet) diagnostics = diagnostics.filter((d) => d.severity === 1);
    if (diagnostics.length === 0 && !ls.isKubernetes(file)) {
      skipped++;
      continue;
    }
    reports.push({ path, uri: input.kind === 'stdin' ? 'stdin' : displayPath(input.path, io.cwd).split('\\').join('/'), diagnostics });
  }

  const summary = summarise(reports, skipped);
  const text =
    args.format === 'json' ? formatJson(reports, summary, io.version) : args.format === 'sarif' ? formatSarif(reports, io.version) : formatText(reports, summary);
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
