import type { Rule } from './types';
import { isTrue, pair } from './yamlAccess';

export const hostPid: Rule = {
  id: 'host-pid',
  category: 'security',
  severity: 'warning',
  message: {
    en: () =>
      'hostPID puts this Pod in the node\'s PID namespace: its containers see every process on the node (with their command lines and environment) and can signal or ptrace them given the privileges; Baseline Pod Security forbids it. Remove it unless this is a node-level agent.',
    'zh-cn': () =>
      'hostPID 让 Pod 使用节点的 PID 命名空间：容器能看到节点上的所有进程（包括命令行和环境变量），权限足够时还能向它们发信号或 ptrace；Baseline 级别的 Pod 安全标准禁止这样做。除非是节点级的代理程序，请删除它。',
  },
  docs: {
    en: {
      what: 'A pod spec that sets `hostPID: true`.',
      why: 'The Pod\'s containers join the node\'s PID namespace. They can list every process on the node, including those of other Pods, read their command lines and (as root) their environment and `/proc/<pid>/root` filesystems, and with enough privileges signal, kill or trace them. This is a well-known container escape path. The Baseline and Restricted Pod Security Standards forbid host namespaces, so a namespace enforcing them rejects the Pod.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: tools\nspec:\n  hostPID: true\n  containers:\n  - name: tools\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n',
      instead: 'Leave `hostPID` unset. To share processes between the Pod\'s own containers use:\n\n```yaml\nspec:\n  shareProcessNamespace: true\n```\n\nKeep `hostPID: true` for node-level agents in a privileged namespace, or use `kubectl debug node/<name>` for one-off debugging.',
    },
    'zh-cn': {
      what: '设置了 `hostPID: true` 的 Pod spec。',
      why: 'Pod 的容器加入节点的 PID 命名空间。它们能列出节点上的所有进程（包括其他 Pod 的进程），读取其命令行，以 root 身份还能读取环境变量和 `/proc/<pid>/root` 下的文件系统，权限足够时可以向这些进程发信号、杀掉或跟踪它们。这是众所周知的容器逃逸途径。Pod 安全标准的 Baseline 和 Restricted 级别都禁止使用宿主机命名空间，启用了这些级别的命名空间会拒绝这个 Pod。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: tools\nspec:\n  hostPID: true\n  containers:\n  - name: tools\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n',
      instead: '不要设置 `hostPID`。只需要在 Pod 内的容器之间共享进程时用：\n\n```yaml\nspec:\n  shareProcessNamespace: true\n```\n\n`hostPID: true` 只留给有特权的命名空间里的节点级代理；临时调试节点请用 `kubectl debug node/<节点名>`。',
    },
  },
  references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
  check(ctx) {
    for (const pod of ctx.pods) if (isTrue(pod.node, 'hostPID')) ctx.report(pair(pod.node, 'hostPID'));
  },
};
