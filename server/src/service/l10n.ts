import type { Locale } from './knowledge/types';

export type { Locale };

/** The user's language: the `podsense.language` setting, else the client's locale (LSP `initialize.locale`). */
export function resolveLocale(setting: string | undefined, clientLocale: string | undefined): Locale {
  const chosen = setting && setting !== 'auto' ? setting : clientLocale;
  const tag = (chosen ?? 'en').toLowerCase();
  return tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag.startsWith('zh-hans') ? 'zh-cn' : 'en';
}

/** The words around our hover text. Upstream descriptions stay in English. */
export interface UiStrings {
  readonly required: string;
  readonly optional: string;
  readonly whatItDoes: string;
  readonly whatItMeans: string;
  readonly trap: string;
  readonly instead: string;
  readonly upstreamDiffers: string;
  readonly upstream: string;
  readonly allowedValues: string;
  readonly current: string;
  readonly defaultIs: string;
  readonly readOnly: string;
  readonly aspect: (topic: string) => string;
  readonly deprecated: string;
  readonly valueOf: (value: string, field: string) => string;
  readonly entryOf: (key: string, field: string) => string;
  readonly olderVersion: (apiVersion: string, kind: string, current: string) => string;
  readonly format: (format: string) => string;
  readonly docs: string;
}

const en: UiStrings = {
  required: 'required',
  optional: 'optional',
  whatItDoes: 'What it does to the Pod:',
  whatItMeans: 'What it means:',
  trap: 'Watch out:',
  instead: 'Instead:',
  upstreamDiffers: 'Upstream says otherwise:',
  upstream: 'Kubernetes API reference',
  allowedValues: 'Allowed values',
  current: 'current',
  defaultIs: 'Default:',
  readOnly: 'Read-only: filled in by the system. Leave it out of manifests you write; it shows up in `kubectl get -o yaml` output.',
  aspect: (topic) => `Part of the Pod as a machine: ${topic}`,
  deprecated: 'Deprecated:',
  valueOf: (value, field) => `Value \`${value}\` of \`${field}\``,
  entryOf: (key, field) => `\`${key}\` is an entry of the map \`${field}\``,
  olderVersion: (apiVersion, kind, current) =>
    `\`${apiVersion}\` is an older API version of ${kind}; shown with the \`${current}\` schema.`,
  format: (format) => `Format: ${format}`,
  docs: 'Docs',
};

const zhCn: UiStrings = {
  required: '必填',
  optional: '可选',
  whatItDoes: '对 Pod 的影响：',
  whatItMeans: '含义：',
  trap: '注意：',
  instead: '建议：',
  upstreamDiffers: '与上游说明的差异：',
  upstream: 'Kubernetes API 参考',
  allowedValues: '可选值',
  current: '当前值',
  defaultIs: '默认值：',
  readOnly: '只读：由系统填写。自己编写的清单里不要写它；它出现在 `kubectl get -o yaml` 的输出中。',
  aspect: (topic) => `把 Pod 看作一台机器，这是它的：${topic}`,
  deprecated: '已弃用：',
  valueOf: (value, field) => `\`${field}\` 的取值 \`${value}\``,
  entryOf: (key, field) => `\`${key}\` 是映射 \`${field}\` 中的一项`,
  olderVersion: (apiVersion, kind, current) => `\`${apiVersion}\` 是 ${kind} 的旧 API 版本；这里按 \`${current}\` 的 schema 显示。`,
  format: (format) => `格式：${format}`,
  docs: '文档',
};

export function ui(locale: Locale): UiStrings {
  return locale === 'zh-cn' ? zhCn : en;
}
