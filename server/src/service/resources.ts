import { isMap, isSeq, YAMLMap } from 'yaml';
import type { YamlDocument } from './parse/documents';
import { Path, scalarOf, pairOf } from './parse/path';
import type { KindDef, Schema } from './schema/model';

/** A Kubernetes object found in a document: the whole document, or one item of a `kind: List` or a typed list (`PodList`). */
export interface Resource {
  /** Path of the object inside its document: `[]`, or `['items', 3]`. */
  readonly at: Path;
  readonly node: YAMLMap;
  readonly kind: KindDef;
  readonly apiVersion: string;
  /** False when the apiVersion is an older version of the kind's group, approximated by the current schema. */
  readonly exactVersion: boolean;
  readonly name?: string;
  /**
   * Read back from a cluster (`kubectl get -o yaml`): its metadata carries
   * fields only the API server writes. Rules about authoring choices that the
   * system itself makes (a scheduler-set nodeName) do not apply to it.
   */
  readonly live: boolean;
}

/** Metadata fields only the API server writes. */
const SERVER_WRITTEN = ['uid', 'resourceVersion', 'creationTimestamp'];

const MEMO = 'resources';

/**
 * The Kubernetes objects in a document, detected by content (`apiVersion` and
 * `kind` naming a known kind). Anything else - a CI workflow, a compose file,
 * a Helm template that did not parse - yields none, and so gets nothing from us.
 * Cached on the chunk: it only changes when the document's text does.
 */
export function resourcesOf(doc: YamlDocument, schema: Schema): readonly Resource[] {
  const memo = doc.chunk.nodeMemo;
  let found = memo.get(MEMO) as Resource[] | undefined;
  if (!found) {
    found = detect(doc.chunk.yaml.contents, schema);
    memo.set(MEMO, found);
  }
  return found;
}

function detect(root: unknown, schema: Schema): Resource[] {
  const top = asResource(root, [], schema);
  if (top) return typedListItems(top, schema) ?? [top];
  if (!isMap(root) || scalarOf(root, 'kind') !== 'List' || !scalarOf(root, 'apiVersion')) return [];
  const items = pairOf(root, 'items')?.value;
  if (!isSeq(items)) return [];
  const out: Resource[] = [];
  items.items.forEach((item, i) => {
    const r = asResource(item, ['items', i], schema);
    if (r) out.push(r);
  });
  return out;
}

/**
 * The items of a typed list (`kind: PodList`, `DeploymentList`... as the API
 * returns them): each one a resource of the list's item kind, whether or not
 * it repeats `apiVersion` and `kind` (the API leaves them out). Undefined for
 * a resource that is not such a list.
 */
function typedListItems(list: Resource, schema: Schema): Resource[] | undefined {
  if (!list.kind.kind.endsWith('List')) return undefined;
  const itemType = schema.field(list.kind.type, 'items')?.t;
  if (itemType?.k !== 'list' || itemType.of.k !== 'object') return undefined;
  const ref = itemType.of.ref;
  const itemKind = schema.kinds().find((k) => k.type === ref);
  if (!itemKind) return undefined;
  const items = pairOf(list.node, 'items')?.value;
  if (!isSeq(items)) return undefined;
  const out: Resource[] = [];
  items.items.forEach((item, i) => {
    if (!isMap(item)) return;
    const at = ['items', i];
    // An item that names its kind is taken as it says (and left out if it is not ours).
    if (scalarOf(item, 'apiVersion') || scalarOf(item, 'kind')) {
      const r = asResource(item, at, schema);
      if (r) out.push(r);
      return;
    }
    out.push(resourceOf(item, at, itemKind, list.apiVersion, list.exactVersion));
  });
  // An empty list is still a Kubernetes document: checked as the list itself.
  return out.length > 0 ? out : undefined;
}

function asResource(node: unknown, at: Path, schema: Schema): Resource | undefined {
  if (!isMap(node)) return undefined;
  const apiVersion = scalarOf(node, 'apiVersion');
  const kind = scalarOf(node, 'kind');
  if (!apiVersion || !kind) return undefined;
  const match = schema.kind(apiVersion, kind);
  if (!match) return undefined;
  return resourceOf(node, at, match.def, apiVersion, match.exact);
}

function resourceOf(node: YAMLMap, at: Path, kind: KindDef, apiVersion: string, exactVersion: boolean): Resource {
  const metadata = pairOf(node, 'metadata')?.value;
  const live = isMap(metadata) && SERVER_WRITTEN.some((f) => pairOf(metadata, f) !== undefined);
  return { at, node, kind, apiVersion, exactVersion, name: scalarOf(metadata, 'name'), live };
}

/** The resource a document path falls in, and the path relative to it. */
export function resourceAt(resources: readonly Resource[], path: Path): { resource: Resource; rest: Path } | undefined {
  for (const resource of resources) {
    const at = resource.at;
    if (at.length <= path.length && at.every((seg, i) => path[i] === seg)) {
      return { resource, rest: path.slice(at.length) };
    }
  }
  return undefined;
}
