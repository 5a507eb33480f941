import { isTemplated } from './addresses';
import type { Rule } from './types';
import { child, mapAt, pair, scalarValue } from './yamlAccess';

const ALWAYS_ONLY = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);
const JOB_KINDS = new Set(['Job', 'CronJob']);

export const restartPolicyForKind: Rule = {
  id: 'restart-policy-for-kind',
  category: 'correctness',
  severity: 'error',
  message: {
    en: (d) =>
      d.missing
        ? `This ${d.kind} template has no restartPolicy, which defaults to Always, and the API server rejects Always for a ${d.kind}. Set restartPolicy: OnFailure or Never.`
        : d.job
          ? `restartPolicy: ${d.policy} is rejected by the API server in a ${d.kind} template: a Job's Pods must be able to finish. Use OnFailure or Never.`
          : `restartPolicy: ${d.policy} is rejected by the API server in a ${d.kind} template: its Pods must always be restarted. Remove the field or set it to Always.`,
    'zh-cn': (d) =>
      d.missing
        ? `该 ${d.kind} 的 Pod 模板没有设置 restartPolicy，默认值是 Always，而 API server 不允许 ${d.kind} 使用 Always。请设置 restartPolicy: OnFailure 或 Never。`
        : d.job
          ? `${d.kind} 模板中的 restartPolicy: ${d.policy} 会被 API server 拒绝：Job 的 Pod 必须能够结束。请使用 OnFailure 或 Never。`
          : `${d.kind} 模板中的 restartPolicy: ${d.policy} 会被 API server 拒绝：这类工作负载的 Pod 必须总是被重启。请删除该字段或设为 Always。`,
  },
  docs: {
    en: {
      what: 'A pod template whose `restartPolicy` does not fit its controller: anything but `Always` in a Deployment, StatefulSet, DaemonSet, ReplicaSet or ReplicationController; `Always` (or no `restartPolicy` at all, which defaults to `Always`) in a Job or CronJob.',
      why: 'Controllers that keep a number of replicas running only work if every Pod is restarted whenever it exits, so the API server accepts only `Always` for their templates. A Job, on the other hand, is done when its Pods succeed; a Pod that restarts forever would never finish, so the API server accepts only `OnFailure` or `Never`. In both cases the object is rejected and `kubectl apply` fails.',
      example: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n      - name: migrate\n        image: example/migrate:1.0\n',
      instead: 'For a Job or CronJob set `OnFailure` (retry in the same Pod) or `Never` (a new Pod per retry, counted against `backoffLimit`):\n\n```yaml\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n```\n\nFor Deployments and the other replica controllers, leave `restartPolicy` out (it defaults to `Always`).',
    },
    'zh-cn': {
      what: 'Pod 模板的 `restartPolicy` 与所属控制器不匹配：Deployment、StatefulSet、DaemonSet、ReplicaSet、ReplicationController 中不是 `Always`；Job 或 CronJob 中是 `Always`（或者没写 `restartPolicy`，默认就是 `Always`）。',
      why: '维持一定副本数的控制器要求 Pod 退出后总是被重启，所以 API server 只接受这类模板使用 `Always`。Job 则相反，Pod 成功结束才算完成；永远重启的 Pod 永远不会结束，所以 API server 只接受 `OnFailure` 或 `Never`。两种情况下对象都会被拒绝，`kubectl apply` 直接失败。',
      example: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers:\n      - name: migrate\n        image: example/migrate:1.0\n',
      instead: 'Job 或 CronJob 请设置 `OnFailure`（在同一个 Pod 里重试）或 `Never`（每次重试创建新 Pod，计入 `backoffLimit`）：\n\n```yaml\nspec:\n  template:\n    spec:\n      restartPolicy: OnFailure\n```\n\nDeployment 等副本控制器不要写 `restartPolicy`（默认就是 `Always`）。',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-template',
    'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#pod-template',
  ],
  check(ctx) {
    const kind = ctx.resource.kind.kind;
    const job = JOB_KINDS.has(kind);
    if (!job && !ALWAYS_ONLY.has(kind)) return;
    for (const pod of ctx.pods) {
      const node = child(pod.node, 'restartPolicy');
      const policy = scalarValue(node);
      if (!pair(pod.node, 'restartPolicy')) {
        if (job) {
          const template = mapAt(ctx.resource.node, ...pod.path.slice(0, -1).map(String));
          ctx.report(pair(template, 'spec'), { kind, missing: 1 });
        }
        continue;
      }
      if (typeof policy !== 'string' || isTemplated(policy)) continue;
      if (job ? policy === 'Always' : policy !== 'Always') ctx.report(node, { kind, policy, job: job ? 1 : '' });
    }
  },
};
