import { isMap, isPair, isScalar, isSeq, YAMLMap } from 'yaml';
import type { Locale } from '../l10n';
import { keyText } from '../parse/path';
import type { Resource } from '../resources';
import { longRunningContainers, podSpecsOf } from '../rules/podSpecs';
import type { ContainerView, PodSpecView } from '../rules/types';
import { child, isTrue, mapAt, mapsIn, numberOf, pair, scalarValue, stringOf } from '../rules/yamlAccess';
import type { Schema } from '../schema/model';
import { formatBytes, formatCpu, parseQuantity } from '../schema/quantity';
import { code, Namespace, ProbeKind, Topic, Words, WORDS } from './machineWords';

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
    ['lifecycle', lifecycleFacts(resource, pod, w)],
    ['resources', resourceFacts(pod, w)],
  ];
  const replicas = numberOf(child(resource.node, 'spec'), 'replicas');
  const lines = [w.heading(resource.kind.kind, resource.name, resource.kind.kind === 'Pod', resource.kind.kind === 'Pod' ? undefined : replicas)];
  for (const [topic, facts] of bullets) {
    if (facts.length > 0) lines.push(`- **${w.topics[topic]}**${w.colon}${facts.join(w.semicolon)}`);
  }
  return lines.join('\n');
}



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

function lifecycleFacts(resource: Resource, pod: PodSpecView, w: Words): string[] {
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
  for (const c of longRunningContainers(resource, [pod])) {
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
