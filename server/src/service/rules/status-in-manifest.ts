import type { Rule } from './types';
import { pair } from './yamlAccess';

export const statusInManifest: Rule = {
  id: 'status-in-manifest',
  category: 'status',
  severity: 'info',
  message: {
    en: () => 'status is written by the system (controllers and the kubelet) and ignored on apply, so nothing here takes effect. Remove it from the manifest.',
    'zh-cn': () => 'status 由系统（控制器和 kubelet）写入，apply 时会被忽略，这里写的内容不会生效。请从清单中删除它。',
  },
  docs: {
    en: {
      what: 'A resource with a top-level `status` in a file that looks hand-written: its `metadata` has no `uid`, `resourceVersion` or `creationTimestamp`, the fields that `kubectl get -o yaml` output always has.',
      why: '`status` reports what the cluster observed; controllers and the kubelet own it. When you create or apply an object the API server discards `status` (it can only be changed through the `/status` subresource), so the values in the file never take effect. They usually come from copying `kubectl get -o yaml` output, and they mislead whoever reads the file into thinking it describes the live state.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\nstatus:\n  phase: Running\n',
      instead: 'Keep only the desired state (`apiVersion`, `kind`, `metadata`, `spec`). When saving a live object, strip `status` and the server-set metadata (`uid`, `resourceVersion`, `creationTimestamp`, `managedFields`).',
    },
    'zh-cn': {
      what: '资源在顶层写了 `status`，而文件看起来是手写的：`metadata` 中没有 `uid`、`resourceVersion` 或 `creationTimestamp`，这些字段在 `kubectl get -o yaml` 的输出中总会出现。',
      why: '`status` 记录的是集群观察到的实际状态，由控制器和 kubelet 负责维护。创建或 apply 对象时，API server 会丢弃 `status`（只能通过 `/status` 子资源修改），所以文件里的值不会生效。这些内容通常是从 `kubectl get -o yaml` 的输出里复制来的，会让读文件的人误以为它描述的是线上状态。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\nstatus:\n  phase: Running\n',
      instead: '只保留期望状态（`apiVersion`、`kind`、`metadata`、`spec`）。保存线上对象时，去掉 `status` 以及服务端设置的元数据（`uid`、`resourceVersion`、`creationTimestamp`、`managedFields`）。',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/overview/working-with-objects/#object-spec-and-status',
  ],
  check(ctx) {
    const status = pair(ctx.resource.node, 'status');
    if (!status) return;
    if (ctx.resource.live) return;
    ctx.report(status);
  },
};
