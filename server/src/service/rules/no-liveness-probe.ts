import { containerAnchor, containerLabel } from './no-readiness-probe';
import { longRunningContainers } from './podSpecs';
import type { Rule } from './types';
import { pair } from './yamlAccess';

export const noLivenessProbe: Rule = {
  id: 'no-liveness-probe',
  category: 'reliability',
  severity: 'info',
  message: {
    en: (d) =>
      `Container "${d.container}" has no livenessProbe: the kubelet restarts it only when the process exits, and Running only means the process exists (a deadlocked JVM still looks Running). Add a livenessProbe so a hung container is restarted.`,
    'zh-cn': (d) =>
      `容器 "${d.container}" 没有 livenessProbe：kubelet 只会在进程退出时重启它，而 Running 只说明进程还在（死锁的 JVM 看起来也是 Running）。请添加 livenessProbe，让卡死的容器能被自动重启。`,
  },
  docs: {
    en: {
      what: 'A long-running container (in a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController or PodTemplate, or a native sidecar) without a `livenessProbe`. Jobs, CronJobs and Pods with `restartPolicy: Never` or `OnFailure` are skipped.',
      why: 'Without a liveness probe the kubelet restarts a container only when its process exits. Running only means the process exists: a deadlocked JVM, a worker stuck on a lost connection or an event loop that stopped turning stay Running forever, and the replica does nothing until someone notices. A liveness probe lets the kubelet detect the hang and restart the container.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: 'Add a cheap probe that fails only when the process is truly stuck (not when a dependency is down), with a generous threshold:\n\n```yaml\ncontainers:\n- name: web\n  image: nginx:1.27\n  livenessProbe:\n    httpGet:\n      path: /livez\n      port: 80\n    periodSeconds: 10\n    failureThreshold: 3\n```\n\nFor slow starters add a `startupProbe` rather than a long `initialDelaySeconds`.',
    },
    'zh-cn': {
      what: '长期运行的容器（Pod、Deployment、StatefulSet、DaemonSet、ReplicaSet、ReplicationController、PodTemplate 中的容器，或原生 sidecar）没有 `livenessProbe`。Job、CronJob 以及 `restartPolicy` 为 `Never` 或 `OnFailure` 的 Pod 不检查。',
      why: '没有存活探针时，kubelet 只在进程退出时才会重启容器。Running 只说明进程还在：死锁的 JVM、卡在断开连接上的 worker、停转的事件循环，都会一直显示 Running，这个副本什么也不做，直到有人发现。存活探针能让 kubelet 发现卡死并重启容器。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n',
      instead: '添加一个开销小、只在进程真正卡死时才失败的探针（不要因为依赖服务挂了就失败），阈值放宽一些：\n\n```yaml\ncontainers:\n- name: web\n  image: nginx:1.27\n  livenessProbe:\n    httpGet:\n      path: /livez\n      port: 80\n    periodSeconds: 10\n    failureThreshold: 3\n```\n\n启动慢的应用请加 `startupProbe`，而不是把 `initialDelaySeconds` 设得很长。',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
    'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
  ],
  check(ctx) {
    for (const c of longRunningContainers(ctx.resource, ctx.pods)) {
      if (!pair(c.node, 'livenessProbe')) ctx.report(containerAnchor(c), { container: containerLabel(c) });
    }
  },
};
