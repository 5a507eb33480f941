import { containerStatusesOf } from './podSpecs';
import type { Rule } from './types';
import { child, mapAt, numberOf, scalarValue, stringOf } from './yamlAccess';

const EXAMPLE = `apiVersion: v1
kind: Pod
metadata:
  name: web-0
  namespace: shop
  uid: 6b1f0c2e-9a53-4d7e-8f0e-2f4d1c9b7a10
  creationTimestamp: "2026-11-20T08:14:03Z"
spec:
  containers:
  - name: app
    image: registry.example.com/shop/web:2.4.1
status:
  phase: Running
  containerStatuses:
  - name: app
    ready: false
    restartCount: 7
    lastState:
      terminated:
        reason: Error
        exitCode: 1
    state:
      waiting:
        reason: CrashLoopBackOff
`;

type Data = Readonly<Record<string, string | number>>;

function logsCommand(d: Data): string {
  const ns = d.namespace ? ` -n ${d.namespace}` : '';
  return `kubectl logs ${d.pod ?? '<pod>'} -c ${d.container ?? '<container>'}${ns} --previous`;
}

export const containerRestarting: Rule = {
  id: 'container-restarting',
  category: 'status',
  severity: 'info',
  message: {
    en: (d) => {
      const who = d.container !== undefined ? `Container "${d.container}"` : 'The container';
      const count = d.restarts !== undefined ? `has restarted ${d.restarts} time${d.restarts === 1 ? '' : 's'}` : 'keeps restarting';
      const last = d.lastReason !== undefined || d.exitCode !== undefined
        ? `; the last run ended with ${[d.lastReason, d.exitCode !== undefined ? `exit code ${d.exitCode}` : undefined].filter((x) => x !== undefined).join(', ')}`
        : '';
      const loop = d.crashLoop ? ', and it is now in CrashLoopBackOff (the kubelet waits up to 5 minutes between restarts)' : '';
      return `${who} ${count}${last}${loop}. The Pod can still show Running while the container keeps dying. Read the previous run's logs with ${logsCommand(d)} and the events of kubectl describe pod.`;
    },
    'zh-cn': (d) => {
      const name = d.container !== undefined ? ` "${d.container}" ` : '';
      const count = d.restarts !== undefined ? `已重启 ${d.restarts} 次` : '在反复重启';
      const last = d.lastReason !== undefined || d.exitCode !== undefined
        ? `，上一次运行的结束原因：${[d.lastReason, d.exitCode !== undefined ? `退出码 ${d.exitCode}` : undefined].filter((x) => x !== undefined).join('，')}`
        : '';
      const loop = d.crashLoop ? '，目前处于 CrashLoopBackOff（kubelet 两次重启之间最多等 5 分钟）' : '';
      return `容器${name}${count}${last}${loop}。容器反复挂掉时 Pod 仍可能显示 Running。请用 ${logsCommand(d)} 查看上一次运行的日志，并查看 kubectl describe pod 里的事件。`;
    },
  },
  docs: {
    en: {
      what: 'A container in `kubectl get -o yaml` output (`status.containerStatuses[]` or `status.initContainerStatuses[]`) with a `restartCount` above 0, or waiting with reason `CrashLoopBackOff`. The finding sits on the `restartCount` value (on the waiting reason when there is no count) and repeats how the last run ended (`lastState.terminated.reason` and `exitCode`).',
      why: 'The kubelet restarts a container after a crash, an OOM kill or a failed liveness probe, and counts each restart; the count is reset only when the Pod is replaced. A climbing count is a crash loop even when the phase is `Running` and the container happens to be up when you look. Once it keeps exiting, the kubelet waits before each restart, doubling the delay from 10 seconds up to 5 minutes (`CrashLoopBackOff`), so the app is down most of the time. The error that killed it is in the previous run\'s logs, not in the current ones.',
      example: EXAMPLE,
      instead: 'Read how the last run ended in `lastState.terminated` (`reason`, `exitCode`: `OOMKilled`/137 is memory, `Error` with 1 is usually the app, 137 or 143 with `Error` often a failed liveness probe), then the logs of that run with `kubectl logs <pod> -c <container> --previous`, and the events (`Back-off restarting failed container`, `Liveness probe failed`) in `kubectl describe pod <pod>`. Fix the cause; the count only goes back to 0 with a new Pod.',
    },
    'zh-cn': {
      what: '`kubectl get -o yaml` 输出中的容器（`status.containerStatuses[]` 或 `status.initContainerStatuses[]`）`restartCount` 大于 0，或者正以 `CrashLoopBackOff` 原因等待。提示落在 `restartCount` 的值上（没有计数时落在等待原因上），并写出上一次运行是怎么结束的（`lastState.terminated.reason` 和 `exitCode`）。',
      why: '容器崩溃、被 OOM 杀掉或存活探针失败后，kubelet 会重启它并计数；只有 Pod 被替换时计数才会清零。次数不断上涨就是在 CrashLoop，哪怕 phase 是 `Running`、你看的那一刻容器恰好是起来的。容器反复退出后，kubelet 每次重启前都会等待，等待时间从 10 秒翻倍增长，最长 5 分钟（`CrashLoopBackOff`），应用大部分时间都是挂着的。导致它退出的错误在上一次运行的日志里，而不在当前日志里。',
      example: EXAMPLE,
      instead: '先看 `lastState.terminated` 里上一次运行的结束方式（`reason`、`exitCode`：`OOMKilled`/137 是内存问题，`Error` 加 1 通常是应用自身，`Error` 加 137 或 143 常常是存活探针失败），再用 `kubectl logs <pod> -c <container> --previous` 看那一次运行的日志，并看 `kubectl describe pod <pod>` 里的事件（`Back-off restarting failed container`、`Liveness probe failed`）。找到原因并修复；计数只有换了新 Pod 才会归零。',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts',
    'https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/',
  ],
  check(ctx) {
    const namespace = stringOf(child(ctx.resource.node, 'metadata'), 'namespace');
    for (const { node: cs, list, name } of containerStatusesOf(ctx.resource)) {
      if (list === 'ephemeralContainers') continue;
      const restarts = numberOf(cs, 'restartCount');
      const waitingReason = child(mapAt(cs, 'state', 'waiting'), 'reason');
      const crashLoop = scalarValue(waitingReason) === 'CrashLoopBackOff';
      if (!(restarts !== undefined && restarts > 0) && !crashLoop) continue;
      const data: Record<string, string | number> = { pod: ctx.resource.name ?? '<pod>' };
      if (name !== undefined) data.container = name;
      if (namespace) data.namespace = namespace;
      // A count of 0 with CrashLoopBackOff (a first start that keeps failing) says nothing: "keeps restarting".
      if (restarts !== undefined && restarts > 0) data.restarts = restarts;
      if (crashLoop) data.crashLoop = 'yes';
      const last = mapAt(cs, 'lastState', 'terminated');
      const lastReason = stringOf(last, 'reason');
      const exitCode = numberOf(last, 'exitCode');
      if (lastReason !== undefined) data.lastReason = lastReason;
      if (exitCode !== undefined) data.exitCode = exitCode;
      ctx.report(restarts !== undefined ? child(cs, 'restartCount') : waitingReason, data);
    }
  },
};
