import { isMap, isScalar } from 'yaml';
import { CompletionItem, CompletionItemKind, InsertTextFormat, Range, TextEdit } from 'vscode-languageserver-types';
import type { Locale } from '../l10n';
import { nodeAtPath, type Path } from '../parse/path';
import type { Resource } from '../resources';
import type { Resolved } from '../schema/resolve';
import { ENV_FIELDS, RESOURCES as READABLE_RESOURCES, VOLUME_FIELDS } from '../rules/downward-api-field';
import { child } from '../rules/yamlAccess';

/**
 * Keys and values the schema types only as strings, but that Kubernetes
 * knows a fixed set of: the resource names of `limits` and `requests`, the
 * well-known node labels of `nodeSelector` (and `topologyKey`), the Pod
 * fields the downward API can read (`fieldRef.fieldPath`, different for an
 * environment variable and a downwardAPI volume) and the container resources
 * it can read (`resourceFieldRef.resource`). Facts from the Kubernetes
 * documentation (downward API, resource management, well-known labels).
 */

interface Known {
  readonly text: string;
  readonly en: string;
  readonly zh: string;
  /** Inserted instead of `text`, as a snippet (`metadata.labels['${1:key}']`). */
  readonly snippet?: string;
}

const k = (text: string, en: string, zh: string, snippet?: string): Known => ({ text, en, zh, snippet });

const RESOURCES: readonly Known[] = [
  k('cpu', 'CPU, in cores: 500m is half a core', 'CPU，单位为核：500m 即半个核'),
  k('memory', 'Memory, in bytes: 128Mi, 1Gi', '内存，单位为字节：128Mi、1Gi'),
  k('ephemeral-storage', 'Local scratch space: writable layers, logs, emptyDir', '本地临时存储：可写层、日志、emptyDir'),
  k('hugepages-2Mi', 'Huge pages of 2 MiB (needs a memory or CPU request too)', '2 MiB 大页（还需要 memory 或 cpu 请求）'),
  k('hugepages-1Gi', 'Huge pages of 1 GiB (needs a memory or CPU request too)', '1 GiB 大页（还需要 memory 或 cpu 请求）'),
];

const NODE_LABELS: readonly Known[] = [
  k('kubernetes.io/hostname', "The node's hostname: one node", '节点的主机名：一个节点'),
  k('topology.kubernetes.io/zone', "The node's zone in its cloud", '节点所在的可用区'),
  k('topology.kubernetes.io/region', "The node's region in its cloud", '节点所在的地域'),
  k('kubernetes.io/os', "The node's operating system: linux or windows", '节点的操作系统：linux 或 windows'),
  k('kubernetes.io/arch', "The node's CPU architecture: amd64, arm64...", '节点的 CPU 架构：amd64、arm64……'),
  k('node.kubernetes.io/instance-type', "The node's instance type, set by its cloud provider", '节点的实例类型，由云厂商设置'),
];

const LABEL_VALUES: Record<string, readonly Known[]> = {
  'kubernetes.io/os': [k('linux', 'Linux nodes', 'Linux 节点'), k('windows', 'Windows nodes', 'Windows 节点')],
  'kubernetes.io/arch': [k('amd64', 'x86-64', 'x86-64'), k('arm64', '64-bit ARM', '64 位 ARM'), k('ppc64le', 'POWER, little-endian', 'POWER（小端）'), k('s390x', 'IBM Z', 'IBM Z')],
};

/** What each fieldRef path reads. Which paths each form may read is the rule's (downward-api-field.ts). */
const FIELD_MEANINGS: Readonly<Record<string, readonly [en: string, zh: string]>> = {
  'metadata.name': ["The Pod's name", 'Pod 的名字'],
  'metadata.namespace': ["The Pod's namespace", 'Pod 的命名空间'],
  'metadata.uid': ["The Pod's unique ID", 'Pod 的唯一 ID'],
  'metadata.labels': ['All the Pod\'s labels, one key="value" per line', 'Pod 的全部标签，每行一个 key="value"'],
  'metadata.annotations': ['All the Pod\'s annotations, one key="value" per line', 'Pod 的全部注解，每行一个 key="value"'],
  'spec.nodeName': ['The node the Pod runs on', 'Pod 所在节点的名字'],
  'spec.serviceAccountName': ["The Pod's service account", 'Pod 的服务账号'],
  'status.podIP': ["The Pod's primary IP address", 'Pod 的主 IP 地址'],
  'status.podIPs': ["The Pod's IP addresses (dual stack), the primary first", 'Pod 的全部 IP 地址（双栈），主地址在前'],
  'status.hostIP': ["The primary IP address of the Pod's node", 'Pod 所在节点的主 IP 地址'],
  'status.hostIPs': ["The IP addresses of the Pod's node (dual stack)", 'Pod 所在节点的全部 IP 地址（双栈）'],
};

/** One label's or annotation's value: both forms read it. */
const SUBSCRIPTS: readonly Known[] = [
  k("metadata.labels['<KEY>']", "The value of one of the Pod's labels", 'Pod 某个标签的值', "metadata.labels['${1:key}']"),
  k("metadata.annotations['<KEY>']", "The value of one of the Pod's annotations", 'Pod 某个注解的值', "metadata.annotations['${1:key}']"),
];

const fieldsOf = (paths: ReadonlySet<string>): readonly Known[] => [
  ...[...paths].map((p) => k(p, FIELD_MEANINGS[p]?.[0] ?? p, FIELD_MEANINGS[p]?.[1] ?? p)),
  ...SUBSCRIPTS,
];
const FIELDS_FOR_ENV = fieldsOf(ENV_FIELDS);
const FIELDS_FOR_VOLUME = fieldsOf(VOLUME_FIELDS);

/** The resources the rule accepts (downward-api-field.ts), and huge pages of the two common sizes. */
const CONTAINER_RESOURCES: readonly Known[] = [...new Set([...READABLE_RESOURCES].map((p) => p.slice(p.indexOf('.') + 1))), 'hugepages-2Mi', 'hugepages-1Gi'].flatMap((r) => [
  k(`limits.${r}`, `The container's ${r} limit (without one: what the node can allocate, for cpu and memory)`, `容器的 ${r} 上限（未设置时，cpu 和 memory 取节点可分配的量）`),
  k(`requests.${r}`, `The container's ${r} request`, `容器的 ${r} 请求`),
]);

/** The keys Kubernetes knows for the free-form map a path is in (`limits:`, `nodeSelector:`). */
function keyTable(resolved: Resolved): readonly Known[] {
  const name = resolved.field?.name;
  const owner = resolved.field?.owner;
  if ((name === 'limits' || name === 'requests') && owner === 'ResourceRequirements') return RESOURCES;
  if (name === 'overhead' && owner === 'PodSpec') return RESOURCES.slice(0, 2);
  if (name === 'nodeSelector' && owner === 'PodSpec') return NODE_LABELS;
  return [];
}

/** The values Kubernetes knows for the string field a path ends in (its key last), without the Pod's own labels. */
function valueTable(resolved: Resolved, path: Path): readonly Known[] {
  const key = path[path.length - 1];
  const owner = resolved.field?.owner;
  if (key === 'fieldPath' && owner === 'ObjectFieldSelector') return path.includes('downwardAPI') ? FIELDS_FOR_VOLUME : FIELDS_FOR_ENV;
  if (key === 'resource' && owner === 'ResourceFieldSelector') return CONTAINER_RESOURCES;
  if (key === 'topologyKey') return NODE_LABELS.filter((x) => x.text.includes('hostname') || x.text.startsWith('topology.'));
  if (typeof key === 'string' && resolved.mapKey !== undefined && resolved.field?.name === 'nodeSelector') return LABEL_VALUES[key] ?? [];
  return [];
}

/** Keys for a free-form map the cursor is in (`limits:`, `nodeSelector:`), minus those present. */
export function knownKeys(resolved: Resolved, present: ReadonlySet<string>, range: Range, hasColon: boolean, locale: Locale): CompletionItem[] {
  return keyTable(resolved)
    .filter((x) => !present.has(x.text))
    .map((x) => item(x, hasColon ? x.text : `${x.text}: $0`, range, CompletionItemKind.Property, locale));
}

/**
 * Values for a string field that takes one of a known set: `fieldPath`,
 * `resource`, `topologyKey`, and a well-known node label's value.
 */
export function knownValues(resolved: Resolved, resource: Resource, path: Path, range: Range, locale: Locale): CompletionItem[] {
  let known = valueTable(resolved, path);
  if (path[path.length - 1] === 'fieldPath' && known.length > 0) {
    // The Pod's own labels first, written out: `metadata.labels['app']`.
    const labels = podLabels(resource, path);
    known = [...labels.map((l) => k(`metadata.labels['${l}']`, `The Pod's label ${l}`, `Pod 的标签 ${l}`)), ...known];
  }
  return known.map((x, i) => ({ ...item(x, x.snippet ?? x.text, range, CompletionItemKind.Value, locale), sortText: String(i).padStart(3, '0') }));
}

/**
 * For hover: what a well-known map key (`limits.cpu`, `nodeSelector` labels)
 * or value (`fieldPath: status.podIP`) means, in the locale; undefined for others.
 */
export function knownMeaning(resolved: Resolved, path: Path, value: string | undefined, locale: Locale): string | undefined {
  const onKey = resolved.mapKey !== undefined && value === undefined;
  const hit = onKey ? keyTable(resolved).find((x) => x.text === resolved.mapKey) : value !== undefined ? valueTable(resolved, path).find((x) => x.text === value) : undefined;
  return hit ? (locale === 'zh-cn' ? hit.zh : hit.en) : undefined;
}

function item(x: Known, insert: string, range: Range, kind: CompletionItemKind, locale: Locale): CompletionItem {
  const snippet = insert !== x.text;
  return {
    label: x.text,
    kind,
    detail: locale === 'zh-cn' ? x.zh : x.en,
    filterText: x.text,
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: TextEdit.replace(range, insert),
  };
}

/** The label keys of the Pod a path inside it belongs to: the `metadata` beside the `spec` that holds its containers or volumes. */
function podLabels(resource: Resource, path: Path): string[] {
  const at = path.findIndex((s, i) => typeof s === 'string' && /^((init|ephemeral)?[cC]ontainers|volumes)$/.test(s) && path[i - 1] === 'spec');
  if (at < 1) return [];
  const labels = child(child(nodeAtPath(resource.node, path.slice(0, at - 1)), 'metadata'), 'labels');
  if (!isMap(labels)) return [];
  return labels.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')).filter((key) => key !== '' && !/['\\]/.test(key));
}
