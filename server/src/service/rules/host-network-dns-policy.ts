import type { Rule } from './types';
import { isTrue, pair, stringOf } from './yamlAccess';

export const hostNetworkDnsPolicy: Rule = {
  id: 'host-network-dns-policy',
  category: 'correctness',
  severity: 'warning',
  message: {
    en: (d) =>
      `With hostNetwork, ${d.policy ? `dnsPolicy ${d.policy}` : 'the default dnsPolicy (ClusterFirst)'} does not send the Pod's queries to the cluster DNS (on the host network ClusterFirst falls back to the node's resolver), so cluster Service names (*.svc.cluster.local) do not resolve. Set dnsPolicy: ClusterFirstWithHostNet if the Pod talks to Services.`,
    'zh-cn': (d) =>
      `在 hostNetwork 下，${d.policy ? `dnsPolicy ${d.policy}` : '默认的 dnsPolicy（ClusterFirst）'}不会把 Pod 的 DNS 查询发给集群 DNS（在宿主机网络下 ClusterFirst 会退回到节点的解析配置），集群内的 Service 名称（*.svc.cluster.local）无法解析。如果 Pod 需要访问 Service，请设置 dnsPolicy: ClusterFirstWithHostNet。`,
  },
  docs: {
    en: {
      what: 'A pod spec with `hostNetwork: true` whose `dnsPolicy` is `ClusterFirst`, written or left as the default. `ClusterFirstWithHostNet`, and the deliberate `Default` and `None`, are not reported.',
      why: 'For a Pod on the host network, `ClusterFirst` falls back to `Default`: the Pod inherits the node\'s `/etc/resolv.conf` instead of pointing at the cluster DNS. Names such as `my-svc.my-namespace.svc.cluster.local` then fail to resolve and the application cannot reach other Services by name. Only `ClusterFirstWithHostNet` sends a host-network Pod\'s queries to the cluster DNS.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  hostNetwork: true\n  containers:\n  - name: agent\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n',
      instead: 'Ask for the cluster DNS explicitly:\n\n```yaml\nspec:\n  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n```\n\nIf the Pod should use only the node\'s DNS, say so with `dnsPolicy: Default` (or give a custom `dnsConfig` with `dnsPolicy: None`): a written choice is not reported.',
    },
    'zh-cn': {
      what: '设置了 `hostNetwork: true`，而 `dnsPolicy` 是 `ClusterFirst`（显式写出或不写时的默认值）的 Pod spec。`ClusterFirstWithHostNet` 以及有意选择的 `Default`、`None` 不会报告。',
      why: '对于使用宿主机网络的 Pod，`ClusterFirst` 会退化成 `Default`：Pod 继承节点的 `/etc/resolv.conf`，而不是指向集群 DNS。这样 `my-svc.my-namespace.svc.cluster.local` 这类名称就解析不了，应用无法通过名称访问其他 Service。只有 `ClusterFirstWithHostNet` 才会把宿主机网络 Pod 的查询发给集群 DNS。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  hostNetwork: true\n  containers:\n  - name: agent\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n',
      instead: '显式指定使用集群 DNS：\n\n```yaml\nspec:\n  hostNetwork: true\n  dnsPolicy: ClusterFirstWithHostNet\n```\n\n如果 Pod 只想用节点的 DNS，请明确写出 `dnsPolicy: Default`（或者用 `dnsPolicy: None` 配合自定义的 `dnsConfig`）：明确写出的选择不会报告。',
    },
  },
  references: ['https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy'],
  check(ctx) {
    for (const pod of ctx.pods) {
      if (!isTrue(pod.node, 'hostNetwork')) continue;
      const policyPair = pair(pod.node, 'dnsPolicy');
      const policy = stringOf(pod.node, 'dnsPolicy');
      // Default (the node's resolver) and None (dnsConfig) are deliberate choices; only ClusterFirst, written or
      // left as the default, silently stops resolving Service names on the host network.
      if (policy !== undefined && policy !== 'ClusterFirst') continue;
      ctx.report(policyPair ?? pair(pod.node, 'hostNetwork'), { policy: policy ?? '' });
    }
  },
};
