import type { Rule } from './types';
import { child, isTrue, pair } from './yamlAccess';

export const privilegedContainer: Rule = {
  id: 'privileged-container',
  category: 'security',
  severity: 'warning',
  message: {
    en: (d) =>
      `Container "${d.container}" runs privileged: it gets every capability and all host devices, so a compromise of the container is a compromise of the node. Remove privileged and add only the capabilities it needs.`,
    'zh-cn': (d) =>
      `容器 "${d.container}" 以特权模式运行：它拥有全部 capability 和宿主机的所有设备，容器被攻破就等于节点被攻破。请去掉 privileged，只添加确实需要的 capability。`,
  },
  docs: {
    en: {
      what: 'A container with `securityContext.privileged: true`.',
      why: 'A privileged container runs with all Linux capabilities, sees every device under `/dev` of the host and is not confined by seccomp or AppArmor defaults. Anyone who gets code execution inside it can load kernel modules, mount the host filesystem and take over the node, and from there every Pod on it. The Baseline and Restricted Pod Security Standards forbid it, so namespaces enforcing them reject the Pod.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      privileged: true\n',
      instead: 'Drop `privileged` and grant only the capabilities the process needs:\n\n```yaml\nsecurityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]\n```\n\nKeep privileged containers for node agents (CNI, storage drivers) that truly need host access, in a namespace set aside for them.',
    },
    'zh-cn': {
      what: '设置了 `securityContext.privileged: true` 的容器。',
      why: '特权容器拥有全部 Linux capability，能看到宿主机 `/dev` 下的所有设备，也不受默认 seccomp 和 AppArmor 的限制。攻击者只要能在容器里执行代码，就可以加载内核模块、挂载宿主机文件系统，进而接管整个节点以及上面的所有 Pod。Pod 安全标准的 Baseline 和 Restricted 级别都禁止特权容器，启用了这些标准的命名空间会直接拒绝该 Pod。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext:\n      privileged: true\n',
      instead: '去掉 `privileged`，只授予进程真正需要的 capability：\n\n```yaml\nsecurityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]\n```\n\n特权容器只留给确实需要访问宿主机的节点组件（CNI、存储驱动等），并放在专门的命名空间里。',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
    'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const sc = child(c.node, 'securityContext');
        if (isTrue(sc, 'privileged')) ctx.report(pair(sc, 'privileged'), { container: c.name ?? `${c.list}[${c.index}]` });
      }
    }
  },
};
