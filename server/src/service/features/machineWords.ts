import type { Locale } from '../l10n';
import type { ContainerView } from '../rules/types';

/** The words of "this Pod as a machine", per locale. */
export type Topic = 'containers' | 'network' | 'storage' | 'security' | 'scheduling' | 'processes' | 'lifecycle' | 'resources';
export type Namespace = 'network' | 'IPC' | 'PID';
export type ProbeKind = 'startup' | 'readiness' | 'liveness';

export interface Words {
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

export const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

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

export const WORDS: Readonly<Record<Locale, Words>> = { en, 'zh-cn': zhCn };
