/**
 * `npm run docs:rules`: renders docs/rules/<id>.md for every rule in the
 * registry, and docs/rules/README.md as the index. A unit test fails when the
 * committed pages differ from what this would write.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_CHECKS } from '../server/src/service/checks';
import { RULES } from '../server/src/service/rules';
import type { Rule } from '../server/src/service/rules/types';


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
    `- one line: \`# podsense-disable-next-line ${rule.id}\` on the line above;`,
    `- the rest of a document: \`# podsense-disable ${rule.id}\`;`,
    `- one object or pod template: the annotation \`podsense.io/ignore: "${rule.id}"\`;`,
    `- everywhere: \`${rule.id}: off\` under \`rules:\` in \`.podsense.yaml\`, the \`podsense.rules\` setting, or \`--rule ${rule.id}=off\` on the command line.`,
    '',
  ].join('\n');
}

export function renderIndex(): string {
  const rows = RULES.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.category} | ${r.severity} | ${r.docs.en.what.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
  const builtIn = BUILT_IN_CHECKS.map((c) => `| <a id="${c.id}"></a>\`${c.id}\` | ${c.severity} | ${c.what.en} |`);
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
    '## Rules considered and not created',
    '',
    '- `host-aliases-with-host-network` (hostAliases on a Pod with `hostNetwork: true`). Kubernetes 1.7 documented that hostAliases were',
    '  ignored for host-network Pods; since 1.8 the kubelet writes them for every Pod (for a host-network Pod it copies the node\'s',
    '  `/etc/hosts` and appends the aliases). The `hostAliases` description in kubernetes-models@5.1.0 states no exception, and the',
    '  current "Adding entries to Pod /etc/hosts with HostAliases" page neither. A rule would warn about something that works, so',
    '  there is none; the hover on `hostAliases` explains the history.',
    '',
  ].join('\n');
}

/**
 * The `podsense.rules` setting in the manifest lists every rule and check id,
 * so VS Code offers them (with their default) in settings.json.
 */
export function manifestRuleProperties(): Record<string, unknown> {
  const levels = ['off', 'hint', 'info', 'warning', 'error'];
  const props: Record<string, unknown> = {};
  for (const r of RULES) props[r.id] = { type: 'string', enum: levels, default: r.severity, markdownDescription: r.docs.en.what };
  for (const c of BUILT_IN_CHECKS) props[c.id] = { type: 'string', enum: levels, default: c.severity, markdownDescription: c.what.en };
  return props;
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
  const manifestFile = join(__dirname, '..', 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.contributes.configuration.properties['podsense.rules'].properties = manifestRuleProperties();
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`docs/rules: ${RULES.length} rules`);
}
