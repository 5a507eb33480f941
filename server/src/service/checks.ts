import type { Locale } from './l10n';
import type { Severity } from './rules/types';

/** The YAML and schema checks that are not lint rules, with their stable codes. */
export interface BuiltInCheck {
  readonly id: string;
  readonly severity: Severity;
  readonly what: Readonly<Record<Locale, string>>;
}

export const BUILT_IN_CHECKS: readonly BuiltInCheck[] = [
  { id: 'yaml-syntax', severity: 'error', what: { en: 'The YAML parser could not read the document (exact range from the parser).', 'zh-cn': 'YAML 解析器读不懂这个文档（范围来自解析器）。' } },
  { id: 'duplicate-key', severity: 'error', what: { en: 'A key appears twice in one map: Kubernetes keeps the last value and silently drops the first.', 'zh-cn': '同一个映射里出现两次相同的键：Kubernetes 只保留最后一个值，前面的被悄悄丢弃。' } },
  { id: 'templated-file', severity: 'info', what: { en: 'The document contains template syntax (`{{ }}`): it is not checked; lint the rendered output.', 'zh-cn': '文档含有模板语法（`{{ }}`）：不做检查；请检查渲染后的结果。' } },
  { id: 'document-too-large', severity: 'info', what: { en: 'A single `---` document over 2 MB, or with over 1,000 aliases (the YAML parser resolves aliases in quadratic time), is not analysed.', 'zh-cn': '单个 `---` 文档超过 2 MB，或含有超过 1,000 个别名（YAML 解析器解析别名的耗时是平方级的）时，不做分析。' } },
  { id: 'unknown-field', severity: 'error', what: { en: 'A field the schema does not know, with "did you mean" for near misses and case slips.', 'zh-cn': 'schema 中不存在的字段；拼写接近或大小写写错时给出“是不是想写”。' } },
  { id: 'invalid-type', severity: 'error', what: { en: 'A value of the wrong type: booleans or numbers written as strings, numbers where a string belongs, a list where a map belongs.', 'zh-cn': '值的类型不对：布尔值或数字写成了字符串、该写字符串的地方写了数字、该写映射的地方写了列表。' } },
  { id: 'ambiguous-boolean', severity: 'error', what: { en: 'An unquoted yes, no, on, off, y or n: a boolean to kubectl and Helm (YAML 1.1), a string to kustomize and yq (YAML 1.2). An error in a string field (a label `debug: yes`, an env value), which kubectl sends as a boolean; a warning in a boolean field, which YAML 1.2 tools send as a string.', 'zh-cn': '不带引号的 yes、no、on、off、y 或 n：kubectl 和 Helm（YAML 1.1）读成布尔值，kustomize 和 yq（YAML 1.2）读成字符串。出现在字符串字段（标签 `debug: yes`、环境变量的值）时是错误，kubectl 会把它当布尔值发送；出现在布尔字段时是警告，YAML 1.2 工具会把它当字符串发送。' } },
  { id: 'invalid-quantity', severity: 'error', what: { en: 'A resource quantity the API server cannot parse (`500mb`).', 'zh-cn': 'API server 无法解析的资源数量（如 `500mb`）。' } },
  { id: 'invalid-enum-value', severity: 'error', what: { en: "A value outside the field's allowed values, listing them.", 'zh-cn': '取值不在字段允许的范围内，并列出可选值。' } },
  { id: 'missing-required-field', severity: 'error', what: { en: "A required field is missing (`containers`, a container's `name`, ...).", 'zh-cn': '缺少必填字段（`containers`、容器的 `name` 等）。' } },
  { id: 'too-many-problems', severity: 'info', what: { en: 'In the editor, a file with more problems than `podsense.maxNumberOfProblems` (1,000 by default, as many as VS Code shows) gets the most severe ones and this note at its top, saying how many are not shown. `podsense lint` lists them all.', 'zh-cn': '在编辑器里，问题数超过 `podsense.maxNumberOfProblems`（默认 1,000，即 VS Code 显示的上限）的文件只报告最严重的那些，并在文件开头给出这条提示，说明还有多少个没有显示。`podsense lint` 会列出全部。' } },
  { id: 'unknown-rule-id', severity: 'warning', what: { en: 'A `# podsense-disable` comment or `podsense.io/ignore` annotation names a rule id that does not exist.', 'zh-cn': '`# podsense-disable` 注释或 `podsense.io/ignore` 注解里写了不存在的规则 id。' } },
];
