import { isMap, isSeq, YAMLMap } from 'yaml';
import { CompletionItem, CompletionItemKind, Range, TextEdit } from 'vscode-languageserver-types';
import type { YamlDocument } from '../parse/documents';
import type { Path } from '../parse/path';
import type { Resource } from '../resources';
import { podSpecsOf } from '../rules/podSpecs';
import { declaredVolumes } from '../rules/unknown-volume-mount';
import { child, mapsIn, numberOf, stringOf } from '../rules/yamlAccess';

const CONTAINER_REFERENCES = new Set(['containerName', 'targetContainerName']);

/**
 * Values that refer to something declared elsewhere in the same object:
 * container names (`targetContainerName`, `resourceFieldRef.containerName`...),
 * the volume a mount names, and a probe's or hook's port, from the
 * container's declared ports.
 */
export function referenceValues(_doc: YamlDocument, resource: Resource, path: Path, range: Range): CompletionItem[] {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return [];
  if (CONTAINER_REFERENCES.has(key)) {
    const names = podSpecsOf(resource).flatMap((p) => p.containers.filter((c) => c.list !== 'ephemeralContainers').map((c) => c.name));
    return [...new Set(names.filter((n): n is string => !!n))].map((n) => ({
      label: n,
      kind: CompletionItemKind.Reference,
      textEdit: TextEdit.replace(range, n),
    }));
  }
  if (key === 'name' && (path[path.length - 3] === 'volumeMounts' || path[path.length - 3] === 'volumeDevices')) {
    // The Pod's volumes (and a StatefulSet's claim templates), those this container has not mounted yet first.
    const pod = podSpecsOf(resource).find((p) => p.path.every((seg, i) => path[i] === seg));
    const names = pod ? declaredVolumes({ resource }, pod) : [];
    const container = containerAt(resource, path);
    const mounted = new Set(mapsIn(child(container, String(path[path.length - 3]))).map((m) => stringOf(m, 'name')));
    return [...new Set(names)].map((n) => ({
      label: n,
      kind: CompletionItemKind.Reference,
      sortText: `${mounted.has(n) ? 1 : 0}${n}`,
      textEdit: TextEdit.replace(range, n),
    }));
  }
  if (key === 'port' && path.some((s) => s === 'httpGet' || s === 'tcpSocket' || s === 'grpc')) {
    const container = containerAt(resource, path);
    if (!container) return [];
    const items: CompletionItem[] = [];
    for (const p of mapsIn(child(container, 'ports'))) {
      const name = stringOf(p, 'name');
      const number = numberOf(p, 'containerPort');
      if (name && !path.includes('grpc')) items.push({ label: name, kind: CompletionItemKind.Reference, detail: number !== undefined ? String(number) : undefined, textEdit: TextEdit.replace(range, name), sortText: `0${name}` });
      if (number !== undefined) items.push({ label: String(number), kind: CompletionItemKind.Value, detail: name, textEdit: TextEdit.replace(range, String(number)), sortText: `1${number}` });
    }
    return items;
  }
  return [];
}

/** The container map a path inside a pod spec passes through (`...containers[i]...`). */
function containerAt(resource: Resource, path: Path): YAMLMap | undefined {
  let node: unknown = resource.node;
  let container: YAMLMap | undefined;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number') {
      node = isSeq(node) ? node.items[seg] : undefined;
      if (isMap(node) && /^(init|ephemeral)?[cC]ontainers$/.test(String(path[i - 1]))) container = node;
    } else {
      node = child(node, seg);
    }
    if (node === undefined) break;
  }
  return container;
}
