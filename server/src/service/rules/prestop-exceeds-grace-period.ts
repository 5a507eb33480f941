import { isScalar, isSeq, Node } from 'yaml';
import type { Rule } from './types';
import { child, mapAt, numberOf } from './yamlAccess';

/** The Pod's default `terminationGracePeriodSeconds`. */
const DEFAULT_GRACE = 30;

const UNIT: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600 };

/** The longest `sleep N` visible in an exec command (`["sleep","40"]`, `["/bin/sh","-c","sleep 40 && ..."]`). */
export function longestSleep(command: unknown): number | undefined {
  if (!isSeq(command)) return undefined;
  const words = command.items.map((i) => (isScalar(i) && (typeof i.value === 'string' || typeof i.value === 'number') ? String(i.value) : '\u0000'));
  const text = words.join(' ');
  let max: number | undefined;
  for (const m of text.matchAll(/(?:^|[\s;&|(/])sleep\s+(\d+(?:\.\d+)?)([smh]?)(?=$|[\s;&|)])/g)) {
    const n = Number(m[1]) * UNIT[m[2] ?? '']!;
    if (Number.isFinite(n) && (max === undefined || n > max)) max = n;
  }
  return max;
}

export const prestopExceedsGracePeriod: Rule = {
  id: 'prestop-exceeds-grace-period',
  category: 'reliability',
  severity: 'warning',
  message: {
    en: (d) =>
      `This preStop hook waits ${d.seconds}s but terminationGracePeriodSeconds is ${d.grace}s: the kubelet kills the container at the deadline (plus a one-time 2 s extension), leaving no time for SIGTERM handling. Raise terminationGracePeriodSeconds above the hook's duration or shorten the hook.`,
    'zh-cn': (d) =>
      `这个 preStop 钩子要等待 ${d.seconds} 秒，而 terminationGracePeriodSeconds 只有 ${d.grace} 秒：到期时 kubelet 会强制杀掉容器（只额外宽限一次 2 秒），应用没有时间处理 SIGTERM。请把 terminationGracePeriodSeconds 调到大于钩子的耗时，或者缩短钩子。`,
  },
  docs: {
    en: {
      what: 'A container `preStop` hook whose `sleep.seconds`, or a `sleep N` visible in its `exec.command`, is at least the Pod\'s `terminationGracePeriodSeconds` (30 when not set).',
      why: 'The grace period starts when the Pod is deleted and covers the `preStop` hook and the SIGTERM that follows it. The kubelet only sends SIGTERM after `preStop` returns; if the hook is still running when the grace period ends, the kubelet grants a one-time 2 second extension and then kills the container with SIGKILL. A hook that sleeps for the whole grace period therefore leaves the application no time to finish in-flight requests, flush data or close connections: the graceful shutdown the hook was meant to enable never happens.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        exec:\n          command: ["/bin/sh", "-c", "sleep 40 && nginx -s quit"]\n',
      instead: 'Make the grace period cover the hook plus the time the application needs after SIGTERM:\n\n```yaml\nspec:\n  terminationGracePeriodSeconds: 60\n  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: 10\n```\n\nor shorten the sleep (a few seconds is usually enough for endpoints to be removed).',
    },
    'zh-cn': {
      what: '容器 `preStop` 钩子的 `sleep.seconds`，或者 `exec.command` 里能看出来的 `sleep N`，大于等于 Pod 的 `terminationGracePeriodSeconds`（不设置时为 30）。',
      why: '宽限期从 Pod 被删除时开始计时，`preStop` 钩子和随后的 SIGTERM 处理都要在这段时间内完成。kubelet 要等 `preStop` 返回后才发送 SIGTERM；如果宽限期结束时钩子还在运行，kubelet 会额外给一次 2 秒的宽限，然后用 SIGKILL 杀掉容器。所以一个睡满整个宽限期的钩子，会让应用完全没有时间处理完正在进行的请求、落盘数据或关闭连接，钩子本来想实现的优雅退出也就落空了。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        exec:\n          command: ["/bin/sh", "-c", "sleep 40 && nginx -s quit"]\n',
      instead: '让宽限期覆盖钩子的耗时，再加上应用收到 SIGTERM 之后需要的时间：\n\n```yaml\nspec:\n  terminationGracePeriodSeconds: 60\n  containers:\n  - name: web\n    image: nginx:1.27\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: 10\n```\n\n或者缩短 sleep 的时间（通常几秒就足够让 Endpoints 摘除这个 Pod）。',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-execution',
    'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      const grace = numberOf(pod.node, 'terminationGracePeriodSeconds') ?? DEFAULT_GRACE;
      for (const c of pod.containers) {
        const preStop = mapAt(c.node, 'lifecycle', 'preStop');
        if (!preStop) continue;
        const secondsNode = child(mapAt(preStop, 'sleep'), 'seconds');
        const seconds = numberOf(mapAt(preStop, 'sleep'), 'seconds');
        if (seconds !== undefined && seconds >= grace) ctx.report(secondsNode as Node, { seconds, grace });
        const command = child(mapAt(preStop, 'exec'), 'command');
        const slept = longestSleep(command);
        if (slept !== undefined && slept >= grace) ctx.report(command, { seconds: slept, grace });
      }
    }
  },
};
