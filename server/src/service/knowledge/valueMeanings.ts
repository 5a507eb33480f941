import type { Locale } from '../l10n';

/**
 * Our own one-line meanings for enum values that upstream lists without one
 * (the generated schema's `vals[].d` is empty for them). Hover shows them in
 * the allowed-values list, as it shows upstream's. Keyed `Type.field`.
 */
const en: Record<string, Record<string, string>> = {
  'PodSpec.restartPolicy': {
    Always: 'restart a container whenever it exits, whatever the exit code (the default; the only value a Deployment, StatefulSet, DaemonSet or ReplicaSet takes).',
    OnFailure: 'restart a container only when it exits with a non-zero code; one that exits 0 stays done.',
    Never: 'never restart a container; the Pod ends Succeeded or Failed.',
  },
  'Toleration.operator': {
    Equal: 'the taint must have this key and this value (the default).',
    Exists: 'the taint must have this key, whatever its value; leave value empty. Without a key, tolerates every taint.',
    Gt: "the taint's value, an integer, must be greater than this value.",
    Lt: "the taint's value, an integer, must be less than this value.",
  },
  'NodeSelectorRequirement.operator': {
    In: "the node's label value is one of values.",
    NotIn: "the node's label value is none of values, or the node lacks the label.",
    Exists: 'the node has the label, whatever its value; values must be empty.',
    DoesNotExist: 'the node does not have the label; values must be empty.',
    Gt: "the node's label value, an integer, is greater than the single value.",
    Lt: "the node's label value, an integer, is less than the single value.",
  },
};

const zhCn: typeof en = {
  'PodSpec.restartPolicy': {
    Always: '容器一退出就重启，不论退出码（默认值；Deployment、StatefulSet、DaemonSet、ReplicaSet 只接受这个值）。',
    OnFailure: '只在容器以非零退出码退出时重启；以 0 退出的就此结束。',
    Never: '从不重启容器；Pod 最终为 Succeeded 或 Failed。',
  },
  'Toleration.operator': {
    Equal: '污点必须有这个键和这个值（默认）。',
    Exists: '污点有这个键即可，不论值是什么；value 留空。不写 key 时容忍所有污点。',
    Gt: '污点的值（整数）必须大于这里的值。',
    Lt: '污点的值（整数）必须小于这里的值。',
  },
  'NodeSelectorRequirement.operator': {
    In: '节点该标签的值是 values 之一。',
    NotIn: '节点该标签的值不在 values 中，或节点没有这个标签。',
    Exists: '节点有这个标签即可，不论值；values 必须为空。',
    DoesNotExist: '节点没有这个标签；values 必须为空。',
    Gt: '节点该标签的值（整数）大于唯一的那个值。',
    Lt: '节点该标签的值（整数）小于唯一的那个值。',
  },
};

/** Our meaning of `value` of `Type.field`, when upstream gives none. */
export function valueMeaning(locale: Locale, field: string, value: string): string | undefined {
  return (locale === 'zh-cn' ? zhCn : en)[field]?.[value];
}
