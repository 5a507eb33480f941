import { containerStatusesOf } from './podSpecs';
import type { Rule } from './types';
import { child, mapsIn, scalarValue, stringOf } from './yamlAccess';

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
status:
  phase: Running
  conditions:
  - type: Ready
    status: "False"
    reason: ContainersNotReady
  containerStatuses:
  - name: app
    ready: false
    started: true
    restartCount: 0
    state:
      running:
        startedAt: "2026-11-20T08:14:09Z"
`;

/** A `status` value that reads as false: `"False"` as the API writes it, or a YAML boolean. */
function isFalse(v: unknown): boolean {
  return v === false || (typeof v === 'string' && v.toLowerCase() === 'false');
}

export const podRunningNotReady: Rule = {
  id: 'pod-running-not-ready',
  category: 'status',
  severity: 'info',
  message: {
    en: (d) => {
      const who = d.containers ? `container(s) ${d.containers} not ready` : 'the Ready condition is False';
      const why = d.reason ? ` (${d.reason})` : '';
      return `The Pod is Running but not Ready: ${who}${why}. Running only means the process exists; the app is not serving (it may still be starting, or be deadlocked, out of threads, stuck in GC, or cut off from a dependency), and the Pod is out of its Services' endpoints. If it persists, check the readiness probe and the events of kubectl describe pod.`;
    },
    'zh-cn': (d) => {
      const who = d.containers ? `容器 ${d.containers} 未就绪` : 'Ready 条件为 False';
      const why = d.reason ? `（${d.reason}）` : '';
      return `Pod 处于 Running 但未就绪：${who}${why}。Running 只说明进程还在；应用并没有在提供服务（可能还在启动，也可能死锁、线程耗尽、卡在 GC 或连不上依赖），Pod 已被移出 Service 的端点。如果一直如此，请检查就绪探针，并查看 kubectl describe pod 里的事件。`;
    },
  },
  docs: {
    en: {
      what: 'A Pod in `kubectl get -o yaml` output whose `status.phase` is `Running` while its `Ready` condition is `"False"` or at least one `containerStatuses[].ready` is `false`. The finding sits on the phase value and names the containers that are not ready.',
      why: '`Running` only says the Pod is bound to a node and its containers have been created, with at least one running or restarting: the process exists. It says nothing about whether the application works. A JVM can be alive but deadlocked, out of threads, stuck in GC, or unable to reach its database; a container in `CrashLoopBackOff` also leaves the Pod `Running`. Kubernetes learns that the app is not serving from the readiness probe: a container that fails it is not ready, the Pod\'s `Ready` condition turns `False`, and the Pod is removed from the endpoints of every Service that selects it, so it receives no traffic. `kubectl get pods` shows this as `0/1` in the READY column. A short not-ready period right after start is normal; one that lasts is not.',
      example: EXAMPLE,
      instead: 'Find out why the readiness probe fails: read the `Readiness probe failed` events in `kubectl describe pod <pod>`, call the probe endpoint yourself through `kubectl exec` or `kubectl port-forward`, and read `kubectl logs`. Fix the app or its dependency, or the probe if it is wrong (path, port, a `timeoutSeconds` too short for a busy app). If the app hangs for good, a liveness probe lets the kubelet restart it. A healthy Pod looks like:\n\n```yaml\nstatus:\n  phase: Running\n  conditions:\n  - type: Ready\n    status: "True"\n  containerStatuses:\n  - name: app\n    ready: true\n```',
    },
    'zh-cn': {
      what: '`kubectl get -o yaml` 输出中的 Pod：`status.phase` 为 `Running`，但 `Ready` 条件为 `"False"`，或者至少有一个 `containerStatuses[].ready` 为 `false`。提示落在 phase 的值上，并列出未就绪的容器。',
      why: '`Running` 只表示 Pod 已绑定到节点、所有容器都已创建、至少有一个在运行或正在重启，也就是进程还在，并不说明应用能用。JVM 进程可能活着却已经死锁、线程耗尽、卡在 GC，或者连不上数据库；容器处于 `CrashLoopBackOff` 时 Pod 也照样是 `Running`。Kubernetes 靠就绪探针得知应用没在服务：探针失败的容器不就绪，Pod 的 `Ready` 条件变为 `False`，Pod 会从所有选中它的 Service 的端点中移除，不再收到流量。`kubectl get pods` 的 READY 列会显示 `0/1`。刚启动时短暂未就绪是正常的，一直不就绪就不正常了。',
      example: EXAMPLE,
      instead: '查清就绪探针为什么失败：看 `kubectl describe pod <pod>` 里的 `Readiness probe failed` 事件，用 `kubectl exec` 或 `kubectl port-forward` 亲自请求探针接口，再看 `kubectl logs`。修好应用或它依赖的服务；如果是探针本身写错了（路径、端口、对繁忙应用来说过短的 `timeoutSeconds`），就改探针。应用彻底卡死时，存活探针能让 kubelet 重启它。健康的 Pod 是这样的：\n\n```yaml\nstatus:\n  phase: Running\n  conditions:\n  - type: Ready\n    status: "True"\n  containerStatuses:\n  - name: app\n    ready: true\n```',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-conditions',
    'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
  ],
  check(ctx) {
    if (ctx.resource.kind.kind !== 'Pod') return;
    const status = child(ctx.resource.node, 'status');
    const phase = child(status, 'phase');
    if (scalarValue(phase) !== 'Running') return;
    let ready: unknown;
    let reason: string | undefined;
    for (const c of mapsIn(child(status, 'conditions'))) {
      if (stringOf(c, 'type') !== 'Ready') continue;
      ready = scalarValue(child(c, 'status'));
      reason = stringOf(c, 'reason');
    }
    const notReady: string[] = [];
    containerStatusesOf(ctx.resource)
      .filter((cs) => cs.list === 'containers')
      .forEach((cs, i) => {
        if (isFalse(scalarValue(child(cs.node, 'ready')))) notReady.push(`"${cs.name ?? `#${i}`}"`);
      });
    if (!isFalse(ready) && notReady.length === 0) return;
    const data: Record<string, string> = {};
    if (notReady.length > 0) data.containers = notReady.join(', ');
    if (isFalse(ready) && reason) data.reason = reason;
    ctx.report(phase, data);
  },
};
