import { isSeq } from 'yaml';
import { isTemplated } from './addresses';
import type { Rule } from './types';
import { child, numberOf, scalarValue, stringOf } from './yamlAccess';

export const duplicateContainerPort: Rule = {
  id: 'duplicate-container-port',
  category: 'correctness',
  severity: 'warning',
  message: {
    en: (d) =>
      d.kind === 'name'
        ? `Port name "${d.value ?? ''}" is already used by ports[${d.first ?? '?'}] of container "${d.container ?? ''}": port names must be unique, so the API server rejects the Pod. Rename or remove one of them.`
        : `containerPort ${d.value ?? ''} is already declared by ports[${d.first ?? '?'}] of container "${d.container ?? ''}": the API server only warns, but the entry is redundant and kubectl apply merges ports by containerPort, so one of them can silently disappear on update. Remove the duplicate.`,
    'zh-cn': (d) =>
      d.kind === 'name'
        ? `端口名 "${d.value ?? ''}" 已被容器 "${d.container ?? ''}" 的 ports[${d.first ?? '?'}] 使用：端口名必须唯一，API Server 会拒绝这个 Pod。请给其中一个改名或删掉它。`
        : `containerPort ${d.value ?? ''} 已在容器 "${d.container ?? ''}" 的 ports[${d.first ?? '?'}] 中声明：API Server 只会警告，但这个条目是多余的，而 kubectl apply 按 containerPort 合并端口，更新时其中一个可能悄悄消失。请删掉重复的条目。`,
  },
  docs: {
    en: {
      what: 'A container whose `ports` list declares the same `containerPort` with the same `protocol` twice (`protocol` defaults to `TCP`; entries publishing it on different `hostPort`s or `hostIP`s are distinct), or uses the same port `name` twice.',
      why: 'A duplicate port name makes the Pod invalid: Services and probes refer to ports by name, so the API server rejects it with `Duplicate value`. A duplicate number with the same protocol is accepted with a warning (`duplicate port definition`), but it declares nothing new, and since `kubectl apply` merges `ports` entries by `containerPort`, edits to one of the two entries can be lost or applied to the other. It is usually a copy-and-paste slip where the second entry was meant to be a different port.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - name: http\n      containerPort: 80\n    - name: metrics\n      containerPort: 80\n',
      instead: 'Declare each port once, with its own name:\n\n```yaml\nports:\n- name: http\n  containerPort: 80\n- name: metrics\n  containerPort: 9090\n```\n\nThe same number with different protocols (`TCP` and `UDP`, as DNS servers use) is fine.',
    },
    'zh-cn': {
      what: '容器的 `ports` 列表中同一个 `containerPort` 以相同的 `protocol`（默认 `TCP`）声明了两次（映射到不同 `hostPort` 或 `hostIP` 的条目不算重复），或者同一个端口 `name` 用了两次。',
      why: '端口名重复会让 Pod 不合法：Service 和探针按名字引用端口，API Server 会以 `Duplicate value` 拒绝它。同协议的端口号重复会被接受，但会给出 `duplicate port definition` 警告；它没有声明任何新东西，而且 `kubectl apply` 按 `containerPort` 合并 `ports` 条目，对其中一个条目的修改可能丢失或被应用到另一个上。这通常是复制粘贴时的疏忽，第二个条目本来应该是别的端口。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - name: http\n      containerPort: 80\n    - name: metrics\n      containerPort: 80\n',
      instead: '每个端口只声明一次，各用各的名字：\n\n```yaml\nports:\n- name: http\n  containerPort: 80\n- name: metrics\n  containerPort: 9090\n```\n\n同一个端口号配不同的协议（比如 DNS 服务同时用 `TCP` 和 `UDP`）是没问题的。',
    },
  },
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports',
    'https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const ports = child(c.node, 'ports');
        if (!isSeq(ports)) continue;
        const container = c.name ?? `${c.list}[${c.index}]`;
        const numbers = new Map<string, number>();
        const names = new Map<string, number>();
        ports.items.forEach((port, index) => {
          const nameNode = child(port, 'name');
          const name = scalarValue(nameNode);
          if (typeof name === 'string' && name !== '' && !isTemplated(name)) {
            const seen = names.get(name);
            if (seen !== undefined) ctx.report(nameNode, { kind: 'name', value: name, first: seen, container });
            else names.set(name, index);
          }
          const number = numberOf(port, 'containerPort');
          if (number === undefined) return;
          const protocol = stringOf(port, 'protocol') ?? 'TCP';
          if (isTemplated(protocol)) return;
          // Same hostPort and hostIP too: one container port published on two host ports is legitimate.
          const key = `${number}/${protocol}/${numberOf(port, 'hostPort') ?? 0}/${stringOf(port, 'hostIP') ?? ''}`;
          const seen = numbers.get(key);
          if (seen !== undefined) ctx.report(child(port, 'containerPort'), { kind: 'number', value: number, first: seen, container });
          else numbers.set(key, index);
        });
      }
    }
  },
};
