import type { YAMLMap } from 'yaml';
import { closestField } from '../schema/suggest';
import { isTemplated } from './addresses';
import type { PodSpecView, Rule, RuleContext } from './types';
import { child, mapsIn, scalarValue } from './yamlAccess';

/** The volumes a container of this pod spec may mount: `spec.volumes`, and for a StatefulSet the claims its `volumeClaimTemplates` make for every Pod. */
export function declaredVolumes(ctx: Pick<RuleContext, 'resource'>, pod: PodSpecView): string[] {
  const names: string[] = [];
  for (const v of mapsIn(child(pod.node, 'volumes'))) {
    const name = scalarValue(child(v, 'name'));
    if (typeof name === 'string') names.push(name);
  }
  if (ctx.resource.kind.kind === 'StatefulSet') {
    for (const t of mapsIn(child(child(ctx.resource.node, 'spec'), 'volumeClaimTemplates'))) {
      const name = scalarValue(child(child(t, 'metadata'), 'name'));
      if (typeof name === 'string') names.push(name);
    }
  }
  return names;
}

export const unknownVolumeMount: Rule = {
  id: 'unknown-volume-mount',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      `Container "${d.container}" mounts volume "${d.name}", which this Pod does not declare in spec.volumes${d.statefulSet ? ' or volumeClaimTemplates' : ''}${d.closest ? ` (did you mean "${d.closest}"?)` : ''}. The API server rejects the Pod ("Not found"). Declare the volume, or fix the name.`,
    'zh-cn': (d) =>
      `容器 "${d.container}" 挂载了卷 "${d.name}"，但这个 Pod 没有在 spec.volumes${d.statefulSet ? ' 或 volumeClaimTemplates' : ''} 中声明它${d.closest ? `（是不是想写 "${d.closest}"？）` : ''}。API Server 会拒绝这个 Pod（"Not found"）。请声明这个卷，或改正名字。`,
  },
  docs: {
    en: {
      what: 'A `volumeMounts[].name` (or `volumeDevices[].name`) of a container, init container or ephemeral container that names no volume of the Pod: none in `spec.volumes`, nor, in a StatefulSet, in `spec.volumeClaimTemplates`.',
      why: 'A volume is declared once per Pod and mounted by name in each container that needs it. A mount whose name matches no volume makes the whole Pod invalid: the API server answers `spec.containers[0].volumeMounts[0].name: Not found`, `kubectl apply` fails, and a workload creates no Pods at all. It usually comes from renaming a volume in one place only, or a typo. Only an admission webhook that adds the volume itself (some sidecar injectors do) makes such a manifest work.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - name: html\n      mountPath: /usr/share/nginx/html\n  volumes:\n  - name: content\n    emptyDir: {}\n',
      instead: 'Mount the volume by the name it is declared with:\n\n```yaml\n    volumeMounts:\n    - name: content\n      mountPath: /usr/share/nginx/html\n  volumes:\n  - name: content\n    emptyDir: {}\n```',
    },
    'zh-cn': {
      what: '容器、初始化容器或临时容器的 `volumeMounts[].name`（或 `volumeDevices[].name`）写的名字不是这个 Pod 的任何卷：`spec.volumes` 中没有，StatefulSet 的 `spec.volumeClaimTemplates` 中也没有。',
      why: '卷在 Pod 里声明一次，各个需要它的容器按名字挂载。挂载的名字对不上任何卷，整个 Pod 就不合法：API Server 会回答 `spec.containers[0].volumeMounts[0].name: Not found`，`kubectl apply` 失败，工作负载一个 Pod 也创建不出来。常见原因是只在一处改了卷名，或者拼写错误。只有自己添加这个卷的准入 Webhook（有些 sidecar 注入器会这样做）才能让这样的清单生效。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - name: html\n      mountPath: /usr/share/nginx/html\n  volumes:\n  - name: content\n    emptyDir: {}\n',
      instead: '按声明时的名字挂载卷：\n\n```yaml\n    volumeMounts:\n    - name: content\n      mountPath: /usr/share/nginx/html\n  volumes:\n  - name: content\n    emptyDir: {}\n```',
    },
  },
  references: ['https://kubernetes.io/docs/concepts/storage/volumes/', 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates'],
  check(ctx) {
    for (const pod of ctx.pods) {
      const volumes = declaredVolumes(ctx, pod);
      const known = new Set(volumes);
      for (const c of pod.containers) {
        for (const list of ['volumeMounts', 'volumeDevices'] as const) {
          for (const mount of mapsIn(child(c.node, list))) checkMount(ctx, mount, known, volumes, c.name ?? `${c.list}[${c.index}]`);
        }
      }
    }
  },
};

function checkMount(ctx: RuleContext, mount: YAMLMap, known: ReadonlySet<string>, volumes: readonly string[], container: string): void {
  const node = child(mount, 'name');
  const name = scalarValue(node);
  if (typeof name !== 'string' || name === '' || isTemplated(name) || known.has(name)) return;
  ctx.report(node, { name, container, closest: closestField(name, volumes) ?? '', statefulSet: ctx.resource.kind.kind === 'StatefulSet' ? 1 : 0 });
}
