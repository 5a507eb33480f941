import { isTemplated } from './addresses';
import type { Rule } from './types';
import { child, mapsIn, scalarValue } from './yamlAccess';

/**
 * Two volumes of a Pod with one name, or two mounts of a container at one
 * path: the API server rejects both (`Duplicate value`, `must be unique`).
 */
export const duplicateVolume: Rule = {
  id: 'duplicate-volume',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      d.kind === 'volume'
        ? `Volume name "${d.value}" is already used by volumes[${d.first}]: volume names must be unique in a Pod, so the API server rejects it. Rename or remove one of them.`
        : `Container "${d.container}" already mounts volumeMounts[${d.first}] at "${d.value}": mount paths must be unique in a container, so the API server rejects the Pod. Mount the second volume elsewhere, or one volume with subPath.`,
    'zh-cn': (d) =>
      d.kind === 'volume'
        ? `卷名 "${d.value}" 已被 volumes[${d.first}] 使用：Pod 中的卷名必须唯一，API Server 会拒绝它。请给其中一个改名或删掉它。`
        : `容器 "${d.container}" 已经在 "${d.value}" 挂载了 volumeMounts[${d.first}]：同一容器内的挂载路径必须唯一，API Server 会拒绝这个 Pod。请把第二个卷挂到别处，或者用 subPath 挂载同一个卷。`,
  },
  docs: {
    en: {
      what: 'Two entries of a Pod\'s `volumes` with the same `name`, or two `volumeMounts` of one container with the same `mountPath`.',
      why: 'Containers mount volumes by name, so a name must mean one volume; and a directory of a container can hold one mount. The API server rejects either duplicate (`spec.volumes[1].name: Duplicate value`, `volumeMounts[1].mountPath: Invalid value: must be unique`): `kubectl apply` fails and a workload creates no Pods. Both usually come from copying a block and forgetting to change it.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - name: config\n      mountPath: /etc/nginx/conf.d\n    - name: certs\n      mountPath: /etc/nginx/conf.d\n  volumes:\n  - name: config\n    configMap: {name: web-config}\n  - name: certs\n    secret: {secretName: web-tls}\n',
      instead: 'One path per mount; to put files of two sources in one directory, use a projected volume:\n\n```yaml\n    volumeMounts:\n    - name: config\n      mountPath: /etc/nginx/conf.d\n  volumes:\n  - name: config\n    projected:\n      sources:\n      - configMap: {name: web-config}\n      - secret: {name: web-tls}\n```',
    },
    'zh-cn': {
      what: 'Pod 的 `volumes` 中有两个条目 `name` 相同，或者同一个容器的两个 `volumeMounts` 的 `mountPath` 相同。',
      why: '容器按名字挂载卷，所以一个名字只能对应一个卷；容器里的一个目录也只能放一个挂载。API Server 会拒绝这两种重复（`spec.volumes[1].name: Duplicate value`、`volumeMounts[1].mountPath: Invalid value: must be unique`）：`kubectl apply` 失败，工作负载一个 Pod 也创建不出来。这通常是复制了一段配置却忘了修改。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    volumeMounts:\n    - name: config\n      mountPath: /etc/nginx/conf.d\n    - name: certs\n      mountPath: /etc/nginx/conf.d\n  volumes:\n  - name: config\n    configMap: {name: web-config}\n  - name: certs\n    secret: {secretName: web-tls}\n',
      instead: '每个挂载用自己的路径；要把两个来源的文件放进同一个目录，请用 projected 卷：\n\n```yaml\n    volumeMounts:\n    - name: config\n      mountPath: /etc/nginx/conf.d\n  volumes:\n  - name: config\n    projected:\n      sources:\n      - configMap: {name: web-config}\n      - secret: {name: web-tls}\n```',
    },
  },
  references: ['https://kubernetes.io/docs/concepts/storage/volumes/', 'https://kubernetes.io/docs/concepts/storage/projected-volumes/'],
  check(ctx) {
    for (const pod of ctx.pods) {
      const names = new Map<string, number>();
      mapsIn(child(pod.node, 'volumes')).forEach((volume, index) => {
        const node = child(volume, 'name');
        const name = scalarValue(node);
        if (typeof name !== 'string' || name === '' || isTemplated(name)) return;
        const first = names.get(name);
        if (first !== undefined) ctx.report(node, { kind: 'volume', value: name, first });
        else names.set(name, index);
      });
      for (const c of pod.containers) {
        const paths = new Map<string, number>();
        mapsIn(child(c.node, 'volumeMounts')).forEach((mount, index) => {
          const node = child(mount, 'mountPath');
          const path = scalarValue(node);
          if (typeof path !== 'string' || path === '' || isTemplated(path)) return;
          const first = paths.get(path);
          if (first !== undefined) ctx.report(node, { kind: 'mount', value: path, first, container: c.name ?? `${c.list}[${c.index}]` });
          else paths.set(path, index);
        });
      }
    }
  },
};
