import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Rule, RuleContext } from './types';
import { child, mapsIn } from './yamlAccess';

/** The largest file mode the API server takes: 0777. */
const MAX_MODE = 0o777;

/**
 * The mode a `mode`/`defaultMode` scalar means to kubectl, which reads YAML
 * 1.1: `0644` is octal (420), `644` decimal, `0o644` octal too. Undefined for
 * anything that is not an integer written in one of those ways.
 */
export function modeValue(source: string): number | undefined {
  if (/^0[0-7]+$/.test(source)) return parseInt(source, 8);
  if (/^0o[0-7]+$/i.test(source)) return parseInt(source.slice(2), 8);
  if (/^(0|[1-9]\d*)$/.test(source)) return Number(source);
  return undefined;
}

/** The octal a user most likely meant by a decimal-looking mode (`644` -> `0644`), if its digits are octal ones. */
export function meantOctal(source: string): string | undefined {
  return /^[1-7][0-7]{2}$/.test(source) ? `0${source}` : undefined;
}

export const invalidFileMode: Rule = {
  id: 'invalid-file-mode',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      `${d.key} ${d.source} is ${d.value} in decimal, more than 0777 (511), the largest file mode: the API server rejects the Pod.${d.octal ? ` Write it in octal with a leading 0, ${d.octal}, as kubectl reads it (or ${d.decimal} in decimal).` : ' Give a mode from 0 to 0777.'}`,
    'zh-cn': (d) =>
      `${d.key} ${d.source} 按十进制是 ${d.value}，超过了最大的文件权限 0777（511）：API Server 会拒绝这个 Pod。${d.octal ? `请写成带前导 0 的八进制 ${d.octal}（kubectl 就这样读），或者十进制 ${d.decimal}。` : '请给出 0 到 0777 之间的权限。'}`,
  },
  docs: {
    en: {
      what: 'A `defaultMode` or `mode` of a secret, configMap, downwardAPI or projected volume (or of one of their items) above 0777, the largest file mode. The usual cause is a mode written like `chmod` takes it, `644`, which YAML reads as the decimal number 644.',
      why: 'File modes in a Pod are plain integers. kubectl reads manifests as YAML 1.1, where `0644` (leading zero) is octal, 420; without the zero, `644` is decimal and means nothing sensible as a mode (0o1204). Anything above 0777 (511) makes the API server reject the Pod (`must be a number between 0 and 0777 (octal), both inclusive`). Tools that read YAML 1.2 (kustomize, yq) take `0644` as decimal 644 too, so `0o644` or the decimal `420` is the portable spelling.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - name: tls\n      mountPath: /etc/tls\n  volumes:\n  - name: tls\n    secret:\n      secretName: web-tls\n      defaultMode: 644\n',
      instead: 'Write the mode in octal, or in decimal:\n\n```yaml\n    secret:\n      secretName: web-tls\n      defaultMode: 0644   # octal for kubectl; 0o644 or 420 read the same everywhere\n```',
    },
    'zh-cn': {
      what: 'secret、configMap、downwardAPI 或 projected 卷（或其中某个条目）的 `defaultMode` 或 `mode` 大于最大的文件权限 0777。常见原因是按 `chmod` 的写法写成了 `644`，而 YAML 把它读成十进制数 644。',
      why: 'Pod 里的文件权限就是普通整数。kubectl 按 YAML 1.1 读清单，其中 `0644`（带前导 0）是八进制，即 420；不带 0 的 `644` 是十进制，作为权限没有意义（相当于 0o1204）。任何大于 0777（511）的值都会让 API Server 拒绝这个 Pod（`must be a number between 0 and 0777 (octal), both inclusive`）。按 YAML 1.2 读取的工具（kustomize、yq）也会把 `0644` 当作十进制 644，所以 `0o644` 或十进制 `420` 才是到处都通用的写法。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - name: tls\n      mountPath: /etc/tls\n  volumes:\n  - name: tls\n    secret:\n      secretName: web-tls\n      defaultMode: 644\n',
      instead: '用八进制或十进制写权限：\n\n```yaml\n    secret:\n      secretName: web-tls\n      defaultMode: 0644   # kubectl 按八进制读；0o644 或 420 在哪里读都一样\n```',
    },
  },
  references: ['https://kubernetes.io/docs/concepts/configuration/secret/#restrictions', 'https://kubernetes.io/docs/concepts/storage/volumes/#configmap'],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const volume of mapsIn(child(pod.node, 'volumes'))) {
        for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) checkModes(ctx, child(volume, source));
      }
    }
  },
};

/** Every `defaultMode` and `mode` under a volume source: its own, its items', a projected volume's sources'. */
function checkModes(ctx: RuleContext, node: Node | undefined): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isSeq(n)) {
      stack.push(...n.items);
      continue;
    }
    if (!isMap(n)) continue;
    for (const pair of n.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const value = pair.value;
      if ((key === 'defaultMode' || key === 'mode') && isScalar(value) && typeof value.source === 'string') {
        const mode = modeValue(value.source);
        if (mode !== undefined && mode > MAX_MODE) {
          const octal = meantOctal(value.source);
          ctx.report(value, { key, source: value.source, value: mode, octal: octal ?? '', decimal: octal ? parseInt(octal, 8) : '' });
        }
      } else if (isMap(value) || isSeq(value)) stack.push(value);
    }
  }
}
