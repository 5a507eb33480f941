import { isTemplated } from './addresses';
import type { Rule } from './types';
import { child, mapsIn, numberOf, scalarValue, stringOf } from './yamlAccess';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

export const probePortNotExposed: Rule = {
  id: 'probe-port-not-exposed',
  category: 'correctness',
  severity: 'warning',
  message: {
    en: (d) =>
      d.named
        ? `The ${d.probe} port "${d.port}" is not the name of any port of container "${d.container}", so the probe cannot resolve it and always fails. Use a name from the container's ports or the port number.`
        : `The ${d.probe} checks port ${d.port}, which container "${d.container}" does not declare in ports; if nothing listens there the probe fails. Probe the port the app serves on, or declare it.`,
    'zh-cn': (d) =>
      d.named
        ? `${d.probe} 的端口 "${d.port}" 不是容器 "${d.container}" 任何端口的名称，探针无法解析它，会一直失败。请使用容器 ports 中的端口名，或直接写端口号。`
        : `${d.probe} 检查的端口 ${d.port} 没有在容器 "${d.container}" 的 ports 中声明；如果该端口上没有进程监听，探针就会失败。请探测应用实际提供服务的端口，或者把它声明出来。`,
  },
  docs: {
    en: {
      what: 'A `livenessProbe`, `readinessProbe` or `startupProbe` whose `httpGet.port`, `tcpSocket.port` or `grpc.port` is a name that no entry of the container\'s `ports` has, or a number that is not one of its `containerPort`s (numbers are checked only when the container declares ports, since undeclared ports still work).',
      why: 'A named probe port is looked up in the container\'s own `ports`; if the name is not there the kubelet cannot resolve it and the probe fails every time. A failing liveness probe restarts the container in a loop, a failing readiness probe keeps it out of every Service. A number that differs from every declared port is usually a typo or a leftover after the app moved ports, with the same result.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - name: http\n      containerPort: 80\n    livenessProbe:\n      httpGet:\n        path: /\n        port: htp\n',
      instead: 'Refer to a declared port, preferably by name:\n\n```yaml\nports:\n- name: http\n  containerPort: 80\nlivenessProbe:\n  httpGet:\n    path: /\n    port: http\n```',
    },
    'zh-cn': {
      what: '`livenessProbe`、`readinessProbe` 或 `startupProbe` 的 `httpGet.port`、`tcpSocket.port` 或 `grpc.port` 是一个容器 `ports` 中不存在的端口名，或者是一个不在 `containerPort` 列表中的端口号（只有容器声明了端口时才检查端口号，因为未声明的端口照样可以使用）。',
      why: '探针里的端口名只会在容器自己的 `ports` 中查找；找不到时 kubelet 无法解析，探针每次都失败。存活探针失败会让容器反复重启，就绪探针失败则让它永远进不了 Service。端口号和所有声明的端口都不一致，通常是笔误，或者应用换了端口后忘了改，结果一样。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    ports:\n    - name: http\n      containerPort: 80\n    livenessProbe:\n      httpGet:\n        path: /\n        port: htp\n',
      instead: '引用一个已声明的端口，最好用端口名：\n\n```yaml\nports:\n- name: http\n  containerPort: 80\nlivenessProbe:\n  httpGet:\n    path: /\n    port: http\n```',
    },
  },
  references: [
    'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#use-a-named-port',
    'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const ports = mapsIn(child(c.node, 'ports'));
        const names = new Set(ports.map((p) => stringOf(p, 'name')).filter((n): n is string => n !== undefined));
        const numbers = new Set(ports.map((p) => numberOf(p, 'containerPort')).filter((n): n is number => n !== undefined));
        const container = c.name ?? `${c.list}[${c.index}]`;
        for (const probe of PROBES) {
          for (const handler of HANDLERS) {
            const node = child(child(child(c.node, probe), handler), 'port');
            const port = scalarValue(node);
            if (typeof port === 'string') {
              // Digit-only strings and templates are the schema's business, not ours.
              if (port === '' || /^\d+$/.test(port) || isTemplated(port)) continue;
              if (!names.has(port)) ctx.report(node, { probe, port, container, named: 1 });
            } else if (typeof port === 'number' && ports.length > 0 && !numbers.has(port)) {
              ctx.report(node, { probe, port, container, named: '' });
            }
          }
        }
      }
    }
  },
};
