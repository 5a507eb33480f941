import type { Node } from 'yaml';
import { isTemplated } from './addresses';
import type { Rule } from './types';
import { child, scalarValue } from './yamlAccess';

export const duplicateContainerName: Rule = {
  id: 'duplicate-container-name',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      `Container name "${d.name ?? ''}" is already used by ${d.first ?? 'another container'} of this Pod: names must be unique across containers, initContainers and ephemeralContainers, so the API server rejects the Pod. Rename one of them.`,
    'zh-cn': (d) =>
      `容器名 "${d.name ?? ''}" 已被本 Pod 的 ${d.first ?? '另一个容器'} 使用：containers、initContainers 和 ephemeralContainers 中的名字必须互不相同，API Server 会拒绝这个 Pod。请给其中一个改名。`,
  },
  docs: {
    en: {
      what: 'Two containers of one pod spec with the same `name`, counting `containers`, `initContainers` and `ephemeralContainers` together.',
      why: 'The kubelet, `kubectl logs -c`, `kubectl exec -c`, container statuses and resource accounting all identify a container by its name within the Pod, so the API server requires names to be unique across all three lists and rejects the Pod with `Duplicate value`. The mistake is common when copying a container into `initContainers` or adding a sidecar from a snippet.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - name: web\n    image: busybox:1.36\n    command: ["sh", "-c", "echo init"]\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: 'Give every container its own name:\n\n```yaml\ninitContainers:\n- name: web-init\n  image: busybox:1.36\ncontainers:\n- name: web\n  image: nginx:1.27\n```',
    },
    'zh-cn': {
      what: '同一个 Pod spec 里有两个容器同名，`containers`、`initContainers` 和 `ephemeralContainers` 合在一起算。',
      why: 'kubelet、`kubectl logs -c`、`kubectl exec -c`、容器状态和资源统计都靠名字在 Pod 内区分容器，所以 API Server 要求这三个列表里的名字互不相同，重复时以 `Duplicate value` 拒绝 Pod。把容器复制到 `initContainers`，或者从片段里粘贴 sidecar 时，很容易犯这个错。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - name: web\n    image: busybox:1.36\n    command: ["sh", "-c", "echo init"]\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: '给每个容器起不同的名字：\n\n```yaml\ninitContainers:\n- name: web-init\n  image: busybox:1.36\ncontainers:\n- name: web\n  image: nginx:1.27\n```',
    },
  },
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container',
    'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      const named = pod.containers
        .map((c) => ({ c, node: child(c.node, 'name') as Node | undefined }))
        .filter((e): e is { c: (typeof e)['c']; node: Node } => e.node !== undefined && typeof scalarValue(e.node) === 'string')
        // Document order, so "later" is what the reader sees later, whatever the list.
        .sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
      const first = new Map<string, string>();
      for (const { c, node } of named) {
        const name = scalarValue(node) as string;
        if (name === '' || isTemplated(name)) continue;
        const seen = first.get(name);
        if (seen) ctx.report(node, { name, first: seen });
        else first.set(name, `${c.list}[${c.index}]`);
      }
    }
  },
};
