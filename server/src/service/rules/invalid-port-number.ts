import { handlerPorts } from './invalid-port-name';
import type { Rule } from './types';
import { child, mapsIn, scalarValue } from './yamlAccess';

export const invalidPortNumber: Rule = {
  id: 'invalid-port-number',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      `${d.field ?? 'This port'} is ${d.port ?? 'out of range'}, outside 1-65535${d.field === 'hostPort' ? ' (0 means no host port)' : ''}. The API server rejects the Pod. Use the port number the application really listens on.`,
    'zh-cn': (d) =>
      `${d.field ?? '端口'} 的值 ${d.port ?? ''} 不在 1-65535 范围内${d.field === 'hostPort' ? '（0 表示不使用宿主机端口）' : ''}。API Server 会拒绝这个 Pod。请填写应用实际监听的端口号。`,
  },
  docs: {
    en: {
      what: 'A container `ports[].containerPort` or `ports[].hostPort`, or a numeric probe or lifecycle hook port (`httpGet.port`, `tcpSocket.port`, `grpc.port`), outside 1-65535. `hostPort: 0` is allowed: it means "no host port".',
      why: 'TCP, UDP and SCTP ports are 16-bit numbers and 0 is not a usable port, so the API server rejects any other value with `must be between 1 and 65535, inclusive` and the Pod is never created. Values like `80800` or `-1` are typos or leftovers from templating.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80800\n',
      instead: 'Write the port the application listens on:\n\n```yaml\nports:\n- containerPort: 8080\n```\n\nOmit `hostPort` (or leave it at 0) unless the Pod must be reachable on the node\'s own port.',
    },
    'zh-cn': {
      what: '容器的 `ports[].containerPort` 或 `ports[].hostPort`，或者探针、生命周期钩子里以数字写的端口（`httpGet.port`、`tcpSocket.port`、`grpc.port`）不在 1-65535 范围内。`hostPort: 0` 是允许的，表示“不使用宿主机端口”。',
      why: 'TCP、UDP 和 SCTP 端口都是 16 位数字，0 也不是可用端口，所以 API Server 会以 `must be between 1 and 65535, inclusive` 拒绝其他值，Pod 根本不会被创建。像 `80800` 或 `-1` 这样的值通常是笔误或模板替换留下的残渣。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - containerPort: 80800\n',
      instead: '填写应用实际监听的端口：\n\n```yaml\nports:\n- containerPort: 8080\n```\n\n除非 Pod 必须通过节点自己的端口访问，否则不要设置 `hostPort`（或保持为 0）。',
    },
  },
  references: ['https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports'],
  check(ctx) {
    const valid = (n: number) => n >= 1 && n <= 65535;
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        for (const port of mapsIn(child(c.node, 'ports'))) {
          for (const field of ['containerPort', 'hostPort'] as const) {
            const node = child(port, field);
            const n = scalarValue(node);
            // Non-numbers and fractions are invalid-type, reported by the schema checks.
            if (typeof n !== 'number' || !Number.isInteger(n)) continue;
            if (field === 'hostPort' && n === 0) continue;
            if (!valid(n)) ctx.report(node, { field, port: n });
          }
        }
        for (const p of handlerPorts(c.node)) {
          const n = scalarValue(p.node);
          if (typeof n === 'number' && Number.isInteger(n) && !valid(n)) ctx.report(p.node, { field: p.where, port: n });
        }
      }
    }
  },
};
