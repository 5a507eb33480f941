import { isSeq } from 'yaml';
import { isTemplated } from './addresses';
import type { Rule } from './types';
import { child, scalarValue } from './yamlAccess';

export const duplicateEnvName: Rule = {
  id: 'duplicate-env-name',
  category: 'correctness',
  severity: 'warning',
  message: {
    en: (d) =>
      `Environment variable "${d.name ?? ''}" is already set by env[${d.first ?? '?'}] of container "${d.container ?? ''}": the later value silently wins and the earlier one is ignored. Remove one of the two entries.`,
    'zh-cn': (d) =>
      `环境变量 "${d.name ?? ''}" 已在容器 "${d.container ?? ''}" 的 env[${d.first ?? '?'}] 中设置过：后面的值会悄悄生效，前面的被忽略。请删掉其中一个。`,
  },
  docs: {
    en: {
      what: 'A container whose `env` list sets the same variable `name` twice.',
      why: 'The API server accepts duplicate names (recent versions only print a warning) and the container sees just one value: the later entry silently overrides the earlier one. Which value is "right" is rarely obvious to the next reader; often one of the entries was meant to be changed and the edit has no effect. `$(VAR)` references between the two entries can also resolve to the earlier value, making the result even harder to follow.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    env:\n    - name: LOG_LEVEL\n      value: debug\n    - name: LOG_LEVEL\n      value: info\n',
      instead: 'Keep one entry per variable:\n\n```yaml\nenv:\n- name: LOG_LEVEL\n  value: info\n```',
    },
    'zh-cn': {
      what: '容器的 `env` 列表中同一个变量 `name` 出现了两次。',
      why: 'API Server 接受重复的名字（新版本只给出警告），容器里只会看到一个值：后面的条目悄悄覆盖前面的。之后阅读的人很难看出哪个值才是“对的”；常见情况是本想修改其中一个，改了却没有效果。两个条目之间的 `$(VAR)` 引用还可能解析成前面的值，让结果更难理解。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    env:\n    - name: LOG_LEVEL\n      value: debug\n    - name: LOG_LEVEL\n      value: info\n',
      instead: '每个变量只保留一个条目：\n\n```yaml\nenv:\n- name: LOG_LEVEL\n  value: info\n```',
    },
  },
  references: ['https://kubernetes.io/docs/tasks/inject-data-application/define-environment-variable-container/'],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const first = new Map<string, number>();
        const env = child(c.node, 'env');
        if (!isSeq(env)) continue;
        env.items.forEach((entry, index) => {
          const node = child(entry, 'name');
          const name = scalarValue(node);
          if (typeof name !== 'string' || name === '' || isTemplated(name)) return;
          const seen = first.get(name);
          if (seen !== undefined) ctx.report(node, { name, first: seen, container: c.name ?? `${c.list}[${c.index}]` });
          else first.set(name, index);
        });
      }
    }
  },
};
