import { longRunningContainers } from './podSpecs';
import type { ContainerView, Rule } from './types';
import { pair } from './yamlAccess';

/** Where to report a container: its `name` key, else the container map. */
export function containerAnchor(c: ContainerView) {
  return pair(c.node, 'name') ?? c.node;
}

export function containerLabel(c: ContainerView): string {
  return c.name ?? `${c.list}[${c.index}]`;
}

export const noReadinessProbe: Rule = {
  id: 'no-readiness-probe',
  category: 'reliability',
  severity: 'info',
  message: {
    en: (d) =>
      `Container "${d.container}" has no readinessProbe: it receives Service traffic as soon as it is Running, and Running only means the process exists (a deadlocked JVM still looks Running). Add a readinessProbe so traffic waits until the app can answer and stops when it cannot.`,
    'zh-cn': (d) =>
      `容器 "${d.container}" 没有 readinessProbe：一进入 Running 就会接收 Service 流量，而 Running 只说明进程还在（死锁的 JVM 看起来也是 Running）。请添加 readinessProbe，让流量等应用能响应时才进来，不能响应时及时摘除。`,
  },
  docs: {
    en: {
      what: 'A long-running container (in a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController or PodTemplate, or a native sidecar) without a `readinessProbe`. Jobs, CronJobs and Pods with `restartPolicy: Never` or `OnFailure` are skipped.',
      why: 'Without a readiness probe a container counts as ready as soon as its process has started. Running only means the process exists: an app still loading its cache, or a deadlocked JVM, looks exactly the same. Services send it requests that fail, and a rolling update moves on to the next replica before this one can serve, so a bad release can take down every replica.',
      example: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
      instead: 'Add a probe that checks the app can actually serve:\n\n```yaml\ncontainers:\n- name: web\n  image: nginx:1.27\n  readinessProbe:\n    httpGet:\n      path: /healthz\n      port: 80\n    periodSeconds: 5\n```',
    },
    'zh-cn': {
      what: '长期运行的容器（Pod、Deployment、StatefulSet、DaemonSet、ReplicaSet、ReplicationController、PodTemplate 中的容器，或原生 sidecar）没有 `readinessProbe`。Job、CronJob 以及 `restartPolicy` 为 `Never` 或 `OnFailure` 的 Pod 不检查。',
      why: '没有就绪探针时，容器进程一启动就被当作就绪。Running 只说明进程还在：正在加载缓存的应用、死锁的 JVM，看起来都一样是 Running。Service 会把请求发给它，请求随之失败；滚动更新也会在它还不能服务时就继续替换下一个副本，一次有问题的发布可能让所有副本都不可用。',
      example: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n',
      instead: '添加一个能真正确认应用可以提供服务的探针：\n\n```yaml\ncontainers:\n- name: web\n  image: nginx:1.27\n  readinessProbe:\n    httpGet:\n      path: /healthz\n      port: 80\n    periodSeconds: 5\n```',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
    'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
  ],
  check(ctx) {
    for (const c of longRunningContainers(ctx.resource, ctx.pods)) {
      if (!pair(c.node, 'readinessProbe')) ctx.report(containerAnchor(c), { container: containerLabel(c) });
    }
  },
};
