import type { Node, YAMLMap } from 'yaml';
import { isTemplated, nameProblemText, portNameProblem } from './addresses';
import type { Rule } from './types';
import { child, mapsIn, scalarValue } from './yamlAccess';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;

/** A probe's or lifecycle hook's `port` value node, with where it sits. */
export interface HandlerPort {
  readonly node: Node;
  readonly where: string;
  /** `grpc.port` is a plain integer: never a name. */
  readonly numericOnly: boolean;
}

const PROBE_HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;
const HOOK_HANDLERS = ['httpGet', 'tcpSocket'] as const;
const NONE: readonly HandlerPort[] = [];

/**
 * The `port` of every httpGet/tcpSocket/grpc action of a container's probes
 * and lifecycle hooks. Two rules ask for every container of every document:
 * nothing is allocated for a container without such ports.
 */
export function handlerPorts(container: YAMLMap): readonly HandlerPort[] {
  let out: HandlerPort[] | undefined;
  for (const probe of PROBES) out = addPorts(out, child(container, probe), '', probe, PROBE_HANDLERS);
  const lifecycle = child(container, 'lifecycle');
  if (lifecycle) for (const hook of HOOKS) out = addPorts(out, child(lifecycle, hook), 'lifecycle.', hook, HOOK_HANDLERS);
  return out ?? NONE;
}

function addPorts(out: HandlerPort[] | undefined, owner: unknown, prefix: string, name: string, handlers: readonly string[]): HandlerPort[] | undefined {
  if (!owner) return out;
  for (const handler of handlers) {
    const node = child(child(owner, handler), 'port');
    if (node) (out ??= []).push({ node, where: `${prefix}${name}.${handler}.port`, numericOnly: handler === 'grpc' });
  }
  return out;
}

export const invalidPortName: Rule = {
  id: 'invalid-port-name',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      `Port name "${d.name ?? ''}" is not a valid IANA service name: ${nameProblemText(d.problem, 'en', 15)}. The API server rejects the Pod. Use at most 15 lowercase letters, digits and "-", with at least one letter, no "-" at either end and no "--".`,
    'zh-cn': (d) =>
      `端口名 "${d.name ?? ''}" 不是合法的 IANA 服务名：${nameProblemText(d.problem, 'zh-cn', 15)}。API Server 会拒绝这个 Pod。请只用小写字母、数字和 "-"，最多 15 个字符，至少包含一个字母，不能以 "-" 开头或结尾，也不能有 "--"。`,
  },
  docs: {
    en: {
      what: 'A container `ports[].name`, or a probe or lifecycle hook `httpGet.port` / `tcpSocket.port` written as a name, that is not an IANA service name: at most 15 characters of lowercase letters, digits and `-`, containing at least one letter, not starting or ending with `-` and without `--`.',
      why: 'Port names are looked up by Services (`targetPort: http`) and probes, and the API server validates them against the IANA service name syntax (RFC 6335). Names like `http_api`, `HTTP`, `metrics-endpoint-v2` (16 characters) or `web--admin` make the Pod invalid and `kubectl apply` fails; a probe port name that breaks the rule is rejected the same way.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - name: http_api\n      containerPort: 8080\n',
      instead: 'Shorten or reword the name:\n\n```yaml\nports:\n- name: http-api\n  containerPort: 8080\n```\n\nand refer to it by the same name from probes and Services.',
    },
    'zh-cn': {
      what: '容器的 `ports[].name`，或者探针、生命周期钩子里写成名称的 `httpGet.port` / `tcpSocket.port`，不是 IANA 服务名：最多 15 个字符，只能包含小写字母、数字和 `-`，至少有一个字母，不能以 `-` 开头或结尾，也不能包含 `--`。',
      why: 'Service（`targetPort: http`）和探针会按名字查找端口，API Server 按 IANA 服务名语法（RFC 6335）校验端口名。像 `http_api`、`HTTP`、`metrics-endpoint-v2`（16 个字符）或 `web--admin` 这样的名字会让 Pod 不合法，`kubectl apply` 直接失败；探针里不合规的端口名也一样被拒绝。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - name: http_api\n      containerPort: 8080\n',
      instead: '缩短或改写端口名：\n\n```yaml\nports:\n- name: http-api\n  containerPort: 8080\n```\n\n探针和 Service 里用同一个名字引用它。',
    },
  },
  references: [
    'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#ports',
    'https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        for (const port of mapsIn(child(c.node, 'ports'))) {
          const node = child(port, 'name');
          const name = scalarValue(node);
          // An empty name means "no name", which is allowed.
          if (typeof name !== 'string' || name === '' || isTemplated(name)) continue;
          const problem = portNameProblem(name);
          if (problem) ctx.report(node, { name, problem });
        }
        for (const p of handlerPorts(c.node)) {
          const name = scalarValue(p.node);
          // Digit-only strings are numbers written as strings: the schema's business.
          if (p.numericOnly || typeof name !== 'string' || name === '' || /^\d+$/.test(name) || isTemplated(name)) continue;
          const problem = portNameProblem(name);
          if (problem) ctx.report(p.node, { name, problem, where: p.where });
        }
      }
    }
  },
};
