import { isScalar, isSeq } from 'yaml';
import { dns1123SubdomainProblem, ipProblem, isTemplated, nameProblemText } from './addresses';
import type { Rule } from './types';
import { child, mapsIn, scalarValue } from './yamlAccess';

function ipText(problem: string | number | undefined, locale: 'en' | 'zh-cn'): string {
  if (locale === 'zh-cn') {
    if (problem === 'zone') return '带有区域标识（%...），hosts 文件条目不支持';
    if (problem === 'leading-zero') return 'IPv4 段带前导 0：很多软件把它当八进制读，严格 IP 校验会拒绝它';
    if (problem === 'empty') return '它是空的';
    return '它不是 IPv4 或 IPv6 地址';
  }
  if (problem === 'zone') return 'it has a zone id (%...), which hosts file entries do not support';
  if (problem === 'leading-zero') return 'an IPv4 octet has a leading 0: much software reads that as octal, and strict IP validation rejects it';
  if (problem === 'empty') return 'it is empty';
  return 'it is not an IPv4 or IPv6 address';
}

export const invalidHostAlias: Rule = {
  id: 'invalid-host-alias',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      d.kind === 'missing'
        ? 'This hostAliases entry has an empty ip, which is required: the API server rejects the Pod. Add the IP address the hostnames should resolve to.'
        : d.kind === 'hostname'
          ? `Host alias hostname "${d.value ?? ''}" is not a valid DNS-1123 subdomain: ${nameProblemText(d.problem === 'bad-char' ? 'bad-char-dot' : d.problem, 'en', 253)}. The API server rejects the Pod${d.problem === 'label-too-long' ? ' (it checks only the total length, but resolvers refuse labels over 63 characters)' : ''}. Use lowercase letters, digits, "-" and ".".`
          : `Host alias ip "${d.value ?? ''}" is not a valid IP address: ${ipText(d.problem, 'en')}. The API server ${d.problem === 'leading-zero' ? 'warns about it and, with strict IP validation, rejects the Pod' : 'rejects the Pod'}. Write a plain IPv4 (10.1.2.3) or IPv6 (2001:db8::1) address.`,
    'zh-cn': (d) =>
      d.kind === 'missing'
        ? '这个 hostAliases 条目的必填字段 ip 是空的：API Server 会拒绝这个 Pod。请加上这些主机名要解析到的 IP 地址。'
        : d.kind === 'hostname'
          ? `hostAliases 的主机名 "${d.value ?? ''}" 不是合法的 DNS-1123 子域名：${nameProblemText(d.problem === 'bad-char' ? 'bad-char-dot' : d.problem, 'zh-cn', 253)}。API Server 会拒绝这个 Pod${d.problem === 'label-too-long' ? '（它只检查总长度，但解析器不接受超过 63 个字符的标签）' : ''}。请只用小写字母、数字、"-" 和 "."。`
          : `hostAliases 的 ip "${d.value ?? ''}" 不是合法的 IP 地址：${ipText(d.problem, 'zh-cn')}。${d.problem === 'leading-zero' ? 'API Server 会给出警告，启用严格 IP 校验时会拒绝这个 Pod' : 'API Server 会拒绝这个 Pod'}。请写标准的 IPv4（10.1.2.3）或 IPv6（2001:db8::1）地址。`,
  },
  docs: {
    en: {
      what: 'A `spec.hostAliases` entry whose `ip` is empty or not a valid IPv4 or IPv6 address (including octets with leading zeros such as `010.1.1.1` and zone ids such as `fe80::1%eth0`), or one of whose `hostnames` is not a DNS-1123 subdomain: lowercase letters, digits, `-` and `.`, each dot-separated part starting and ending with a letter or digit, at most 253 characters, no trailing dot. An entry with no `ip` key at all is reported once, by `missing-required-field`.',
      why: 'The kubelet writes host aliases into the Pod\'s `/etc/hosts`, so the API server validates them first: an entry without `ip`, a value that is not an IP address, or a hostname with uppercase letters, underscores or a trailing dot makes the Pod invalid and `kubectl apply` fails. Leading zeros are a trap of their own: older API servers accept `010.1.1.1` as 10.1.1.1 with a warning, while libc resolvers read `010` as octal 8, and strict IP validation rejects it.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostAliases:\n  - ip: 10.1.2.300\n    hostnames:\n    - Database.local\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: 'Give a plain IP address and lowercase hostnames:\n\n```yaml\nhostAliases:\n- ip: 10.1.2.30\n  hostnames:\n  - database.local\n```',
    },
    'zh-cn': {
      what: '`spec.hostAliases` 条目的 `ip` 为空，或者不是合法的 IPv4/IPv6 地址（包括带前导 0 的 `010.1.1.1` 和带区域标识的 `fe80::1%eth0`），或者某个 `hostnames` 不是 DNS-1123 子域名：只能包含小写字母、数字、`-` 和 `.`，每个以点分隔的部分以字母或数字开头和结尾，总长最多 253 个字符，末尾不能有点。完全没有 `ip` 键的条目只由 `missing-required-field` 报告一次。',
      why: 'kubelet 会把 hostAliases 写进 Pod 的 `/etc/hosts`，所以 API Server 会先校验它们：缺少 `ip`、`ip` 不是 IP 地址、主机名里有大写字母、下划线或末尾的点，都会让 Pod 不合法，`kubectl apply` 直接失败。前导 0 另有陷阱：较老的 API Server 带警告地把 `010.1.1.1` 当作 10.1.1.1 接受，而 libc 解析器会把 `010` 当八进制的 8；严格 IP 校验则直接拒绝。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostAliases:\n  - ip: 10.1.2.300\n    hostnames:\n    - Database.local\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: '写标准的 IP 地址和小写主机名：\n\n```yaml\nhostAliases:\n- ip: 10.1.2.30\n  hostnames:\n  - database.local\n```',
    },
  },
  references: [
    'https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/',
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const alias of mapsIn(child(pod.node, 'hostAliases'))) {
        const ipNode = child(alias, 'ip');
        const ip = scalarValue(ipNode);
        // An entry with no `ip` key at all is missing-required-field's to report; an empty `ip:` is ours.
        if (isScalar(ipNode) && ip === null) {
          ctx.report(alias, { kind: 'missing' });
        } else if (typeof ip === 'string' && !isTemplated(ip)) {
          const problem = ipProblem(ip);
          if (problem) ctx.report(ipNode, { kind: 'ip', value: ip, problem });
        }
        const hostnames = child(alias, 'hostnames');
        if (!isSeq(hostnames)) continue;
        for (const item of hostnames.items) {
          const name = scalarValue(item);
          if (typeof name !== 'string' || isTemplated(name)) continue;
          const problem = dns1123SubdomainProblem(name);
          if (problem) ctx.report(item as Parameters<typeof ctx.report>[0], { kind: 'hostname', value: name, problem });
        }
      }
    }
  },
};
