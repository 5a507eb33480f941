import type { Rule } from './types';
import { isTrue, pair } from './yamlAccess';

export const shareProcessNamespaceWithHostPid: Rule = {
  id: 'share-process-namespace-with-host-pid',
  category: 'correctness',
  severity: 'error',
  message: {
    en: () =>
      'shareProcessNamespace and hostPID cannot both be true: the API server rejects this Pod. Keep hostPID to see the node\'s processes, or shareProcessNamespace to share PIDs only between the Pod\'s containers.',
    'zh-cn': () =>
      'shareProcessNamespace 和 hostPID 不能同时为 true：API Server 会拒绝创建这个 Pod。需要看到节点进程就只保留 hostPID，只想让 Pod 内容器共享进程就只保留 shareProcessNamespace。',
  },
  docs: {
    en: {
      what: 'A pod spec that sets both `shareProcessNamespace: true` and `hostPID: true`.',
      why: '`hostPID` puts the Pod\'s containers in the node\'s PID namespace; `shareProcessNamespace` gives the Pod its own PID namespace shared by its containers. The two cannot hold at once, so API validation rejects the Pod ("ShareProcessNamespace and HostPID cannot both be enabled") and nothing is created.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostPID: true\n  shareProcessNamespace: true\n  containers:\n  - name: shell\n    image: busybox:1.36\n    stdin: true\n    tty: true\n',
      instead: 'Choose one. To share processes only between the Pod\'s containers:\n\n```yaml\nspec:\n  shareProcessNamespace: true\n```\n\nTo inspect the node\'s processes (privileged debugging only), set `hostPID: true` alone.',
    },
    'zh-cn': {
      what: '同时设置了 `shareProcessNamespace: true` 和 `hostPID: true` 的 Pod spec。',
      why: '`hostPID` 让 Pod 的容器进入节点的 PID 命名空间；`shareProcessNamespace` 则是给 Pod 一个自己的、由各容器共享的 PID 命名空间。两者互相矛盾，API 校验会直接拒绝这个 Pod（"ShareProcessNamespace and HostPID cannot both be enabled"），什么都不会被创建。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  hostPID: true\n  shareProcessNamespace: true\n  containers:\n  - name: shell\n    image: busybox:1.36\n    stdin: true\n    tty: true\n',
      instead: '二选一。只想在 Pod 内的容器之间共享进程：\n\n```yaml\nspec:\n  shareProcessNamespace: true\n```\n\n需要查看节点上的进程（仅限有特权的调试场景）时，只设置 `hostPID: true`。',
    },
  },
  references: [
    'https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/',
    'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      if (isTrue(pod.node, 'shareProcessNamespace') && isTrue(pod.node, 'hostPID')) ctx.report(pair(pod.node, 'shareProcessNamespace'));
    }
  },
};
