import type { Diagnostic } from 'vscode-languageserver-types';
import type { Locale } from '../service/l10n';
import { BUILT_IN_CHECKS } from '../service/checks';
import { RULES } from '../service/rules';
import { RULE_DOCS_BASE } from '../service/features/diagnosticFields';

export interface FileReport {
  /** As shown to the user (relative to the working folder), or `<stdin>`. */
  readonly path: string;
  readonly uri: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface Summary {
  readonly files: number;
  readonly skipped: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
}

const SEVERITY_NAME = ['', 'error', 'warning', 'info', 'hint'] as const;

function severityName(d: Diagnostic): string {
  return SEVERITY_NAME[d.severity ?? 1];
}

function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function summarise(reports: readonly FileReport[], skipped: number): Summary {
  const count = (s: number) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => (d.severity ?? 1) === s).length, 0);
  return { files: reports.length, skipped, errors: count(1), warnings: count(2), infos: count(3), hints: count(4) };
}

/** `file:line:col  severity  rule-id  message`, grouped per file, then a summary line. */
export function formatText(reports: readonly FileReport[], summary: Summary, locale: Locale = 'en'): string {
  const blocks: string[] = [];
  for (const r of reports) {
    if (r.diagnostics.length === 0) continue;
    const lines = r.diagnostics.map((d) => {
      const where = `${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      return `${where}  ${severityName(d).padEnd(7)}  ${String(d.code)}  ${messageText(d)}`;
    });
    blocks.push(lines.join('\n'));
  }
  return [...blocks, summaryLine(summary, locale)].join('\n\n') + '\n';
}

/** The text format's last line, in the messages' language. */
function summaryLine(summary: Summary, locale: Locale): string {
  const problems = summary.errors + summary.warnings + summary.infos + summary.hints;
  if (locale === 'zh-cn') {
    return (
      `${summary.files} 个 Kubernetes 文件中有 ${problems} 个问题（${summary.errors} 个错误，${summary.warnings} 个警告，${summary.infos} 个信息，${summary.hints} 个提示）` +
      (summary.skipped > 0 ? `；跳过了 ${summary.skipped} 个非 Kubernetes 文件` : '')
    );
  }
  return (
    `${problems} problem${problems === 1 ? '' : 's'} (${summary.errors} error${summary.errors === 1 ? '' : 's'}, ` +
    `${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info, ${summary.hints} hint${summary.hints === 1 ? '' : 's'}) ` +
    `in ${summary.files} Kubernetes file${summary.files === 1 ? '' : 's'}` +
    (summary.skipped > 0 ? `; ${summary.skipped} non-Kubernetes file${summary.skipped === 1 ? '' : 's'} skipped` : '')
  );
}

export function formatJson(reports: readonly FileReport[], summary: Summary, version: string): string {
  return (
    JSON.stringify(
      {
        tool: { name: 'podsense', version },
        files: reports.map((r) => ({
          path: r.path,
          diagnostics: r.diagnostics.map((d) => ({
            rule: d.code,
            severity: severityName(d),
            message: messageText(d),
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
            docs: d.codeDescription?.href,
          })),
        })),
        summary,
      },
      null,
      2,
    ) + '\n'
  );
}

const SARIF_LEVEL: Record<string, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0: one run, the rule metadata of every rule and check, results with real regions. */
export function formatSarif(reports: readonly FileReport[], version: string): string {
  const rules = [
    ...RULES.map((r) => ({
      id: r.id,
      name: r.id,
      shortDescription: { text: r.docs.en.what },
      fullDescription: { text: r.docs.en.why },
      helpUri: `${RULE_DOCS_BASE}${r.id}.md`,
      help: { text: r.docs.en.instead, markdown: r.docs.en.instead },
      defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
      properties: { category: r.category, tags: [r.category] },
    })),
    ...BUILT_IN_CHECKS.map((c) => ({
      id: c.id,
      name: c.id,
      shortDescription: { text: c.what.en },
      helpUri: `${RULE_DOCS_BASE}README.md#${c.id}`,
      defaultConfiguration: { level: SARIF_LEVEL[c.severity] },
      properties: { category: 'schema', tags: ['schema'] },
    })),
  ];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: String(d.code),
      ...(index.has(String(d.code)) ? { ruleIndex: index.get(String(d.code)) } : {}),
      level: SARIF_LEVEL[severityName(d)],
      message: { text: messageText(d) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: r.uri },
            region: {
              startLine: d.range.start.line + 1,
              startColumn: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'PodSense', version, semanticVersion: version, informationUri: 'https://github.com/podsense/podsense', rules } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
