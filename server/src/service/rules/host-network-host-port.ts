import type { Rule } from './types';
import { child, isTrue, mapsIn, numberOf } from './yamlAccess';

/**
 * With `hostNetwork: true` a container listens on the node's own interfaces,
 * so the port it declares is the node's port: `hostPort`, when written, must
 * equal `containerPort` (the API server fills it in when it is left out).
 */
export const hostNetworkHostPort: Rule = {
  id: 'host-network-host-port',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      `With hostNetwork, container "${d.container}" listens on the node's port ${d.containerPort} itself: there is no mapping, so hostPort ${d.hostPort} must equal containerPort and the API server rejects the Pod. Remove hostPort (it is filled in with ${d.containerPort}) or set it to ${d.containerPort}.`,
    'zh-cn': (d) =>
      `在 hostNetwork 下，容器 "${d.container}" 直接监听节点的 ${d.containerPort} 端口：没有端口映射，所以 hostPort ${d.hostPort} 必须等于 containerPort，API Server 会拒绝这个 Pod。请删掉 hostPort（会自动填成 ${d.containerPort}），或把它设为 ${d.containerPort}。`,
  },
  docs: {
    en: {
      what: 'A container port with a `hostPort` different from its `containerPort`, in a pod spec with `hostNetwork: true`.',
      why: 'On the host network a container shares the node\'s network namespace: it binds the node\'s interfaces directly, and nothing translates one port into another. `hostPort` can therefore only repeat `containerPort`; the API server rejects any other value (`must match containerPort when hostNetwork is true`), and a workload creates no Pods. A `hostPort` written to move the port (as it would without `hostNetwork`) has to become a change to the port the application listens on. Two Pods with the same port cannot share a node either way.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  hostNetwork: true\n  containers:\n  - name: agent\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n',
      instead: 'Leave `hostPort` out (the API server sets it to `containerPort`), or, to serve on 8080, make the application listen there:\n\n```yaml\n    ports:\n    - containerPort: 8080\n```',
    },
    'zh-cn': {
      what: '在 `hostNetwork: true` 的 Pod spec 中，某个容器端口的 `hostPort` 与 `containerPort` 不同。',
      why: '在宿主机网络下，容器与节点共用网络命名空间：它直接绑定节点的网卡，中间没有任何端口转换。因此 `hostPort` 只能重复 `containerPort`；其他取值都会被 API Server 拒绝（`must match containerPort when hostNetwork is true`），工作负载一个 Pod 也创建不出来。原本想用 `hostPort` 换一个端口（不开 `hostNetwork` 时可以这样做），现在只能改应用自己监听的端口。无论哪种方式，同一端口的两个 Pod 都不能放在同一个节点上。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: agent\nspec:\n  hostNetwork: true\n  containers:\n  - name: agent\n    image: nginx:1.27\n    ports:\n    - containerPort: 80\n      hostPort: 8080\n',
      instead: '去掉 `hostPort`（API Server 会把它设成 `containerPort`）；如果要在 8080 提供服务，就让应用监听 8080：\n\n```yaml\n    ports:\n    - containerPort: 8080\n```',
    },
  },
  references: ['https://kubernetes.io/docs/concepts/workloads/pods/#pod-networking', 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports'],
  check(ctx) {
    for (const pod of ctx.pods) {
      if (!isTrue(pod.node, 'hostNetwork')) continue;
      for (const c of pod.containers) {
        for (const port of mapsIn(child(c.node, 'ports'))) {
          const hostPort = numberOf(port, 'hostPort');
          const containerPort = numberOf(port, 'containerPort');
          if (hostPort === undefined || hostPort === 0 || containerPort === undefined || hostPort === containerPort) continue;
          ctx.report(child(port, 'hostPort'), { container: c.name ?? `${c.list}[${c.index}]`, hostPort, containerPort });
        }
      }
    }
  },
};
