/**
 * Curated explanations written by the PodSense team, keyed by schema location.
 *
 * Keys name a place in the Kubernetes schema, not a place in one document, so
 * one entry serves a bare Pod, every workload template, init and ephemeral
 * containers alike:
 *   - `Type`            the type as a whole (shown when hovering a key whose value is that type,
 *                       e.g. `PodSpec` on `spec:` / `template.spec:`)
 *   - `Type.field`      one field of a type (`PodSpec.nodeName`, `Container.lifecycle`)
 *   - `Type.field=Value` one value of a field (`PodStatus.phase=Unknown`,
 *                       `ContainerStateWaiting.reason=CrashLoopBackOff`)
 * Type names are the short Kubernetes type names used by `kubectl explain`.
 */
export type Locale = 'en' | 'zh-cn';

export interface KnowledgeEntry {
  /** One or two sentences: what this field does to the Pod, in the "Pod as a machine" terms of the seed. */
  readonly what: string;
  /** The thing people get wrong or are surprised by. */
  readonly trap?: string;
  /** What to do instead, or how to check. */
  readonly instead?: string;
  /** Where our note and the upstream description differ, say both here. */
  readonly upstreamDiffers?: string;
  /** Kubernetes documentation pages (absolute https URLs) backing the facts above. */
  readonly links?: readonly string[];
}

export type KnowledgeTable = Readonly<Record<string, KnowledgeEntry>>;
