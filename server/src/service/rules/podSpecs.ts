import { isMap, YAMLMap } from 'yaml';
import type { Path } from '../parse/path';
import type { Resource } from '../resources';
import type { ContainerView, PodSpecView } from './types';
import { child, mapsIn, mapAt, stringOf } from './yamlAccess';

/** Where each kind keeps its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

export function podSpecsOf(resource: Resource): PodSpecView[] {
  const path = POD_SPEC_PATHS[resource.kind.kind];
  if (!path) return [];
  const node = mapAt(resource.node, ...path);
  if (!node) return [];
  const metadata = path.length === 1 ? mapAt(resource.node, 'metadata') : mapAt(resource.node, ...path.slice(0, -1), 'metadata');
  return [{ node, path: path as Path, containers: containersOf(node), metadata }];
}

function containersOf(spec: YAMLMap): ContainerView[] {
  const out: ContainerView[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    mapsIn(child(spec, list)).forEach((node, index) => {
      if (isMap(node)) out.push({ node, list, index, name: stringOf(node, 'name') });
    });
  }
  return out;
}

/** One entry of a Pod's container statuses, with the spec list its container is in. */
export interface ContainerStatusView {
  readonly node: YAMLMap;
  readonly list: ContainerView['list'];
  readonly name?: string;
}

const STATUS_LISTS = [
  ['initContainerStatuses', 'initContainers'],
  ['containerStatuses', 'containers'],
  ['ephemeralContainerStatuses', 'ephemeralContainers'],
] as const;

/** The container statuses of a Pod read back from a cluster (`kubectl get -o yaml`); none for other kinds. */
export function containerStatusesOf(resource: Resource): ContainerStatusView[] {
  if (resource.kind.kind !== 'Pod') return [];
  const status = child(resource.node, 'status');
  return STATUS_LISTS.flatMap(([statusList, list]) => mapsIn(child(status, statusList)).map((node) => ({ node, list, name: stringOf(node, 'name') })));
}

/** Kinds whose Pods are meant to keep running (never Job or CronJob). */
const LONG_RUNNING = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'PodTemplate']);

/** A native sidecar: an init container with `restartPolicy: Always`, which keeps running beside the app. */
export function isNativeSidecar(c: ContainerView): boolean {
  return c.list === 'initContainers' && stringOf(c.node, 'restartPolicy') === 'Always';
}

/**
 * The containers of a resource that are meant to keep running: regular
 * containers and native sidecars, in long-running kinds; none for a bare Pod
 * with `restartPolicy: Never` or `OnFailure`.
 */
export function longRunningContainers(resource: Resource, pods: readonly PodSpecView[]): ContainerView[] {
  if (!LONG_RUNNING.has(resource.kind.kind)) return [];
  const out: ContainerView[] = [];
  for (const pod of pods) {
    const policy = stringOf(pod.node, 'restartPolicy');
    if (resource.kind.kind === 'Pod' && (policy === 'Never' || policy === 'OnFailure')) continue;
    for (const c of pod.containers) if (c.list === 'containers' || isNativeSidecar(c)) out.push(c);
  }
  return out;
}
