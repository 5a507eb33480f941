import type { Rule } from './types';
import { child } from './yamlAccess';

/** API versions of the pod-bearing kinds that Kubernetes has removed, with the release that removed them. */
const REMOVED: Readonly<Record<string, { readonly since: string; readonly use: string }>> = {
  'extensions/v1beta1 Deployment': { since: '1.16', use: 'apps/v1' },
  'extensions/v1beta1 DaemonSet': { since: '1.16', use: 'apps/v1' },
  'extensions/v1beta1 ReplicaSet': { since: '1.16', use: 'apps/v1' },
  'apps/v1beta1 Deployment': { since: '1.16', use: 'apps/v1' },
  'apps/v1beta1 StatefulSet': { since: '1.16', use: 'apps/v1' },
  'apps/v1beta2 Deployment': { since: '1.16', use: 'apps/v1' },
  'apps/v1beta2 StatefulSet': { since: '1.16', use: 'apps/v1' },
  'apps/v1beta2 DaemonSet': { since: '1.16', use: 'apps/v1' },
  'apps/v1beta2 ReplicaSet': { since: '1.16', use: 'apps/v1' },
  'batch/v1beta1 CronJob': { since: '1.25', use: 'batch/v1' },
  'batch/v2alpha1 CronJob': { since: '1.21', use: 'batch/v1' },
};

export const removedApiVersion: Rule = {
  id: 'removed-api-version',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      d.since
        ? `${d.apiVersion} ${d.kind} was removed in Kubernetes ${d.since}: the API server no longer accepts it. Use apiVersion: ${d.use} (check the fields that changed, e.g. spec.selector is required in apps/v1).`
        : `${d.apiVersion} is not an API version of ${d.kind}; the current one is ${d.use}. PodSense checks this object with the ${d.use} schema.`,
    'zh-cn': (d) =>
      d.since
        ? `${d.apiVersion} 的 ${d.kind} 已在 Kubernetes ${d.since} 中移除：API server 不再接受它。请改用 apiVersion: ${d.use}（注意有变化的字段，例如 apps/v1 中 spec.selector 是必填的）。`
        : `${d.apiVersion} 不是 ${d.kind} 的 API 版本，当前版本是 ${d.use}。PodSense 按 ${d.use} 的 schema 检查这个对象。`,
  },
  docs: {
    en: {
      what: 'A Deployment, StatefulSet, DaemonSet, ReplicaSet or CronJob written with an API version that Kubernetes has removed (`extensions/v1beta1`, `apps/v1beta1`, `apps/v1beta2`, `batch/v1beta1`, `batch/v2alpha1`), or with a version its group never had.',
      why: 'Old tutorials and charts still carry these versions. A cluster newer than the removal rejects the manifest outright ("no matches for kind Deployment in version extensions/v1beta1"). The newer versions also changed defaults: in `apps/v1`, `spec.selector` is required and no longer defaulted from the template labels. PodSense checks such an object with the current schema, but does not report missing or unknown fields on it, since those rules changed with the version; fix the version first.',
      example: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
      instead: 'Use the current version, and add what it requires:\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n```',
    },
    'zh-cn': {
      what: '使用了已被 Kubernetes 移除的 API 版本（`extensions/v1beta1`、`apps/v1beta1`、`apps/v1beta2`、`batch/v1beta1`、`batch/v2alpha1`）的 Deployment、StatefulSet、DaemonSet、ReplicaSet 或 CronJob，或者写了该 API 组里根本不存在的版本。',
      why: '很多老教程和 chart 里还留着这些版本。比移除版本更新的集群会直接拒绝这个清单（"no matches for kind Deployment in version extensions/v1beta1"）。新版本的默认行为也变了：`apps/v1` 中 `spec.selector` 是必填的，不再根据模板标签自动生成。PodSense 会按当前 schema 检查这类对象，但不报告缺失或未知字段，因为这些规则随版本变化；请先把版本改对。',
      example: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
      instead: '改用当前版本，并补上它要求的字段：\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n```',
    },
  },
  references: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/'],
  check(ctx) {
    const r = ctx.resource;
    if (r.exactVersion) return;
    const removed = REMOVED[`${r.apiVersion} ${r.kind.kind}`];
    const data = { apiVersion: r.apiVersion, kind: r.kind.kind, use: removed?.use ?? r.kind.apiVersion, since: removed?.since ?? '' };
    ctx.report(child(r.node, 'apiVersion'), data);
  },
};
