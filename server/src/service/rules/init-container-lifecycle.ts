import { isNativeSidecar } from './podSpecs';
import type { Rule } from './types';
import { pair } from './yamlAccess';

const FORBIDDEN = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export const initContainerLifecycle: Rule = {
  id: 'init-container-lifecycle',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      `Init container "${d.container}" sets ${d.field}, which the API server rejects for init containers because they run to completion one at a time. Remove it, or make the container a sidecar with restartPolicy: Always.`,
    'zh-cn': (d) =>
      `init 容器 "${d.container}" 设置了 ${d.field}，API server 会拒绝：init 容器是逐个运行直到完成的。请删除该字段，或者给容器加上 restartPolicy: Always 使其成为 sidecar。`,
  },
  docs: {
    en: {
      what: 'An init container (not a native sidecar with `restartPolicy: Always`) that sets `lifecycle`, `livenessProbe`, `readinessProbe` or `startupProbe`.',
      why: 'Init containers run one after another, each to completion, before the app containers start; there is nothing to be "ready" or "alive" for and no place for start/stop hooks. The API server validates this and rejects the whole object, so `kubectl apply` fails and no Pod is created.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - name: migrate\n    image: example/migrate:1.0\n    readinessProbe:\n      exec:\n        command: ["true"]\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: 'Remove the field from a one-shot init container. If the container should keep running alongside the app (a sidecar), declare it as a native sidecar, which may have probes and hooks:\n\n```yaml\ninitContainers:\n- name: proxy\n  image: example/proxy:1.0\n  restartPolicy: Always\n  readinessProbe:\n    tcpSocket:\n      port: 15000\n```',
    },
    'zh-cn': {
      what: '设置了 `lifecycle`、`livenessProbe`、`readinessProbe` 或 `startupProbe` 的 init 容器（`restartPolicy: Always` 的原生 sidecar 除外）。',
      why: 'init 容器在应用容器启动前逐个运行，每个都要运行到结束；它们没有“就绪”或“存活”可言，也没有启动/停止钩子的位置。API server 会校验这一点并拒绝整个对象，`kubectl apply` 直接失败，Pod 根本不会被创建。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  initContainers:\n  - name: migrate\n    image: example/migrate:1.0\n    readinessProbe:\n      exec:\n        command: ["true"]\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: '一次性的 init 容器去掉这个字段即可。如果容器需要和应用一起持续运行（sidecar），就把它声明为原生 sidecar，这样可以使用探针和钩子：\n\n```yaml\ninitContainers:\n- name: proxy\n  image: example/proxy:1.0\n  restartPolicy: Always\n  readinessProbe:\n    tcpSocket:\n      port: 15000\n```',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#differences-from-regular-containers',
    'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        if (c.list !== 'initContainers' || isNativeSidecar(c)) continue;
        for (const field of FORBIDDEN) {
          const p = pair(c.node, field);
          if (p) ctx.report(p, { container: c.name ?? `initContainers[${c.index}]`, field });
        }
      }
    }
  },
};
