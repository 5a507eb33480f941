import type { Rule } from './types';
import { child, scalarValue } from './yamlAccess';

const EXAMPLE = `apiVersion: v1
kind: Pod
metadata:
  name: web-0
  uid: 6b1f0c2e-9a53-4d7e-8f0e-2f4d1c9b7a10
  creationTimestamp: "2026-11-20T08:14:03Z"
spec:
  nodeName: worker-3
  containers:
  - name: app
    image: registry.example.com/shop/web:2.4.1
status:
  phase: Unknown
`;

export const podPhaseUnknown: Rule = {
  id: 'pod-phase-unknown',
  category: 'status',
  severity: 'info',
  message: {
    en: () =>
      'Phase Unknown is abnormal: the kubelet cannot report this Pod to the API server, usually because its node lost contact with the control plane (node down, network partition, kubelet stopped). The Pod may still be running there. Check kubectl get nodes and the node\'s conditions. Current kubelets no longer set this phase (upstream deprecates it), so seeing it means an old cluster or a tool that maps lost nodes to Unknown.',
    'zh-cn': () =>
      'phase 为 Unknown 属于异常：kubelet 无法向 API server 汇报这个 Pod，通常是它所在的节点与控制面失去了联系（节点宕机、网络分区、kubelet 停了）。Pod 可能仍在那个节点上运行。请用 kubectl get nodes 检查节点及其状况（conditions）。当前版本的 kubelet 已不再设置这个 phase（上游已将其废弃），看到它说明集群版本很老，或者是某个工具把失联节点上的 Pod 映射成了 Unknown。',
  },
  docs: {
    en: {
      what: 'A Pod in `kubectl get -o yaml` output whose `status.phase` is `Unknown`.',
      why: '`Unknown` means the Pod\'s real state could not be obtained: the kubelet on its node could not keep reporting to the API server, typically a broken link between the node and the control plane (node down, network partition, kubelet stopped). The Pod may still be running on that node even though the API cannot see it, so deleting it or starting a replacement elsewhere can leave two copies alive, which matters for StatefulSets and anything holding a lock or a volume. Upstream marks the value deprecated: current clusters do not set it, but mark the node\'s Pods not ready and taint the node (`node.kubernetes.io/unreachable`) while `status.phase` keeps its last reported value. Seeing `Unknown` in the YAML therefore means an old cluster, or a tool that maps Pods on lost nodes to `Unknown`.',
      example: EXAMPLE,
      instead: 'Check the node: `kubectl get nodes`, then `kubectl describe node <node>` (its `Ready` condition, the `node.kubernetes.io/unreachable` taint, the last heartbeat). Fix the kubelet or the network; force-delete the Pod only when you know the node is really gone.',
    },
    'zh-cn': {
      what: '`kubectl get -o yaml` 输出中 `status.phase` 为 `Unknown` 的 Pod。',
      why: '`Unknown` 表示拿不到 Pod 的真实状态：它所在节点上的 kubelet 没法持续向 API server 汇报，通常是节点与控制面之间的通信出了问题（节点宕机、网络分区、kubelet 停了）。API 看不到，不代表 Pod 没在跑：它可能仍在那个节点上运行，这时删掉它或在别处拉起替代者，可能出现两份实例同时存活，对 StatefulSet 或持有锁、独占卷的应用尤其危险。上游已把这个值标为废弃：当前的集群不再设置它，而是把该节点上的 Pod 标记为未就绪、给节点打上 `node.kubernetes.io/unreachable` 污点，`status.phase` 保留最后一次上报的值。所以在 YAML 里看到 `Unknown`，说明集群版本很老，或者是某个工具把失联节点上的 Pod 映射成了 `Unknown`。',
      example: EXAMPLE,
      instead: '检查节点：先 `kubectl get nodes`，再 `kubectl describe node <node>`（看 `Ready` 条件、`node.kubernetes.io/unreachable` 污点和最后一次心跳）。修好 kubelet 或网络；只有确认节点真的没了，才强制删除 Pod。',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
    'https://kubernetes.io/docs/reference/node/node-status/#condition',
  ],
  check(ctx) {
    if (ctx.resource.kind.kind !== 'Pod') return;
    const phase = child(child(ctx.resource.node, 'status'), 'phase');
    if (scalarValue(phase) === 'Unknown') ctx.report(phase);
  },
};
