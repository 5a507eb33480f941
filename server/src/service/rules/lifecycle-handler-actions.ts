import { isMap, isScalar } from 'yaml';
import type { Rule } from './types';
import { child, mapAt, pair } from './yamlAccess';

const ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

export const lifecycleHandlerActions: Rule = {
  id: 'lifecycle-handler-actions',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      d.actions
        ? `The ${d.hook} handler has ${d.count} actions (${d.actions}) but must have exactly one: the API server rejects the Pod. Keep one of exec, httpGet or sleep.`
        : `The ${d.hook} handler has no action: the API server rejects the Pod. Give it exactly one of exec, httpGet or sleep, or remove ${d.hook}.`,
    'zh-cn': (d) =>
      d.actions
        ? `${d.hook} 处理器里有 ${d.count} 个动作（${d.actions}），但只能有一个：API Server 会拒绝这个 Pod。请只保留 exec、httpGet 或 sleep 中的一个。`
        : `${d.hook} 处理器里没有任何动作：API Server 会拒绝这个 Pod。请给它恰好一个 exec、httpGet 或 sleep，或者删掉 ${d.hook}。`,
  },
  docs: {
    en: {
      what: 'A container `lifecycle.postStart` or `lifecycle.preStop` handler that sets none, or more than one, of `exec`, `httpGet`, `tcpSocket` and `sleep`.',
      why: 'A lifecycle handler is a one-of: API validation requires exactly one action, so a handler with none ("must specify a handler type") or with several ("may not specify more than 1 handler type") makes the whole Pod, or the workload\'s Pods, fail to be created. A common cause is a mis-indented key that makes `exec` and `httpGet` siblings, or an empty `postStart:` left behind.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lifecycle-demo\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        exec:\n          command: ["/usr/sbin/nginx", "-s", "quit"]\n        httpGet:\n          path: /shutdown\n          port: 8080\n',
      instead: 'Give each hook exactly one action:\n\n```yaml\nlifecycle:\n  postStart:\n    exec:\n      command: ["/bin/sh", "-c", "echo Hello > /usr/share/message"]\n  preStop:\n    exec:\n      command: ["/usr/sbin/nginx", "-s", "quit"]\n```\n\nTo run several steps, put them in one `exec` command (for example `/bin/sh -c "a && b"`).',
    },
    'zh-cn': {
      what: '容器的 `lifecycle.postStart` 或 `lifecycle.preStop` 处理器里，`exec`、`httpGet`、`tcpSocket`、`sleep` 一个都没写，或者写了不止一个。',
      why: '生命周期处理器是“多选一”的：API 校验要求恰好一个动作。一个都没有（"must specify a handler type"）或者有多个（"may not specify more than 1 handler type"）都会导致整个 Pod，或工作负载的所有 Pod，创建失败。常见原因是缩进写错让 `exec` 和 `httpGet` 变成了同级，或者留下了一个空的 `postStart:`。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: lifecycle-demo\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        exec:\n          command: ["/usr/sbin/nginx", "-s", "quit"]\n        httpGet:\n          path: /shutdown\n          port: 8080\n',
      instead: '每个钩子只写一个动作：\n\n```yaml\nlifecycle:\n  postStart:\n    exec:\n      command: ["/bin/sh", "-c", "echo Hello > /usr/share/message"]\n  preStop:\n    exec:\n      command: ["/usr/sbin/nginx", "-s", "quit"]\n```\n\n需要执行多个步骤时，把它们放进同一个 `exec` 命令里（例如 `/bin/sh -c "a && b"`）。',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/',
    'https://kubernetes.io/docs/tasks/configure-pod-container/attach-handler-lifecycle-event/',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const lifecycle = mapAt(c.node, 'lifecycle');
        for (const hook of ['postStart', 'preStop'] as const) {
          const handler = child(lifecycle, hook);
          if (!isMap(handler)) continue;
          // `exec:` with nothing after it is JSON null: the field is absent.
          const present = ACTIONS.filter((a) => {
            const v = child(handler, a);
            return v !== undefined && !(isScalar(v) && v.value === null);
          });
          if (present.length !== 1) ctx.report(pair(lifecycle, hook), { hook, count: present.length, actions: present.join(', ') });
        }
      }
    }
  },
};
