import type { Rule } from './types';
import { pair } from './yamlAccess';

export const nodeNameSet: Rule = {
  id: 'node-name-set',
  category: 'reliability',
  severity: 'warning',
  message: {
    en: (d) =>
      `nodeName binds this Pod to node "${d.node}" directly: the scheduler is bypassed (no resource, taint or affinity checks) and the Pod fails if that node rejects it. Use nodeSelector or node affinity unless you are debugging.`,
    'zh-cn': (d) =>
      `nodeName 把 Pod 直接绑定到节点 "${d.node}"：绕过了调度器（不检查资源、污点和亲和性），该节点拒绝时 Pod 就会失败。除非是在调试，请改用 nodeSelector 或节点亲和性。`,
  },
  docs: {
    en: {
      what: 'A pod spec that sets `nodeName`.',
      why: 'Setting `nodeName` tells Kubernetes the Pod is already scheduled: the scheduler never sees it, so resource fit, `NoSchedule` taints, affinity and topology spread are not checked. The kubelet on that node admits or rejects the Pod on its own (for example `OutOfcpu`), and a rejected Pod fails instead of being placed elsewhere. If the node does not exist the Pod never runs. The seed notes describe the field as "mainly for debugging".',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeName: worker-3\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: 'Let the scheduler choose, constrained by labels:\n\n```yaml\nspec:\n  nodeSelector:\n    kubernetes.io/hostname: worker-3\n```\n\nor a `nodeAffinity` rule. Keep `nodeName` for debugging a specific node.',
    },
    'zh-cn': {
      what: '设置了 `nodeName` 的 Pod spec。',
      why: '设置 `nodeName` 等于告诉 Kubernetes 这个 Pod 已经调度好了：调度器根本看不到它，不会检查资源是否足够、`NoSchedule` 污点、亲和性和拓扑分布。只由该节点上的 kubelet 自己决定接收还是拒绝（例如 `OutOfcpu`），被拒绝的 Pod 直接失败，不会换个节点。节点不存在时 Pod 永远不会运行。学习笔记里说这个字段“主要是调试用的”。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  nodeName: worker-3\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: '让调度器来选节点，用标签加以约束：\n\n```yaml\nspec:\n  nodeSelector:\n    kubernetes.io/hostname: worker-3\n```\n\n或者使用 `nodeAffinity`。`nodeName` 只留给针对某个节点的调试。',
    },
  },
  references: ['https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename'],
  check(ctx) {
    // In `kubectl get -o yaml` output the scheduler wrote nodeName: nothing to say.
    if (ctx.resource.live) return;
    for (const pod of ctx.pods) {
      const p = pair(pod.node, 'nodeName');
      const value = p?.value as { value?: unknown } | undefined;
      if (p && typeof value?.value === 'string' && value.value !== '') ctx.report(p, { node: value.value });
    }
  },
};
