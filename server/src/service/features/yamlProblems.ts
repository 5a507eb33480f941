import type { Locale } from '../l10n';
import { MAX_ALIASES, YamlDocument } from '../parse/documents';
import type { Finding } from './findings';

const LOOKS_KUBERNETES = /^apiVersion:\s*\S/m;
const KIND_LINE = /^kind:\s*\S/m;
/** Template syntax outside a comment: Helm, Jinja or similar. Values would be placeholders, so nothing is checked. */
const TEMPLATE = /^[^#\n]*(\{\{.*?\}\}|\{\{-|-\}\}|\{%.*?%\})/m;

const TEXT = {
  en: {
    templated: 'Templated file (Helm or similar): PodSense does not check it. Render it first, e.g. `helm template`, and lint the output.',
    tooLarge: (mb: string) => `This document is ${mb} MB: too large to analyse, so PodSense skips it.`,
    tooManyAliases: (n: number) => `This document has over ${n} aliases (\`*name\`): too many to analyse, so PodSense skips it. The Kubernetes API server rejects excessive aliasing too.`,
  },
  'zh-cn': {
    templated: '模板文件（Helm 等）：PodSense 不检查它。请先渲染（例如 `helm template`），再检查渲染结果。',
    tooLarge: (mb: string) => `这个文档有 ${mb} MB，太大，PodSense 跳过分析。`,
    tooManyAliases: (n: number) => `这个文档有超过 ${n} 个别名（\`*name\`），太多，PodSense 跳过分析。Kubernetes API server 也会拒绝过多的别名。`,
  },
} as const;

/**
 * The templated-document note for a document whose text alone shows it is a
 * templated Kubernetes object, or undefined: what yamlProblems says of it,
 * found without parsing (a template is not YAML; its parse would only yield
 * errors the note replaces).
 */
export function templatedByText(doc: YamlDocument, locale: Locale): Finding | undefined {
  const chunk = doc.chunk;
  if (chunk.tooLarge || chunk.tooManyAliases) return undefined;
  const text = chunk.text;
  if (!LOOKS_KUBERNETES.test(text) || !KIND_LINE.test(text)) return undefined;
  return templateNote(text, locale);
}

function templateNote(text: string, locale: Locale): Finding | undefined {
  // Each of TEMPLATE's alternatives holds `{{`, `}}` or `{%`. Without them, which is nearly always, the
  // regex would still try every line start and backtrack through the line: 5 ms of each validation of
  // big-multidoc, against well under 1 ms for three searches.
  if (!text.includes('{{') && !text.includes('}}') && !text.includes('{%')) return undefined;
  const template = TEMPLATE.exec(text);
  if (!template) return undefined;
  const at = template.index + template[0].length - template[1].length;
  return { start: at, end: at + 2, code: 'templated-file', severity: 'info', message: TEXT[locale].templated };
}

/**
 * The YAML parser's own errors and warnings, with its exact ranges, for
 * documents that are (or look like) Kubernetes objects. YAML that is not
 * Kubernetes gets nothing from us; a templated document gets one note instead
 * of a cascade of parse errors.
 */
export function yamlProblems(doc: YamlDocument, isKubernetes: boolean, locale: Locale): Finding[] {
  const chunk = doc.chunk;
  const text = chunk.text;
  const looksKubernetes = isKubernetes || (LOOKS_KUBERNETES.test(text) && KIND_LINE.test(text));
  if (!looksKubernetes) return [];
  const firstLineEnd = Math.max(0, text.search(/\S/));
  if (chunk.tooLarge) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    return [{ start: firstLineEnd, end: firstLineEnd, code: 'document-too-large', severity: 'info', message: TEXT[locale].tooLarge(mb) }];
  }
  if (chunk.tooManyAliases) {
    return [{ start: firstLineEnd, end: firstLineEnd, code: 'document-too-large', severity: 'info', message: TEXT[locale].tooManyAliases(MAX_ALIASES) }];
  }
  const note = templateNote(text, locale);
  if (note) return [note];
  const out: Finding[] = [];
  for (const [list, severity] of [[chunk.yaml.errors, 'error'], [chunk.yaml.warnings, 'warning']] as const) {
    for (const e of list) {
      const [start, reportedEnd] = e.pos;
      const duplicate = e.code === 'DUPLICATE_KEY';
      const end = duplicate ? keyEnd(text, start) : reportedEnd;
      out.push({
        start,
        end: Math.max(end, start + 1),
        code: duplicate ? 'duplicate-key' : 'yaml-syntax',
        severity: duplicate ? 'error' : severity,
        message: duplicate ? duplicateMessage(text.slice(start, end), locale) : firstLine(e.message),
      });
    }
  }
  return out;
}

function duplicateMessage(key: string, locale: Locale): string {
  return locale === 'zh-cn'
    ? `重复的键 \`${key}\`：Kubernetes 只保留最后一个值，前面的会被悄悄丢弃。`
    : `Duplicate key \`${key}\`: Kubernetes keeps only the last value and silently drops the earlier one.`;
}

/** The end of a block key starting at `start`: its colon, or the end of the line. */
function keyEnd(text: string, start: number): number {
  const line = text.indexOf('\n', start);
  const stop = line < 0 ? text.length : line;
  const colon = text.indexOf(':', start);
  return colon >= 0 && colon < stop ? colon : stop;
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl < 0 ? message : message.slice(0, nl);
}
