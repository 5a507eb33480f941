/**
 * Small validators for the formats the API server checks on Pod fields: IP
 * addresses, DNS-1123 labels and subdomains, IANA service (port) names.
 * Pure string functions, no node modules (the service must stay portable).
 * Each `...Problem` function returns why a value is invalid, or undefined.
 */

/** Values we cannot judge: templates (`{{ }}`) and `$(VAR)` references. */
export function isTemplated(value: string): boolean {
  return value.includes('{{') || value.includes('$(');
}

export type IpProblem = 'empty' | 'zone' | 'leading-zero' | 'invalid';

/**
 * Dotted-quad IPv4 with exactly four decimal octets 0-255. Leading zeros
 * (`010.1.1.1`) are refused: libc reads them as octal, and the API server's
 * strict IP validation rejects them.
 */
export function isIPv4(value: string): boolean {
  return ipv4Problem(value) === undefined;
}

function ipv4Problem(value: string): 'leading-zero' | 'invalid' | undefined {
  const parts = value.split('.');
  if (parts.length !== 4) return 'invalid';
  let leadingZero = false;
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return 'invalid';
    if (Number(p) > 255) return 'invalid';
    if (p.length > 1 && p.startsWith('0')) leadingZero = true;
  }
  return leadingZero ? 'leading-zero' : undefined;
}

/**
 * IPv6 in any RFC 4291 text form: eight groups of 1-4 hex digits, at most one
 * `::` standing for at least one zero group, optionally an embedded dotted
 * IPv4 tail (`::ffff:10.1.2.3`). Zone ids (`fe80::1%eth0`) are not addresses.
 */
export function isIPv6(value: string): boolean {
  return ipv6Problem(value) === undefined;
}

function ipv6Problem(value: string): IpProblem | undefined {
  if (value.includes('%')) return 'zone';
  if (!value.includes(':')) return 'invalid';
  const halves = value.split('::');
  if (halves.length > 2) return 'invalid';
  const groupsOf = (s: string): string[] | undefined => (s === '' ? [] : s.split(':'));
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return 'invalid';
  const all = [...head, ...tail];
  let count = 0;
  let leadingZero = false;
  for (let i = 0; i < all.length; i++) {
    const g = all[i]!;
    // An embedded IPv4 tail must end the whole address (not precede a `::`).
    if (i === all.length - 1 && g.includes('.') && (halves.length === 1 || tail.length > 0)) {
      const v4 = ipv4Problem(g);
      if (v4 === 'invalid') return 'invalid';
      if (v4 === 'leading-zero') leadingZero = true;
      count += 2;
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) {
      count += 1;
    } else {
      return 'invalid';
    }
  }
  if (halves.length === 2 ? count > 7 : count !== 8) return 'invalid';
  return leadingZero ? 'leading-zero' : undefined;
}

/** 4, 6, or 0 when the value is not an IP address (like node's `net.isIP`, but zone ids are refused). */
export function ipVersion(value: string): 0 | 4 | 6 {
  if (isIPv4(value)) return 4;
  if (isIPv6(value)) return 6;
  return 0;
}

export function ipProblem(value: string): IpProblem | undefined {
  if (value === '') return 'empty';
  if (value.includes(':') || value.includes('%')) return ipv6Problem(value);
  return ipv4Problem(value);
}

export type NameProblem =
  | 'empty'
  | 'too-long'
  | 'uppercase'
  | 'bad-char'
  | 'bad-edge'
  | 'no-letter'
  | 'double-dash'
  | 'trailing-dot'
  | 'empty-label'
  | 'label-too-long';

function charProblem(value: string, allowed: RegExp): NameProblem | undefined {
  if (/[A-Z]/.test(value) && allowed.test(value.toLowerCase())) return 'uppercase';
  if (!allowed.test(value)) return 'bad-char';
  return undefined;
}

/** RFC 1123 label: 1-63 of [a-z0-9-], starting and ending alphanumeric (container names). */
export function dns1123LabelProblem(value: string): NameProblem | undefined {
  if (value === '') return 'empty';
  if (value.length > 63) return 'too-long';
  const chars = charProblem(value, /^[a-z0-9-]*$/);
  if (chars) return chars;
  if (value.startsWith('-') || value.endsWith('-')) return 'bad-edge';
  return undefined;
}

/**
 * RFC 1123 subdomain: dot-separated labels of [a-z0-9-] starting and ending
 * alphanumeric, at most 253 characters, no trailing dot. Labels over 63
 * characters are reported too (DNS limit), though the API server checks only
 * the total length.
 */
export function dns1123SubdomainProblem(value: string): NameProblem | undefined {
  if (value === '') return 'empty';
  if (value.length > 253) return 'too-long';
  const chars = charProblem(value, /^[a-z0-9.-]*$/);
  if (chars) return chars;
  if (value.endsWith('.')) {
    // A lone trailing dot gets its own reason: `example.com.` is the FQDN habit.
    const rest = value.slice(0, -1);
    if (rest === '' || rest.endsWith('.')) return 'empty-label';
    return dns1123SubdomainProblem(rest) ?? 'trailing-dot';
  }
  const labels = value.split('.');
  if (labels.some((l) => l === '')) return 'empty-label';
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) return 'bad-edge';
  if (labels.some((l) => l.length > 63)) return 'label-too-long';
  return undefined;
}

/** IANA service name (RFC 6335), as Kubernetes checks port names: 1-15 of [a-z0-9-], a letter, no edge or double '-'. */
export function portNameProblem(value: string): NameProblem | undefined {
  if (value === '') return 'empty';
  if (value.length > 15) return 'too-long';
  const chars = charProblem(value, /^[a-z0-9-]*$/);
  if (chars) return chars;
  if (!/[a-z]/.test(value)) return 'no-letter';
  if (value.startsWith('-') || value.endsWith('-')) return 'bad-edge';
  if (value.includes('--')) return 'double-dash';
  return undefined;
}

/** Why a name is invalid, as a clause for a message ("it ..."), per locale. */
export function nameProblemText(problem: string | number | undefined, locale: 'en' | 'zh-cn', max = 63): string {
  const en: Record<string, string> = {
    empty: 'it is empty',
    'too-long': `it is longer than ${max} characters`,
    uppercase: 'it contains uppercase letters (only lowercase is allowed)',
    'bad-char': 'it contains characters other than lowercase letters, digits and "-"',
    'bad-char-dot': 'it contains characters other than lowercase letters, digits, "-" and "."',
    'bad-edge': 'it starts or ends with "-" (must start and end with a letter or digit)',
    'no-letter': 'it contains no letter (digits only look like a port number)',
    'double-dash': 'it contains "--"',
    'trailing-dot': 'it ends with "." (write the name without the trailing dot)',
    'empty-label': 'it has an empty part between dots',
    'label-too-long': 'a dot-separated part is longer than 63 characters',
  };
  const zh: Record<string, string> = {
    empty: '它是空的',
    'too-long': `它超过了 ${max} 个字符`,
    uppercase: '它包含大写字母（只允许小写）',
    'bad-char': '它包含小写字母、数字和 "-" 以外的字符',
    'bad-char-dot': '它包含小写字母、数字、"-" 和 "." 以外的字符',
    'bad-edge': '它以 "-" 开头或结尾（必须以字母或数字开头和结尾）',
    'no-letter': '它不含字母（纯数字看起来像端口号）',
    'double-dash': '它包含 "--"',
    'trailing-dot': '它以 "." 结尾（去掉末尾的点）',
    'empty-label': '它在两个点之间有空的部分',
    'label-too-long': '其中某个以点分隔的部分超过了 63 个字符',
  };
  const table = locale === 'zh-cn' ? zh : en;
  return table[String(problem)] ?? (locale === 'zh-cn' ? '它的格式不合法' : 'its format is invalid');
}
