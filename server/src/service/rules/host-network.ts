import type { Rule } from './types';
import { isTrue, pair } from './yamlAccess';

export const hostNetwork: Rule = {
  id: 'host-network',
  category: 'security',
  severity: 'warning',
  message: {
    en: () =>
      'hostNetwork puts this Pod in the node\'s network namespace: it sees all node interfaces and traffic, can bind any node port, and bypasses NetworkPolicy; Baseline Pod Security forbids it. Remove it unless this is a node-level agent.',
    'zh-cn': () =>
      'hostNetwork 让 Pod 使用节点的网络命名空间：能看到节点所有网卡和流量、能监听节点上任意端口，并且绕过 NetworkPolicy；Baseline 级别的 Pod 安全标准禁止这样做。除非是节点级的代理程序，请删除它。',
  },
  docs: {
    en: {
      what: 'A pod spec that sets `hostNetwork: true`.',
      why: 'The Pod gets no network namespace of its own: its containers use the node\'s interfaces, IP address and ports directly. They can listen on any node port (and clash with other Pods or node services), reach services bound to the node\'s localhost, observe node traffic, and NetworkPolicy no longer isolates them. The Baseline and Restricted Pod Security Standards forbid host namespaces, so a namespace enforcing them rejects the Pod.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: 'Leave `hostNetwork` unset and expose the Pod through a Service:\n\n```yaml\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n```\n\nKeep `hostNetwork: true` only for node-level agents (CNI, node exporters) in a privileged namespace.',
    },
    'zh-cn': {
      what: '设置了 `hostNetwork: true` 的 Pod spec。',
      why: 'Pod 没有自己的网络命名空间：容器直接使用节点的网卡、IP 地址和端口。它们可以监听节点上任意端口（可能和其他 Pod 或节点上的服务冲突），能访问只绑定在节点 localhost 上的服务，能观察节点的网络流量，NetworkPolicy 也不再能隔离它们。Pod 安全标准的 Baseline 和 Restricted 级别都禁止使用宿主机命名空间，启用了这些级别的命名空间会拒绝这个 Pod。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: '不要设置 `hostNetwork`，通过 Service 暴露 Pod：\n\n```yaml\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n```\n\n只有节点级代理（CNI 插件、节点监控 exporter 等）才在有特权的命名空间里使用 `hostNetwork: true`。',
    },
  },
  references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline'],
  check(ctx) {
    for (const pod of ctx.pods) if (isTrue(pod.node, 'hostNetwork')) ctx.report(pair(pod.node, 'hostNetwork'));
  },
};
