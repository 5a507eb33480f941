import type { Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../l10n';
import type { Severity } from '../rules/types';
import { docsHref, SEVERITY } from './diagnosticFields';

export const TOO_MANY_PROBLEMS = 'too-many-problems';

const TEXT = {
  en: (shown: number, total: number) =>
    `This file has ${total.toLocaleString('en')} problems; PodSense shows the ${shown.toLocaleString('en')} most severe (setting podsense.maxNumberOfProblems). \`podsense lint\` lists them all.`,
  'zh-cn': (shown: number, total: number) =>
    `这个文件有 ${total} 个问题，PodSense 只显示其中最严重的 ${shown} 个（设置 podsense.maxNumberOfProblems）。\`podsense lint\` 会列出全部。`,
} as const;

export interface ProblemLimit {
  /** The most diagnostics a report holds; 0: all. */
  readonly max: number;
  readonly locale: Locale;
  /** The level of the note that says how many are not shown (its rule level); `off`: no note. */
  readonly note: Severity | 'off';
}

/**
 * At most `max` of a file's diagnostics (0: all of them). Over the limit, the
 * most severe are kept (errors, then warnings, information, hints; within a
 * severity, the first in the file), in their order in the file, and one place
 * goes to a note at the top of the file saying how many are not shown: `max`
 * in all, so that VS Code's own limit never cuts the note.
 */
export function limitProblems(items: Diagnostic[], { max, locale, note }: ProblemLimit): Diagnostic[] {
  if (max <= 0 || items.length <= max) return items;
  const keep = note === 'off' ? max : max - 1;
  // Severities are 1 (error) to 4 (hint); a diagnostic without one counts as an error, as clients show it.
  const perSeverity = [0, 0, 0, 0, 0];
  for (let i = 0; i < items.length; i++) perSeverity[items[i].severity ?? 1]++;
  // Every diagnostic more severe than `cut` is kept, and the first `quota` of severity `cut`.
  let cut = 1;
  let quota = keep;
  while (cut < 4 && perSeverity[cut] <= quota) quota -= perSeverity[cut++];
  const out: Diagnostic[] = [];
  for (let i = 0; i < items.length && out.length < keep; i++) {
    const severity = items[i].severity ?? 1;
    if (severity < cut) out.push(items[i]);
    else if (severity === cut && quota > 0) {
      out.push(items[i]);
      quota--;
    }
  }
  if (note === 'off') return out;
  out.unshift({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: SEVERITY[note],
    code: TOO_MANY_PROBLEMS,
    codeDescription: { href: docsHref(TOO_MANY_PROBLEMS) },
    source: 'podsense',
    message: TEXT[locale](keep, items.length),
  });
  return out;
}

/** Whether two reports are cut the same way. */
export function sameLimit(a: ProblemLimit, b: ProblemLimit): boolean {
  return a.max === b.max && a.locale === b.locale && a.note === b.note;
}
