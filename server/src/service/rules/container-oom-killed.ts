import { containerStatusesOf } from './podSpecs';
import type { Rule } from './types';
import { child, mapAt, numberOf, scalarValue, stringOf } from './yamlAccess';

const EXAMPLE = `apiVersion: v1
kind: Pod
metadata:
  name: web-0
  uid: 6b1f0c2e-9a53-4d7e-8f0e-2f4d1c9b7a10
  creationTimestamp: "2026-11-20T08:14:03Z"
spec:
  containers:
  - name: app
    image: registry.example.com/shop/web:2.4.1
    resources:
      limits:
        memory: 256Mi
status:
  phase: Running
  containerStatuses:
  - name: app
    restartCount: 7
    lastState:
      terminated:
        reason: OOMKilled
        exitCode: 137
`;

export const containerOomKilled: Rule = {
  id: 'container-oom-killed',
  category: 'status',
  severity: 'info',
  message: {
    en: (d) => {
      const name = d.container !== undefined ? `"${d.container}" ` : '';
      const limit = d.limit !== undefined
        ? `it exceeded its memory limit (resources.limits.memory: ${d.limit})`
        : 'it used more memory than its limit allows (or the node ran out of memory; no resources.limits.memory is set in the spec)';
      return `Container ${name}was OOMKilled: ${limit} and the kernel killed it (exit code ${d.exitCode ?? 137}, SIGKILL). Raise the limit above the real peak usage or reduce usage (for a JVM, size the heap with -XX:MaxRAMPercentage instead of an -Xmx as large as the limit).`;
    },
    'zh-cn': (d) => {
      const name = d.container !== undefined ? ` "${d.container}" ` : '';
      const limit = d.limit !== undefined
        ? `它超出了内存上限（resources.limits.memory: ${d.limit}）`
        : '它用的内存超出了上限（也可能是节点内存耗尽；spec 里没有设置 resources.limits.memory）';
      return `容器${name}被 OOMKilled：${limit}，被内核杀掉（退出码 ${d.exitCode ?? 137}，SIGKILL）。请把上限调到实际峰值之上，或者降低内存用量（JVM 用 -XX:MaxRAMPercentage 按容器内存定堆大小，不要把 -Xmx 设得和上限一样大）。`;
    },
  },
  docs: {
    en: {
      what: 'A container in `kubectl get -o yaml` output whose `state.terminated.reason` or `lastState.terminated.reason` is `OOMKilled`. The finding sits on that reason and names the container\'s `resources.limits.memory` from the Pod spec when it is set.',
      why: 'The kernel\'s OOM killer stopped the container because it used more memory than its `resources.limits.memory` (or, less often, because the whole node ran out of memory). The process gets SIGKILL, so it has no chance to clean up and exits with code 137; with the default `restartPolicy: Always` the kubelet restarts it, and repeated kills end in `CrashLoopBackOff`. For a JVM the heap is only part of the footprint: metaspace, thread stacks, direct buffers and the JIT add to it, so an `-Xmx` equal to the limit almost certainly gets killed.',
      example: EXAMPLE,
      instead: 'Measure the real usage (`kubectl top pod`, metrics) and set the limit above the peak, or reduce usage. For a JVM, size the heap from the container instead of a fixed `-Xmx`:\n\n```yaml\ncontainers:\n- name: app\n  env:\n  - name: JAVA_TOOL_OPTIONS\n    value: "-XX:MaxRAMPercentage=75"\n  resources:\n    requests:\n      memory: 512Mi\n    limits:\n      memory: 512Mi\n```',
    },
    'zh-cn': {
      what: '`kubectl get -o yaml` 输出中 `state.terminated.reason` 或 `lastState.terminated.reason` 为 `OOMKilled` 的容器。提示落在这个 reason 上；Pod spec 里设置了该容器的 `resources.limits.memory` 时，会写出这个上限。',
      why: '容器用的内存超过了 `resources.limits.memory`（少数情况下是整个节点内存耗尽），被内核的 OOM killer 杀掉。进程收到的是 SIGKILL，来不及做任何清理，退出码是 137；在默认的 `restartPolicy: Always` 下 kubelet 会重启它，反复被杀就会进入 `CrashLoopBackOff`。对 JVM 来说，堆只是一部分：元空间、线程栈、直接内存、JIT 都要占内存，`-Xmx` 设得和 limit 一样大几乎必然被杀。',
      example: EXAMPLE,
      instead: '先测出实际用量（`kubectl top pod`、监控指标），把上限设在峰值之上，或者降低用量。JVM 按容器内存来定堆大小，而不是写死 `-Xmx`：\n\n```yaml\ncontainers:\n- name: app\n  env:\n  - name: JAVA_TOOL_OPTIONS\n    value: "-XX:MaxRAMPercentage=75"\n  resources:\n    requests:\n      memory: 512Mi\n    limits:\n      memory: 512Mi\n```',
    },
  },
  references: [
    'https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#exceed-a-container-s-memory-limit',
    'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-state-terminated',
  ],
  check(ctx) {
    const pod = ctx.pods[0];
    for (const cs of containerStatusesOf(ctx.resource)) {
      // One finding per container: the current state first, else the previous run.
      const terminated = [mapAt(cs.node, 'state', 'terminated'), mapAt(cs.node, 'lastState', 'terminated')].find((t) => stringOf(t, 'reason') === 'OOMKilled');
      if (!terminated) continue;
      const data: Record<string, string | number> = {};
      if (cs.name !== undefined) {
        data.container = cs.name;
        const spec = pod?.containers.find((c) => c.list === cs.list && c.name === cs.name);
        const limit = scalarValue(child(mapAt(spec?.node, 'resources', 'limits'), 'memory'));
        if ((typeof limit === 'string' && limit !== '') || typeof limit === 'number') data.limit = limit;
      }
      const exitCode = numberOf(terminated, 'exitCode');
      if (exitCode !== undefined) data.exitCode = exitCode;
      ctx.report(child(terminated, 'reason'), data);
    }
  },
};
