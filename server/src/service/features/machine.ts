import { isMap, isPair, isScalar, isSeq, YAMLMap } from 'yaml';
import type { Locale } from '../l10n';
import { keyText } from '../parse/path';
import type { Resource } from '../resources';
import { longRunningContainers } from '../rules/no-readiness-probe';
import { podSpecsOf } from '../rules/podSpecs';
import type { ContainerView, PodSpecView } from '../rules/types';
import { child, isTrue, mapAt, mapsIn, numberOf, pair, scalarValue, stringOf } from '../rules/yamlAccess';
import type { Schema } from '../schema/model';

/**
 * "This Pod as a machine": what a manifest asks of the node, in the seed
 * notes' terms (network = the NIC, storage = the disks, security = the
 * firewall, scheduling = which physical server, plus processes and
 * lifecycle), as a heading and at most eight bullets of Markdown. Undefined
 * for objects without a pod spec (a PodList, a Pod without `spec`).
 */
export function machineSummary(_schema: Schema, resource: Resource, locale: Locale): string | undefined {
  const pod = podSpecsOf(resource)[0];
  if (!pod) return undefined;
  const w = WORDS[locale];
  const spec = pod.node;
  const bullets: [Topic, string[]][] = [
    ['containers', containerFacts(pod, w)],
    ['network', networkFacts(pod, w)],
    ['storage', storageFacts(pod, w)],
    ['security', securityFacts(pod, w)],
    ['scheduling', schedulingFacts(resource, spec, w)],
    ['processes', processFacts(pod, w)],
    ['lifecycle', lifecycleFacts(resource, pod, locale, w)],
    ['resources', resourceFacts(pod, w)],
  ];
  const replicas = numberOf(child(resource.node, 'spec'), 'replicas');
  const lines = [w.heading(resource.kind.kind, resource.name, resource.kind.kind === 'Pod', resource.kind.kind === 'Pod' ? undefined : replicas)];
  for (const [topic, facts] of bullets) {
    if (facts.length > 0) lines.push(`- **${w.topics[topic]}**${w.colon}${facts.join(w.semicolon)}`);
  }
  return lines.join('\n');
}

type Topic = 'containers' | 'network' | 'storage' | 'security' | 'scheduling' | 'processes' | 'lifecycle' | 'resources';
type Namespace = 'network' | 'IPC' | 'PID';
type ProbeKind = 'startup' | 'readiness' | 'liveness';

interface Words {
  readonly colon: string;
  readonly semicolon: string;
  /** A parenthetical after a word: ` (x)`, `（x）`. */
  paren(s: string): string;
  readonly topics: Readonly<Record<Topic, string>>;
  heading(kind: string, name: string | undefined, isPod: boolean, replicas: number | undefined): string;
  containers(list: ContainerView['list'], count: number, items: string): string;
  list(items: readonly string[]): string;
  noContainers: string;
  more(n: number): string;
  hostNetwork: string;
  ownNetwork: string;
  ports(items: string): string;
  hostAliases(n: number): string;
  volumes(n: number, items: string): string;
  noVolumes: string;
  hostNamespaces(which: readonly Namespace[]): string;
  runsAsRoot(containers: string | undefined): string;
  nonRoot: string;
  privileged(containers: string, n: number): string;
  capabilities(container: string, caps: string): string;
  serviceAccount(name: string): string;
  noToken: string;
  ownUserNamespace: string;
  pinned(node: string): string;
  runsOn(node: string): string;
  nodeSelector(labels: string): string;
  affinity(kinds: string): string;
  tolerations(n: number): string;
  spread(n: number): string;
  priorityClass(name: string): string;
  scheduler(name: string): string;
  runtimeClass(name: string): string;
  sharedPid(n: number): string;
  hostPid: string;
  hooks(hooks: readonly string[], container: string): string;
  grace(seconds: number, isDefault: boolean): string;
  deadline(seconds: number): string;
  probes(kinds: readonly ProbeKind[], containers: string): string;
  noProbe(kinds: readonly ProbeKind[], containers: string): string;
  requests(items: string, total: boolean): string;
  limits(items: string, total: boolean): string;
  resourceName(name: string): string;
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

const en: Words = {
  colon: ': ',
  semicolon: '; ',
  paren: (s) => ` (${s})`,
  topics: {
    containers: 'containers',
    network: 'network (NIC)',
    storage: 'storage (disks)',
    security: 'security (firewall)',
    scheduling: 'scheduling (which server)',
    processes: 'processes',
    lifecycle: 'lifecycle',
    resources: 'resources',
  },
  heading: (kind, name, isPod, replicas) => {
    const who = name ? `${kind} ${code(name)}` : kind;
    const head = isPod ? `**${who} as a machine**` : `**${who}: each of its Pods as a machine**`;
    return replicas !== undefined ? `${head} · ${replicas} ${replicas === 1 ? 'replica' : 'replicas'}` : head;
  },
  containers: (list, n, items) =>
    `${n} ${{ containers: 'container', initContainers: 'init container', ephemeralContainers: 'ephemeral container' }[list]}${n === 1 ? '' : 's'}: ${items}`,
  list: (items) => items.join(', '),
  noContainers: 'no containers',
  more: (n) => `+${n} more`,
  hostNetwork: "no NIC of its own: it uses the node's network namespace, so its ports open on the node's interfaces",
  ownNetwork: 'one NIC and IP for the whole Pod: its containers reach each other on localhost',
  ports: (items) => `ports ${items}`,
  hostAliases: (n) => `${n} extra /etc/hosts ${n === 1 ? 'entry' : 'entries'} (hostAliases)`,
  volumes: (n, items) => `${n} ${n === 1 ? 'volume' : 'volumes'}: ${items}`,
  noVolumes: 'no volumes: container files are lost on restart',
  hostNamespaces: (which) => {
    const names = which.length === 1 ? which[0] : `${which.slice(0, -1).join(', ')} and ${which[which.length - 1]}`;
    return `shares the node's ${names} ${which.length === 1 ? 'namespace' : 'namespaces'}`;
  },
  runsAsRoot: (containers) => (containers ? `${containers} run${containers.includes(',') ? '' : 's'} as root` : 'runs as root'),
  nonRoot: 'must run as non-root',
  privileged: (containers, n) => `privileged ${n === 1 ? 'container' : 'containers'} ${containers}`,
  capabilities: (container, caps) => `${container} adds capabilities ${caps}`,
  serviceAccount: (name) => `service account ${code(name)}`,
  noToken: 'no API token mounted',
  ownUserNamespace: 'own user namespace (hostUsers: false)',
  pinned: (node) => `pinned to node ${code(node)}: scheduler bypassed`,
  runsOn: (node) => `running on node ${code(node)}`,
  nodeSelector: (labels) => `only nodes labelled ${labels}`,
  affinity: (kinds) => `affinity rules: ${kinds}`,
  tolerations: (n) => `tolerates ${n} ${n === 1 ? 'taint' : 'taints'}`,
  spread: (n) => `${n} topology spread ${n === 1 ? 'constraint' : 'constraints'}`,
  priorityClass: (name) => `priority class ${code(name)}`,
  scheduler: (name) => `scheduler ${code(name)}`,
  runtimeClass: (name) => `runtime class ${code(name)}`,
  sharedPid: (n) => `${n} ${n === 1 ? 'container shares' : 'containers share'} one process namespace; pause is PID 1`,
  hostPid: 'sees every process on the node (hostPID)',
  hooks: (hooks, container) => `${hooks.join(' and ')} ${hooks.length === 1 ? 'hook' : 'hooks'} on ${container}`,
  grace: (seconds, isDefault) => `grace period ${seconds}s${isDefault ? ' (default)' : ''}`,
  deadline: (seconds) => `stopped after ${seconds}s (activeDeadlineSeconds)`,
  probes: (kinds, containers) =>
    `${kinds.length === 1 ? kinds[0] : `${kinds.slice(0, -1).join(', ')} and ${kinds[kinds.length - 1]}`} ${kinds.length === 1 ? 'probe' : 'probes'} on ${containers}`,
  noProbe: (kinds, containers) => `no ${kinds.join(' or ')} probe on ${containers}`,
  requests: (items, total) => `requests ${items}${total ? ' in total' : ''}`,
  limits: (items, total) => `limits ${items}${total ? ' in total' : ''}`,
  resourceName: (name) => ({ cpu: 'CPU', memory: 'memory', 'ephemeral-storage': 'ephemeral storage' })[name] ?? name,
};

const ZH_PROBE: Readonly<Record<ProbeKind, string>> = { startup: '启动', readiness: '就绪', liveness: '存活' };
const ZH_NS: Readonly<Record<Namespace, string>> = { network: '网络', IPC: 'IPC', PID: 'PID' };

const zhCn: Words = {
  colon: '：',
  semicolon: '；',
  paren: (s) => `（${s}）`,
  topics: {
    containers: '容器',
    network: '网络（网卡）',
    storage: '存储（磁盘）',
    security: '安全（防火墙）',
    scheduling: '调度（哪台服务器）',
    processes: '进程',
    lifecycle: '生命周期',
    resources: '资源',
  },
  heading: (kind, name, isPod, replicas) => {
    const who = name ? `${kind} ${code(name)}` : kind;
    const head = isPod ? `**把 ${who} 看作一台机器**` : `**${who}：把它的每个 Pod 看作一台机器**`;
    return replicas !== undefined ? `${head} · ${replicas} 个副本` : head;
  },
  containers: (list, n, items) =>
    `${n} 个${{ containers: '容器', initContainers: '初始化容器', ephemeralContainers: '临时容器' }[list]}：${items}`,
  list: (items) => items.join('、'),
  noContainers: '没有容器',
  more: (n) => `另有 ${n} 个`,
  hostNetwork: '没有自己的网卡：使用节点的网络命名空间，端口直接开在节点的网卡上',
  ownNetwork: '整个 Pod 一块网卡、一个 IP：容器之间通过 localhost 互通',
  ports: (items) => `端口 ${items}`,
  hostAliases: (n) => `在 /etc/hosts 中加入 ${n} 条记录（hostAliases）`,
  volumes: (n, items) => `${n} 个卷：${items}`,
  noVolumes: '没有卷：容器重启后文件丢失',
  hostNamespaces: (which) => {
    const names = which.map((n) => ZH_NS[n]);
    const joined = names.length === 1 ? names[0] : `${names.slice(0, -1).join('、')} 和 ${names[names.length - 1]}`;
    const latin = (n: Namespace) => n !== 'network';
    return `与节点共享${latin(which[0]) ? ' ' : ''}${joined}${latin(which[which.length - 1]) ? ' ' : ''}命名空间`;
  },
  runsAsRoot: (containers) => (containers ? `${containers} 以 root 运行` : '以 root 运行'),
  nonRoot: '必须以非 root 用户运行',
  privileged: (containers) => `特权容器 ${containers}`,
  capabilities: (container, caps) => `${container} 增加了 capabilities ${caps}`,
  serviceAccount: (name) => `服务账号 ${code(name)}`,
  noToken: '不挂载 API 令牌',
  ownUserNamespace: '使用独立的用户命名空间（hostUsers: false）',
  pinned: (node) => `绑定到节点 ${code(node)}：绕过了调度器`,
  runsOn: (node) => `运行在节点 ${code(node)} 上`,
  nodeSelector: (labels) => `只调度到带有 ${labels} 标签的节点`,
  affinity: (kinds) => `亲和性规则：${kinds}`,
  tolerations: (n) => `容忍 ${n} 个污点`,
  spread: (n) => `${n} 条拓扑分布约束`,
  priorityClass: (name) => `优先级类 ${code(name)}`,
  scheduler: (name) => `调度器 ${code(name)}`,
  runtimeClass: (name) => `运行时类 ${code(name)}`,
  sharedPid: (n) => `${n} 个容器共享一个进程命名空间；pause 是 PID 1`,
  hostPid: '能看到节点上的所有进程（hostPID）',
  hooks: (hooks, container) => `${container} 上有 ${hooks.join(' 和 ')} 钩子`,
  grace: (seconds, isDefault) => `优雅终止期 ${seconds} 秒${isDefault ? '（默认）' : ''}`,
  deadline: (seconds) => `${seconds} 秒后被终止（activeDeadlineSeconds）`,
  probes: (kinds, containers) => `${containers} 有${kinds.map((k) => ZH_PROBE[k]).join('、')}探针`,
  noProbe: (kinds, containers) => `${containers} 没有${kinds.map((k) => ZH_PROBE[k]).join('和')}探针`,
  requests: (items, total) => `${total ? '共' : ''}请求 ${items}`,
  limits: (items, total) => `${total ? '共' : ''}上限 ${items}`,
  resourceName: (name) => ({ cpu: 'CPU', memory: '内存', 'ephemeral-storage': '临时存储' })[name] ?? name,
};

const WORDS: Readonly<Record<Locale, Words>> = { en, 'zh-cn': zhCn };

const MAX_ITEMS = 4;

function shortList(items: readonly string[], w: Words): string {
  const shown = items.slice(0, MAX_ITEMS);
  if (items.length > MAX_ITEMS) shown.push(w.more(items.length - MAX_ITEMS));
  return w.list(shown);
}

function label(c: ContainerView): string {
  return code(c.name ?? `${c.list}[${c.index}]`);
}

function text(node: unknown): string | undefined {
  const v = scalarValue(node);
  return v === null || v === undefined ? undefined : String(v);
}

function containerFacts(pod: PodSpecView, w: Words): string[] {
  const facts: string[] = [];
  for (const list of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
    const cs = pod.containers.filter((c) => c.list === list);
    if (cs.length === 0) continue;
    const items = cs.map((c) => {
      const image = stringOf(c.node, 'image');
      return image ? `${label(c)}${w.paren(code(image))}` : label(c);
    });
    facts.push(w.containers(list, cs.length, shortList(items, w)));
  }
  return facts.length ? facts : [w.noContainers];
}

function networkFacts(pod: PodSpecView, w: Words): string[] {
  const spec = pod.node;
  const facts: string[] = [];
  const regular = pod.containers.filter((c) => c.list !== 'ephemeralContainers');
  if (isTrue(spec, 'hostNetwork')) facts.push(w.hostNetwork);
  else if (regular.length > 1) facts.push(w.ownNetwork);
  const ports: string[] = [];
  for (const c of regular) {
    const numbers = mapsIn(child(c.node, 'ports')).map((p) => {
      const port = text(child(p, 'containerPort')) ?? '?';
      const protocol = stringOf(p, 'protocol');
      const hostPort = text(child(p, 'hostPort'));
      let s = protocol && protocol !== 'TCP' ? `${port}/${protocol}` : port;
      if (hostPort && hostPort !== '0') s += ` → node:${hostPort}`;
      return s;
    });
    if (numbers.length) ports.push(`${numbers.join(', ')}${w.paren(label(c))}`);
  }
  if (ports.length) facts.push(w.ports(shortList(ports, w)));
  const dnsPolicy = stringOf(spec, 'dnsPolicy');
  if (dnsPolicy) facts.push(`dnsPolicy ${code(dnsPolicy)}`);
  const aliases = child(spec, 'hostAliases');
  if (isSeq(aliases) && aliases.items.length) facts.push(w.hostAliases(aliases.items.length));
  for (const field of ['hostname', 'subdomain']) {
    const v = stringOf(spec, field);
    if (v) facts.push(`${field} ${code(v)}`);
  }
  return facts;
}

function storageFacts(pod: PodSpecView, w: Words): string[] {
  const volumes = child(pod.node, 'volumes');
  if (!isSeq(volumes) || volumes.items.length === 0) return pod.containers.length ? [w.noVolumes] : [];
  const items = volumes.items.map((v) => {
    const name = stringOf(v, 'name') ?? '?';
    const type = isMap(v) ? v.items.filter(isPair).map(keyText).find((k) => k !== undefined && k !== 'name') : undefined;
    return type ? `${code(name)}${w.paren(type)}` : code(name);
  });
  return [w.volumes(items.length, shortList(items, w))];
}

function securityFacts(pod: PodSpecView, w: Words): string[] {
  const spec = pod.node;
  const facts: string[] = [];
  const shared: Namespace[] = [];
  if (isTrue(spec, 'hostNetwork')) shared.push('network');
  if (isTrue(spec, 'hostIPC')) shared.push('IPC');
  if (isTrue(spec, 'hostPID')) shared.push('PID');
  if (shared.length) facts.push(w.hostNamespaces(shared));

  const podContext = mapAt(spec, 'securityContext');
  const podUser = numberOf(podContext, 'runAsUser');
  const regular = pod.containers.filter((c) => c.list !== 'ephemeralContainers');
  const rootContainers = regular.filter((c) => {
    const user = numberOf(mapAt(c.node, 'securityContext'), 'runAsUser');
    return user === 0 || (user === undefined && podUser === 0);
  });
  if (rootContainers.length && rootContainers.length === regular.length) facts.push(w.runsAsRoot(undefined));
  else if (rootContainers.length) facts.push(w.runsAsRoot(shortList(rootContainers.map(label), w)));
  else if (isTrue(podContext, 'runAsNonRoot')) facts.push(w.nonRoot);

  const privileged = pod.containers.filter((c) => isTrue(mapAt(c.node, 'securityContext'), 'privileged'));
  if (privileged.length) facts.push(w.privileged(shortList(privileged.map(label), w), privileged.length));
  for (const c of pod.containers) {
    const add = child(mapAt(c.node, 'securityContext', 'capabilities'), 'add');
    const caps = isSeq(add) ? add.items.map(text).filter((s): s is string => !!s) : [];
    if (caps.length) facts.push(w.capabilities(label(c), caps.map(code).join(', ')));
  }
  const account = stringOf(spec, 'serviceAccountName') ?? stringOf(spec, 'serviceAccount');
  if (account) facts.push(w.serviceAccount(account));
  if (scalarValue(child(spec, 'automountServiceAccountToken')) === false) facts.push(w.noToken);
  if (scalarValue(child(spec, 'hostUsers')) === false) facts.push(w.ownUserNamespace);
  return facts;
}

function schedulingFacts(resource: Resource, spec: YAMLMap, w: Words): string[] {
  const facts: string[] = [];
  const nodeName = stringOf(spec, 'nodeName');
  if (nodeName) facts.push(resource.live ? w.runsOn(nodeName) : w.pinned(nodeName));
  const selector = mapAt(spec, 'nodeSelector');
  if (selector && selector.items.length) {
    facts.push(w.nodeSelector(shortList(selector.items.filter(isPair).map((p) => code(`${keyText(p) ?? '?'}=${text(p.value) ?? ''}`)), w)));
  }
  const affinity = mapAt(spec, 'affinity');
  const kinds = affinity ? affinity.items.filter(isPair).map(keyText).filter((k): k is string => !!k) : [];
  if (kinds.length) facts.push(w.affinity(kinds.join(', ')));
  const tolerations = child(spec, 'tolerations');
  if (isSeq(tolerations) && tolerations.items.length) facts.push(w.tolerations(tolerations.items.length));
  const spread = child(spec, 'topologySpreadConstraints');
  if (isSeq(spread) && spread.items.length) facts.push(w.spread(spread.items.length));
  const priorityClass = stringOf(spec, 'priorityClassName');
  if (priorityClass) facts.push(w.priorityClass(priorityClass));
  const scheduler = stringOf(spec, 'schedulerName');
  if (scheduler && scheduler !== 'default-scheduler') facts.push(w.scheduler(scheduler));
  const runtime = stringOf(spec, 'runtimeClassName');
  if (runtime) facts.push(w.runtimeClass(runtime));
  return facts;
}

function processFacts(pod: PodSpecView, w: Words): string[] {
  const facts: string[] = [];
  if (isTrue(pod.node, 'shareProcessNamespace')) facts.push(w.sharedPid(pod.containers.filter((c) => c.list !== 'ephemeralContainers').length));
  if (isTrue(pod.node, 'hostPID')) facts.push(w.hostPid);
  return facts;
}

const PROBES: readonly [ProbeKind, string][] = [
  ['startup', 'startupProbe'],
  ['readiness', 'readinessProbe'],
  ['liveness', 'livenessProbe'],
];

function lifecycleFacts(resource: Resource, pod: PodSpecView, locale: Locale, w: Words): string[] {
  const spec = pod.node;
  const facts: string[] = [];
  const restartPolicy = stringOf(spec, 'restartPolicy');
  if (restartPolicy) facts.push(`restartPolicy ${code(restartPolicy)}`);
  let preStop = false;
  for (const c of pod.containers) {
    const lifecycle = mapAt(c.node, 'lifecycle');
    const hooks = ['postStart', 'preStop'].filter((h) => pair(lifecycle, h));
    if (hooks.includes('preStop')) preStop = true;
    if (hooks.length) facts.push(w.hooks(hooks, label(c)));
  }
  const grace = numberOf(spec, 'terminationGracePeriodSeconds');
  if (grace !== undefined) facts.push(w.grace(grace, false));
  else if (preStop) facts.push(w.grace(30, true));
  const deadline = numberOf(spec, 'activeDeadlineSeconds');
  if (deadline !== undefined) facts.push(w.deadline(deadline));

  // Probes: what each container has, grouped by the same set, then what long-running containers lack.
  const withProbes = new Map<string, { kinds: ProbeKind[]; names: string[] }>();
  for (const c of pod.containers) {
    if (c.list === 'ephemeralContainers') continue;
    const kinds = PROBES.filter(([, field]) => pair(c.node, field)).map(([k]) => k);
    if (!kinds.length) continue;
    const key = kinds.join(',');
    const entry = withProbes.get(key) ?? { kinds, names: [] };
    entry.names.push(label(c));
    withProbes.set(key, entry);
  }
  for (const { kinds, names } of withProbes.values()) facts.push(w.probes(kinds, shortList(names, w)));
  const missing = new Map<string, { kinds: ProbeKind[]; names: string[] }>();
  for (const c of longRunningContainers({ resource, pods: [pod], locale, report: () => undefined })) {
    const kinds = (['readiness', 'liveness'] as const).filter((k) => !pair(c.node, `${k}Probe`));
    if (!kinds.length) continue;
    const key = kinds.join(',');
    const entry = missing.get(key) ?? { kinds: [...kinds], names: [] };
    entry.names.push(label(c));
    missing.set(key, entry);
  }
  for (const { kinds, names } of missing.values()) facts.push(w.noProbe(kinds, shortList(names, w)));
  return facts;
}

// ---- resources -------------------------------------------------------------

const SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity as a number of base units, or undefined when it does not parse. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\+?(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1] + (m[2] ?? ''));
  const total = n * SUFFIX[m[3] ?? ''];
  return Number.isFinite(total) ? total : undefined;
}

/** CPU in cores as Kubernetes prints it: `250m`, `1500m`, `2`. */
export function formatCpu(cores: number): string {
  const millis = Math.ceil(cores * 1000 - 1e-6);
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

const BYTE_UNITS: readonly [string, number][] = [
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
];

/** Bytes in the largest unit that divides them: `512Mi`, `1500M`. */
export function formatBytes(bytes: number): string {
  const whole = Math.ceil(bytes - 1e-6);
  for (const [suffix, unit] of BYTE_UNITS) if (whole >= unit && whole % unit === 0) return `${whole / unit}${suffix}`;
  return String(whole);
}

function formatAmount(resource: string, amount: number): string {
  if (resource === 'cpu') return formatCpu(amount);
  if (resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) return formatBytes(amount);
  return Number.isInteger(amount) ? String(amount) : String(Math.round(amount * 1000) / 1000);
}

/**
 * Requests and limits of the regular containers: summed per resource when
 * every value parses, else the values listed with their containers.
 */
function resourceFacts(pod: PodSpecView, w: Words): string[] {
  const containers = pod.containers.filter((c) => c.list === 'containers');
  const facts: string[] = [];
  for (const which of ['requests', 'limits'] as const) {
    const byResource = new Map<string, { raw: string; parsed: number | undefined; container: ContainerView }[]>();
    for (const c of containers) {
      const map = mapAt(c.node, 'resources', which);
      for (const p of map?.items ?? []) {
        const name = keyText(p);
        if (!name || !isScalar(p.value)) continue;
        const raw = text(p.value) ?? '';
        const list = byResource.get(name) ?? [];
        list.push({ raw, parsed: parseQuantity(p.value.value), container: c });
        byResource.set(name, list);
      }
    }
    if (byResource.size === 0) continue;
    let summed = false;
    const parts = [...byResource.entries()].map(([name, values]) => {
      const unit = w.resourceName(name);
      if (values.every((v) => v.parsed !== undefined)) {
        if (values.length > 1) summed = true;
        return `${formatAmount(name, values.reduce((s, v) => s + (v.parsed ?? 0), 0))} ${unit}`;
      }
      return `${unit} ${w.list(values.map((v) => `${code(v.raw)}${w.paren(label(v.container))}`))}`;
    });
    const items = parts.join(' / ');
    facts.push(which === 'requests' ? w.requests(items, summed) : w.limits(items, summed));
  }
  return facts;
}
