import type { Rule } from './types';
import { isTrue, pair } from './yamlAccess';

export const hostIpc: Rule = {
  id: 'host-ipc',
  category: 'security',
  severity: 'warning',
  message: {
    en: () =>
      'hostIPC puts this Pod in the node\'s IPC namespace: its containers can read and write the shared memory segments, semaphores and message queues of node processes and other host-IPC Pods; Baseline Pod Security forbids it. Remove it unless a node-level component really needs it.',
    'zh-cn': () =>
      'hostIPC 让 Pod 使用节点的 IPC 命名空间：容器可以读写节点进程以及其他使用 hostIPC 的 Pod 的共享内存、信号量和消息队列；Baseline 级别的 Pod 安全标准禁止这样做。除非节点级组件确实需要，请删除它。',
  },
  docs: {
    en: {
      what: 'A pod spec that sets `hostIPC: true`.',
      why: 'The Pod\'s containers join the node\'s IPC namespace: System V shared memory, semaphores and POSIX message queues are shared with every process on the node and every other Pod that uses `hostIPC`. A container can read or corrupt data that other workloads keep in shared memory. The Baseline and Restricted Pod Security Standards forbid host namespaces, so a namespace enforcing them rejects the Pod. The containers of one Pod already share an IPC namespace without this field.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cache\nspec:\n  hostIPC: true\n  containers:\n  - name: cache\n    image: redis:7\n',
      instead: 'Leave `hostIPC` unset: containers in the same Pod already share IPC. To share memory through a file, mount an in-memory `emptyDir`:\n\n```yaml\nspec:\n  volumes:\n  - name: shm\n    emptyDir:\n      medium: Memory\n```',
    },
    'zh-cn': {
      what: '设置了 `hostIPC: true` 的 Pod spec。',
      why: 'Pod 的容器加入节点的 IPC 命名空间：System V 共享内存、信号量和 POSIX 消息队列与节点上的所有进程、以及其他使用 `hostIPC` 的 Pod 共享。容器可以读取或破坏其他工作负载放在共享内存里的数据。Pod 安全标准的 Baseline 和 Restricted 级别都禁止使用宿主机命名空间，启用了这些级别的命名空间会拒绝这个 Pod。而且同一个 Pod 里的容器本来就共享 IPC 命名空间，不需要这个字段。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: cache\nspec:\n  hostIPC: true\n  containers:\n  - name: cache\n    image: redis:7\n',
      instead: '不要设置 `hostIPC`：同一个 Pod 内的容器已经共享 IPC。需要通过文件共享内存时，挂载一个内存型 `emptyDir`：\n\n```yaml\nspec:\n  volumes:\n  - name: shm\n    emptyDir:\n      medium: Memory\n```',
    },
  },
  references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
  check(ctx) {
    for (const pod of ctx.pods) if (isTrue(pod.node, 'hostIPC')) ctx.report(pair(pod.node, 'hostIPC'));
  },
};
