import { type RuleLevel, unknownIdProblem } from '../service/config';
import type { Locale } from '../service';
import type { Severity } from '../service/rules/types';

export type Format = 'text' | 'json' | 'sarif';

export interface LintArgs {
  readonly paths: readonly string[];
  readonly format: Format;
  readonly output?: string;
  readonly failOn: Severity | 'none';
  readonly config?: string;
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly quiet: boolean;
  readonly locale: Locale;
  /** Worker threads for large runs; 1 lints in this thread only. Default: one per core. */
  readonly jobs?: number;
}

export type Parsed = { command: 'lint'; args: LintArgs } | { command: 'help' } | { command: 'version' } | { command: 'error'; message: string };

export const USAGE = `Usage: podsense lint [options] [paths...]

Lints Kubernetes Pod YAML: files, folders (recursively, .yaml/.yml), globs, or - for stdin.
YAML that is not Kubernetes is skipped silently.

Options:
  -f, --format <text|json|sarif>   output format (default: text)
  -o, --output <file>              write the report to a file instead of stdout
      --fail-on <level>            exit 1 when a finding reaches: error (default), warning, info, hint, none
  -c, --config <file>              project settings file (default: the nearest .podsense.yaml)
      --rule <id>=<level>          set a rule's level: off, hint, info, warning, error (repeatable)
  -q, --quiet                      report errors only
      --locale <en|zh-cn>          language of messages (default: from LANG)
  -j, --jobs <n>                   worker threads for 200 files or more (default: one per core from 4 cores; 1: none)
  -h, --help                       show this help
  -v, --version                    show the version

Exit codes: 0 nothing reached --fail-on, 1 something did, 2 usage or I/O error.`;

const LEVELS = ['off', 'hint', 'info', 'warning', 'error'];

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Parsed {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '-v' || argv[0] === '--version') return { command: 'version' };
  if (argv[0] !== 'lint') return { command: 'error', message: `unknown command "${argv[0]}"` };
  const paths: string[] = [];
  const rules: Record<string, RuleLevel> = {};
  let format: Format = 'text';
  let output: string | undefined;
  let failOn: LintArgs['failOn'] = 'error';
  let config: string | undefined;
  let quiet = false;
  let jobs: number | undefined;
  const lang = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  let locale: Locale = lang.startsWith('zh_cn') || lang.startsWith('zh-cn') || lang.startsWith('zh_sg') || lang.startsWith('zh_hans') ? 'zh-cn' : 'en';
  for (let i = 1; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = (): string | undefined => inline ?? argv[++i];
    switch (a) {
      case '-h':
      case '--help':
        return { command: 'help' };
      case '-v':
      case '--version':
        return { command: 'version' };
      case '-f':
      case '--format': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return { command: 'error', message: `--format must be text, json or sarif (got "${v ?? ''}")` };
        format = v;
        break;
      }
      case '-o':
      case '--output':
        output = value();
        if (!output) return { command: 'error', message: '--output needs a file name' };
        break;
      case '--fail-on': {
        const v = value();
        if (v !== 'error' && v !== 'warning' && v !== 'info' && v !== 'hint' && v !== 'none') {
          return { command: 'error', message: `--fail-on must be error, warning, info, hint or none (got "${v ?? ''}")` };
        }
        failOn = v;
        break;
      }
      case '-c':
      case '--config':
        config = value();
        if (!config) return { command: 'error', message: '--config needs a file name' };
        break;
      case '--rule': {
        const v = value() ?? '';
        const m = /^([a-z0-9-]+)=([a-z]+)$/i.exec(v);
        if (!m || !LEVELS.includes(m[2].toLowerCase())) return { command: 'error', message: `--rule takes <id>=<off|hint|info|warning|error> (got "${v}")` };
        const unknown = unknownIdProblem(m[1]);
        if (unknown) return { command: 'error', message: `--${unknown}` };
        rules[m[1]] = m[2].toLowerCase() as RuleLevel;
        break;
      }
      case '-q':
      case '--quiet':
        quiet = true;
        break;
      case '-j':
      case '--jobs': {
        const v = Number(value());
        if (!Number.isInteger(v) || v < 1 || v > 64) return { command: 'error', message: '--jobs takes a whole number from 1 to 64' };
        jobs = v;
        break;
      }
      case '--locale': {
        const v = value();
        if (v !== 'en' && v !== 'zh-cn') return { command: 'error', message: `--locale must be en or zh-cn (got "${v ?? ''}")` };
        locale = v;
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') return { command: 'error', message: `unknown option "${a}"` };
        paths.push(a);
    }
  }
  if (paths.length === 0) paths.push('.');
  return { command: 'lint', args: { paths, format, output, failOn, config, rules, quiet, locale, jobs } };
}
