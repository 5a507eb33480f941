/**
 * `npm run docs:rules`: renders docs/rules/<id>.md for every rule in the
 * registry, and docs/rules/README.md as the index. A unit test fails when the
 * committed pages differ from what this would write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/service/rules';
import type { Rule } from '../server/src/service/rules/types';

export const BUILT_IN: readonly [string, string, string][] = [
  ['yaml-syntax', 'error', 'The YAML parser could not read the document (exact range from the parser).'],
  ['duplicate-key', 'error', 'A key appears twice in one map: Kubernetes keeps the last value and silently drops the first.'],
  ['templated-file', 'info', 'The document contains template syntax (`{{ }}`): it is not checked; lint the rendered output.'],
  ['document-too-large', 'info', 'A single `---` document over 2 MB is not analysed.'],
  ['unknown-field', 'error', 'A field the schema does not know, with "did you mean" for near misses and case slips.'],
  ['invalid-type', 'error', 'A value of the wrong type: booleans or numbers written as strings, numbers where a string belongs, a list where a map belongs.'],
  ['invalid-quantity', 'error', 'A resource quantity the API server cannot parse (`500mb`).'],
  ['invalid-enum-value', 'error', 'A value outside the field\'s allowed values, listing them.'],
  ['missing-required-field', 'error', 'A required field is missing (`containers`, a container\'s `name`, ...).'],
];

export function renderRule(rule: Rule): string {
  const en = rule.docs.en;
  const zh = rule.docs['zh-cn'];
  return [
    `# ${rule.id}`,
    '',
    `Category: \`${rule.category}\` · default severity: \`${rule.severity}\``,
    '',
    '## What it checks',
    '',
    en.what,
    '',
    '## Why it matters',
    '',
    en.why,
    '',
    '## Example',
    '',
    '```yaml',
    en.example.trimEnd(),
    '```',
    '',
    '## Instead',
    '',
    en.instead,
    '',
    '## References',
    '',
    ...rule.references.map((u) => `- ${u}`),
    '',
    '## 中文',
    '',
    '### 检查什么',
    '',
    zh.what,
    '',
    '### 为什么重要',
    '',
    zh.why,
    '',
    '### 示例',
    '',
    '```yaml',
    zh.example.trimEnd(),
    '```',
    '',
    '### 建议写法',
    '',
    zh.instead,
    '',
    '## Silencing',
    '',
    `Change its severity with the \`podsense.rules\` setting, or silence one place with \`# podsense-disable-next-line ${rule.id}\`.`,
    '',
  ].join('\n');
}

export function renderIndex(): string {
  const rows = RULES.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.category} | ${r.severity} | ${r.docs.en.what.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
  const builtIn = BUILT_IN.map(([id, sev, what]) => `| <a id="${id}"></a>\`${id}\` | ${sev} | ${what} |`);
  return [
    '# PodSense rules',
    '',
    'Generated from the rule registry (`server/src/service/rules/`) by `npm run docs:rules`; do not edit by hand.',
    '',
    '| rule | category | default severity | what it checks |',
    '|---|---|---|---|',
    ...rows,
    '',
    '## YAML and schema checks',
    '',
    '| code | severity | what it reports |',
    '|---|---|---|',
    ...builtIn,
    '',
  ].join('\n');
}

export function renderAll(): Map<string, string> {
  const files = new Map<string, string>([['README.md', renderIndex()]]);
  for (const rule of RULES) files.set(`${rule.id}.md`, renderRule(rule));
  return files;
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'docs', 'rules');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of renderAll()) writeFileSync(join(dir, name), text);
  console.log(`docs/rules: ${RULES.length} rules`);
}
