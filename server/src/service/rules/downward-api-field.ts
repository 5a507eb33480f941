import type { Node } from 'yaml';
import { closestField } from '../schema/suggest';
import { isTemplated } from './addresses';
import type { Rule, RuleContext } from './types';
import { child, mapsIn, scalarValue } from './yamlAccess';

/**
 * What the API server accepts in a downward API reference (its validation of
 * `fieldRef.fieldPath` and `resourceFieldRef.resource`): an environment
 * variable and a downwardAPI volume file read different sets of Pod fields.
 */
const BOTH = ['metadata.name', 'metadata.namespace', 'metadata.uid'];
export const ENV_FIELDS: ReadonlySet<string> = new Set([...BOTH, 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs']);
export const VOLUME_FIELDS: ReadonlySet<string> = new Set([...BOTH, 'metadata.labels', 'metadata.annotations']);
/** Fields the downward API knows but neither form may read (the API server's conversion accepts them). */
const KNOWN_ELSEWHERE = new Set(['spec.restartPolicy', 'spec.schedulerName', 'status.phase']);
/** The container resources resourceFieldRef reads; limits.hugepages-<size> and requests.hugepages-<size> too. */
export const RESOURCES: ReadonlySet<string> = new Set(['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage']);
const SUBSCRIPTED = /^([^[]*)\['(.*)'\]$/;

type Where = 'env' | 'volume';

/** Why a fieldPath is rejected where it is, or undefined when it is accepted. */
export function fieldPathProblem(path: string, where: Where): string | undefined {
  const sub = SUBSCRIPTED.exec(path);
  if (sub) return sub[1] === 'metadata.labels' || sub[1] === 'metadata.annotations' ? (sub[2] === '' ? 'empty-key' : undefined) : 'subscript';
  if ((where === 'env' ? ENV_FIELDS : VOLUME_FIELDS).has(path)) return undefined;
  if ((where === 'env' ? VOLUME_FIELDS : ENV_FIELDS).has(path)) return where === 'env' ? 'volume-only' : 'env-only';
  return KNOWN_ELSEWHERE.has(path) ? 'not-readable' : 'unknown';
}

function resourceProblem(resource: string): string | undefined {
  if (RESOURCES.has(resource) || /^(limits|requests)\.hugepages-./.test(resource)) return undefined;
  return 'resource';
}

/**
 * The accepted value closest to a misspelt one (`metadata.nmae` -> `metadata.name`,
 * `limits.memroy` -> `limits.memory`), for the quick fix; undefined when none is close.
 */
export function closestDownward(value: string, at: Where | 'resource'): string | undefined {
  const known = at === 'resource' ? [...RESOURCES] : [...(at === 'env' ? ENV_FIELDS : VOLUME_FIELDS)];
  const best = closestField(value, known);
  return best !== value ? best : undefined;
}

const allowed = (where: Where) => [...(where === 'env' ? ENV_FIELDS : VOLUME_FIELDS)].join(', ');

const EN: Record<string, (d: Readonly<Record<string, string | number>>) => string> = {
  'volume-only': (d) => `An environment variable cannot read "${d.value}": only a downwardAPI volume gets the whole set. Read one entry instead, as ${d.value}['<key>'], or mount a downwardAPI volume.`,
  'env-only': (d) => `A downwardAPI volume cannot read "${d.value}": only an environment variable can. Set it with env[].valueFrom.fieldRef instead.`,
  subscript: (d) => `"${d.value}" uses a ['key'] subscript, which only metadata.labels and metadata.annotations take.`,
  'empty-key': (d) => `"${d.value}" names no key: write the label or annotation key between the quotes.`,
  'not-readable': (d) => `The downward API does not expose "${d.value}" to containers. ${d.where === 'env' ? 'An environment variable' : 'A volume'} can read: ${d.allowed}.`,
  unknown: (d) => `"${d.value}" is not a field the downward API can read. ${d.where === 'env' ? 'An environment variable' : 'A volume'} can read: ${d.allowed}, and metadata.labels['<key>'] or metadata.annotations['<key>'].`,
  resource: (d) => `"${d.value}" is not a container resource the downward API can read: use limits.* or requests.* of cpu, memory, ephemeral-storage or hugepages-<size>.`,
};

const ZH: Record<string, (d: Readonly<Record<string, string | number>>) => string> = {
  'volume-only': (d) => `环境变量读不到 "${d.value}"：只有 downwardAPI 卷能拿到整组。请改为读取其中一项，如 ${d.value}['<key>']，或挂载一个 downwardAPI 卷。`,
  'env-only': (d) => `downwardAPI 卷读不到 "${d.value}"：只有环境变量可以。请改用 env[].valueFrom.fieldRef。`,
  subscript: (d) => `"${d.value}" 用了 ['key'] 下标，只有 metadata.labels 和 metadata.annotations 支持下标。`,
  'empty-key': (d) => `"${d.value}" 没有写键名：请在引号之间写上标签或注解的键。`,
  'not-readable': (d) => `Downward API 不会把 "${d.value}" 提供给容器。${d.where === 'env' ? '环境变量' : '卷'}可以读取：${d.allowed}。`,
  unknown: (d) => `"${d.value}" 不是 Downward API 能读取的字段。${d.where === 'env' ? '环境变量' : '卷'}可以读取：${d.allowed}，以及 metadata.labels['<key>'] 或 metadata.annotations['<key>']。`,
  resource: (d) => `"${d.value}" 不是 Downward API 能读取的容器资源：请用 cpu、memory、ephemeral-storage 或 hugepages-<大小> 的 limits.* 或 requests.*。`,
};

const EXAMPLE =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    env:\n    - name: POD_LABELS\n      valueFrom:\n        fieldRef:\n          fieldPath: metadata.labels\n';

export const downwardApiField: Rule = {
  id: 'downward-api-field',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) => `${(EN[d.problem as string] ?? EN.unknown)(d)} The API server rejects the Pod.`,
    'zh-cn': (d) => `${(ZH[d.problem as string] ?? ZH.unknown)(d)}API Server 会拒绝这个 Pod。`,
  },
  docs: {
    en: {
      what: 'A downward API reference the API server rejects: `fieldRef.fieldPath` naming a Pod field that this form cannot read (environment variables and downwardAPI volume files read different sets), a `[\'key\']` subscript on anything but `metadata.labels` or `metadata.annotations`, or `resourceFieldRef.resource` naming something other than a container\'s cpu, memory, ephemeral-storage or huge pages limit or request.',
      why: 'The two forms of the downward API do not read the same fields. An environment variable gets one value when the container starts: the Pod\'s name, namespace and uid, one label or annotation (`metadata.labels[\'app\']`), the node name, the service account, and the Pod\'s and node\'s IP addresses. A downwardAPI volume file is kept up to date, so it can hold all labels or all annotations (`metadata.labels`, one `key="value"` per line), but not the IP addresses or the node. Mixing them up, or misspelling a path, makes the whole Pod invalid: `kubectl apply` fails, and for a workload no Pod is created at all.',
      example: EXAMPLE,
      instead: 'Read one label into the variable, or mount all of them as a file:\n\n```yaml\nenv:\n- name: APP\n  valueFrom:\n    fieldRef:\n      fieldPath: metadata.labels[\'app\']\n```\n\n```yaml\nvolumes:\n- name: podinfo\n  downwardAPI:\n    items:\n    - path: labels\n      fieldRef:\n        fieldPath: metadata.labels\n```',
    },
    'zh-cn': {
      what: 'API Server 会拒绝的 Downward API 引用：`fieldRef.fieldPath` 指向了这种方式读不到的 Pod 字段（环境变量和 downwardAPI 卷文件能读的字段不同），在 `metadata.labels`、`metadata.annotations` 之外的字段上用了 `[\'key\']` 下标，或者 `resourceFieldRef.resource` 写的不是容器 cpu、memory、ephemeral-storage 或大页的 limit/request。',
      why: 'Downward API 的两种方式读取的字段并不相同。环境变量在容器启动时取一次值：Pod 的名字、命名空间和 uid，某一个标签或注解（`metadata.labels[\'app\']`），节点名，服务账号，以及 Pod 和节点的 IP 地址。downwardAPI 卷里的文件会随之更新，所以可以放下全部标签或全部注解（`metadata.labels`，每行一个 `key="value"`），但读不到 IP 地址和节点。把两者弄混或者写错路径，整个 Pod 都不合法：`kubectl apply` 会失败，工作负载则一个 Pod 也创建不出来。',
      example: EXAMPLE,
      instead: '把某一个标签读进变量，或者把全部标签挂载成文件：\n\n```yaml\nenv:\n- name: APP\n  valueFrom:\n    fieldRef:\n      fieldPath: metadata.labels[\'app\']\n```\n\n```yaml\nvolumes:\n- name: podinfo\n  downwardAPI:\n    items:\n    - path: labels\n      fieldRef:\n        fieldPath: metadata.labels\n```',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/pods/downward-api/',
    'https://kubernetes.io/docs/tasks/inject-data-application/environment-variable-expose-pod-information/',
    'https://kubernetes.io/docs/tasks/inject-data-application/downward-api-volume-expose-pod-information/',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        for (const env of mapsIn(child(c.node, 'env'))) {
          const from = child(env, 'valueFrom');
          if (!from) continue;
          checkField(ctx, child(child(from, 'fieldRef'), 'fieldPath'), 'env');
          checkResource(ctx, child(child(from, 'resourceFieldRef'), 'resource'));
        }
      }
      for (const volume of mapsIn(child(pod.node, 'volumes'))) {
        checkItems(ctx, child(child(volume, 'downwardAPI'), 'items'));
        for (const source of mapsIn(child(child(volume, 'projected'), 'sources'))) checkItems(ctx, child(child(source, 'downwardAPI'), 'items'));
      }
    }
  },
};

function checkItems(ctx: RuleContext, items: Node | undefined): void {
  for (const item of mapsIn(items)) {
    checkField(ctx, child(child(item, 'fieldRef'), 'fieldPath'), 'volume');
    checkResource(ctx, child(child(item, 'resourceFieldRef'), 'resource'));
  }
}

function checkField(ctx: RuleContext, node: Node | undefined, where: Where): void {
  const value = scalarValue(node);
  if (typeof value !== 'string' || value === '' || isTemplated(value)) return;
  const problem = fieldPathProblem(value, where);
  if (problem) ctx.report(node, { problem, value, where, allowed: allowed(where) });
}

function checkResource(ctx: RuleContext, node: Node | undefined): void {
  const value = scalarValue(node);
  if (typeof value !== 'string' || value === '' || isTemplated(value)) return;
  const problem = resourceProblem(value);
  if (problem) ctx.report(node, { problem, value });
}
