import { isScalar } from 'yaml';
import type { Rule } from './types';
import { child, mapAt, pair } from './yamlAccess';

export const lifecycleTcpSocket: Rule = {
  id: 'lifecycle-tcp-socket',
  category: 'correctness',
  severity: 'warning',
  message: {
    en: (d) =>
      `tcpSocket is accepted in a ${d.hook} hook but the kubelet cannot run it, so the hook always fails${d.hook === 'postStart' ? ' and the container is killed' : ' (FailedPreStopHook event)'}. Use exec, httpGet or sleep instead.`,
    'zh-cn': (d) =>
      `${d.hook} 钩子里的 tcpSocket 能通过 API 校验，但 kubelet 无法执行它，钩子总是失败${d.hook === 'postStart' ? '，容器会被杀掉' : '（产生 FailedPreStopHook 事件）'}。请改用 exec、httpGet 或 sleep。`,
  },
  docs: {
    en: {
      what: 'A container `lifecycle.postStart` or `lifecycle.preStop` handler that uses `tcpSocket`.',
      why: '`tcpSocket` exists in the handler type because probes share it, and the API server accepts it in a lifecycle hook, but the kubelet has no hook handler for it. The hook fails every time: a failed `postStart` kills the container, which then restarts according to `restartPolicy` (often into CrashLoopBackOff); a failed `preStop` produces a `FailedPreStopHook` event and the graceful shutdown it was meant to do never happens.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        tcpSocket:\n          port: 80\n',
      instead: 'Use an action the kubelet runs. To wait for a port, use `exec`:\n\n```yaml\nlifecycle:\n  postStart:\n    exec:\n      command: ["/bin/sh", "-c", "until nc -z localhost 80; do sleep 1; done"]\n```\n\nor `httpGet`, or `sleep` for a fixed delay (GA since Kubernetes 1.34). To check that a port accepts connections, use a `tcpSocket` readiness or startup probe.',
    },
    'zh-cn': {
      what: '容器的 `lifecycle.postStart` 或 `lifecycle.preStop` 处理器使用了 `tcpSocket`。',
      why: '`tcpSocket` 之所以出现在处理器类型里，是因为它和探针共用同一个结构；API Server 也接受把它写在生命周期钩子里，但 kubelet 没有对应的钩子实现。这个钩子每次都会失败：`postStart` 失败会杀掉容器，容器再按 `restartPolicy` 重启（常常进入 CrashLoopBackOff）；`preStop` 失败会产生 `FailedPreStopHook` 事件，原本想做的优雅退出根本没有发生。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        tcpSocket:\n          port: 80\n',
      instead: '改用 kubelet 能执行的动作。想等待某个端口可用，可以用 `exec`：\n\n```yaml\nlifecycle:\n  postStart:\n    exec:\n      command: ["/bin/sh", "-c", "until nc -z localhost 80; do sleep 1; done"]\n```\n\n也可以用 `httpGet`，或者用 `sleep` 固定等待一段时间（Kubernetes 1.34 起 GA）。如果目的是检查端口能否连接，请用 `tcpSocket` 类型的就绪探针或启动探针。',
    },
  },
  references: ['https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/'],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const lifecycle = mapAt(c.node, 'lifecycle');
        for (const hook of ['postStart', 'preStop'] as const) {
          const p = pair(child(lifecycle, hook), 'tcpSocket');
          // `tcpSocket:` with no value is JSON null (no action); lifecycle-handler-actions covers that.
          if (p && p.value && !(isScalar(p.value) && p.value.value === null)) ctx.report(p, { hook });
        }
      }
    }
  },
};
