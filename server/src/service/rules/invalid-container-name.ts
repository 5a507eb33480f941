import { dns1123LabelProblem, isTemplated, nameProblemText } from './addresses';
import type { Rule } from './types';
import { child, scalarValue } from './yamlAccess';

export const invalidContainerName: Rule = {
  id: 'invalid-container-name',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      `Container name "${d.name ?? ''}" is not a valid DNS-1123 label: ${nameProblemText(d.problem, 'en')}. The API server rejects the Pod. Use at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit.`,
    'zh-cn': (d) =>
      `容器名 "${d.name ?? ''}" 不是合法的 DNS-1123 标签：${nameProblemText(d.problem, 'zh-cn')}。API Server 会拒绝这个 Pod。请只用小写字母、数字和 "-"，以字母或数字开头和结尾，最多 63 个字符。`,
  },
  docs: {
    en: {
      what: 'A container, init container or ephemeral container whose `name` is not a DNS-1123 label: at most 63 characters of lowercase letters, digits and `-`, starting and ending with a letter or digit.',
      why: 'Container names become part of DNS-like identifiers, log paths and the kubelet\'s bookkeeping, so the API server validates them as DNS-1123 labels. A name with an uppercase letter, an underscore or a dot, a leading or trailing `-`, or more than 63 characters makes the whole Pod (or the workload\'s template) invalid: `kubectl apply` fails with `Invalid value` and nothing is created.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: Web_Server\n    image: nginx:1.27\n',
      instead: 'Use lowercase letters, digits and `-`:\n\n```yaml\ncontainers:\n- name: web-server\n  image: nginx:1.27\n```',
    },
    'zh-cn': {
      what: '容器、初始化容器或临时容器的 `name` 不是 DNS-1123 标签：最多 63 个字符，只能包含小写字母、数字和 `-`，并以字母或数字开头和结尾。',
      why: '容器名会出现在类似 DNS 的标识、日志路径和 kubelet 的内部记录中，所以 API Server 按 DNS-1123 标签校验它。名字里有大写字母、下划线或点，以 `-` 开头或结尾，或者超过 63 个字符，整个 Pod（或工作负载的模板）都不合法：`kubectl apply` 报 `Invalid value`，什么都不会创建。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: Web_Server\n    image: nginx:1.27\n',
      instead: '只用小写字母、数字和 `-`：\n\n```yaml\ncontainers:\n- name: web-server\n  image: nginx:1.27\n```',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names',
    'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const node = child(c.node, 'name');
        const name = scalarValue(node);
        if (typeof name !== 'string' || isTemplated(name)) continue;
        const problem = dns1123LabelProblem(name);
        if (problem) ctx.report(node, { name, problem, container: `${c.list}[${c.index}]` });
      }
    }
  },
};
