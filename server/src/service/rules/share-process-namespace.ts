import type { Rule } from './types';
import { isTrue, pair } from './yamlAccess';

export const shareProcessNamespace: Rule = {
  id: 'share-process-namespace',
  category: 'security',
  severity: 'info',
  message: {
    en: () =>
      'With shareProcessNamespace every container sees and can signal the processes of the others, their filesystems are reachable through /proc/<pid>/root, and pause, not your application, is PID 1. Keep it only if a sidecar really needs this (e.g. debugging).',
    'zh-cn': () =>
      '开启 shareProcessNamespace 后，每个容器都能看到并向其他容器的进程发信号，还能通过 /proc/<pid>/root 访问它们的文件系统，并且 PID 1 变成 pause 而不是你的应用。只有 sidecar 确实需要（例如调试）时才保留。',
  },
  docs: {
    en: {
      what: 'A pod spec that sets `shareProcessNamespace: true`.',
      why: 'All containers of the Pod share one PID namespace. The infrastructure `pause` process becomes PID 1, so your application no longer runs as PID 1: signal handling and zombie reaping change. Every container can list and signal the processes of the others (subject to user IDs and capabilities), and another container\'s filesystem, including its secrets, is reachable through `/proc/<pid>/root`. This is useful for debug sidecars, but it weakens the isolation between containers.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  shareProcessNamespace: true\n  containers:\n  - name: nginx\n    image: nginx:1.27\n  - name: shell\n    image: busybox:1.36\n    stdin: true\n    tty: true\n',
      instead: 'Leave `shareProcessNamespace` unset (false) unless a container must see the others\' processes. For one-off debugging, attach an ephemeral container to a single target instead:\n\n```sh\nkubectl debug -it nginx --image=busybox:1.36 --target=nginx\n```',
    },
    'zh-cn': {
      what: '设置了 `shareProcessNamespace: true` 的 Pod spec。',
      why: 'Pod 内所有容器共享同一个 PID 命名空间。基础设施进程 `pause` 成为 PID 1，你的应用不再是 PID 1，信号处理和僵尸进程回收的行为都会改变。每个容器都能列出并向其他容器的进程发送信号（受用户 ID 和 capabilities 限制），还能通过 `/proc/<pid>/root` 访问其他容器的文件系统，包括其中的密钥。这对调试 sidecar 很方便，但削弱了容器之间的隔离。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  shareProcessNamespace: true\n  containers:\n  - name: nginx\n    image: nginx:1.27\n  - name: shell\n    image: busybox:1.36\n    stdin: true\n    tty: true\n',
      instead: '除非某个容器确实需要看到其他容器的进程，否则不要设置 `shareProcessNamespace`（默认 false）。临时调试时，改用临时容器只挂到一个目标容器上：\n\n```sh\nkubectl debug -it nginx --image=busybox:1.36 --target=nginx\n```',
    },
  },
  references: ['https://kubernetes.io/docs/tasks/configure-pod-container/share-process-namespace/'],
  check(ctx) {
    for (const pod of ctx.pods) {
      if (isTrue(pod.node, 'shareProcessNamespace')) ctx.report(pair(pod.node, 'shareProcessNamespace'));
    }
  },
};
