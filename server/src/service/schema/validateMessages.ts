import type { Locale } from '../l10n';

/** Schema diagnostic messages: what happens, and what to do. */
export function schemaMessages(locale: Locale) {
  return locale === 'zh-cn' ? zhCn : en;
}

const en = {
  unknownField: (key: string, type: string, suggestion?: string) =>
    `Unknown field "${key}" in ${type}: the API server rejects it (or drops it with a warning).${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
  missingRequired: (name: string, type: string) => `Missing required field "${name}" in ${type}: the API server rejects the object.`,
  expected: (label: string, got: string) => `Expected ${label}, got ${got}.`,
  stringExpected: (v: string) => `Expected a string, got ${v}: quote it ("${v}"), or the API server rejects the object.`,
  numberAsString: (v: string) => `Expected a number, got the string "${v}": remove the quotes.`,
  booleanAsString: (v: string) => `Expected a boolean, got the string "${v}": write true or false without quotes.`,
  yaml11InString: (v: string) =>
    `kubectl and Helm read the unquoted ${v} as a boolean (YAML 1.1), and this field takes a string: the API server rejects the object. Quote it: "${v}".`,
  yaml11InBoolean: (v: string, truth: boolean) =>
    `kubectl reads ${v} as ${truth} (YAML 1.1), but kustomize, yq and other YAML 1.2 tools read the string "${v}", which the API server rejects for a boolean. Write ${truth}.`,
  numberInIntOrString: (v: string) =>
    `"${v}" is a string here, and a string must be a port name (with a letter) or a percentage ("25%"): the API server rejects the object. Write ${v} without quotes.`,
  notPercent: (v: string) => `"${v}" is neither a number nor a percentage such as "25%": the API server rejects the object.`,
  badQuantity: (v: string) => `"${v}" is not a Kubernetes quantity: use a number with a suffix such as 500m, 128Mi, 1Gi or 2 (suffixes are case-sensitive; "mb" is not one).`,
  notInEnum: (v: string, allowed: readonly string[]) => `"${v}" is not an allowed value; use one of: ${allowed.join(', ')}.`,
};

const zhCn: typeof en = {
  unknownField: (key, type, suggestion) =>
    `${type} 中没有字段 "${key}"：API server 会拒绝它（或带警告地丢弃）。${suggestion ? `是不是想写 "${suggestion}"？` : ''}`,
  missingRequired: (name, type) => `${type} 缺少必填字段 "${name}"：API server 会拒绝这个对象。`,
  expected: (label, got) => `应为 ${label}，实际是 ${got}。`,
  stringExpected: (v) => `应为字符串，实际是 ${v}：请加引号（"${v}"），否则 API server 会拒绝这个对象。`,
  numberAsString: (v) => `应为数字，实际是字符串 "${v}"：去掉引号。`,
  booleanAsString: (v) => `应为布尔值，实际是字符串 "${v}"：写成不带引号的 true 或 false。`,
  yaml11InString: (v) => `kubectl 和 Helm 会把不带引号的 ${v} 读成布尔值（YAML 1.1），而这个字段要的是字符串：API server 会拒绝这个对象。请加引号："${v}"。`,
  yaml11InBoolean: (v, truth) =>
    `kubectl 会把 ${v} 读成 ${truth}（YAML 1.1），但 kustomize、yq 等 YAML 1.2 工具读到的是字符串 "${v}"，API server 会因为布尔字段收到字符串而拒绝。请写成 ${truth}。`,
  numberInIntOrString: (v) => `"${v}" 在这里是字符串，而字符串必须是端口名（含字母）或百分比（"25%"）：API server 会拒绝这个对象。请去掉引号写成 ${v}。`,
  notPercent: (v) => `"${v}" 既不是数字也不是 "25%" 这样的百分比：API server 会拒绝这个对象。`,
  badQuantity: (v) => `"${v}" 不是合法的 Kubernetes 数量：请用数字加后缀，例如 500m、128Mi、1Gi 或 2（后缀区分大小写，"mb" 不是合法后缀）。`,
  notInEnum: (v, allowed) => `"${v}" 不是允许的取值；可选：${allowed.join(', ')}。`,
};
