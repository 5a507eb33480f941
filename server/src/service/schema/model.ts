/**
 * The runtime Kubernetes schema model: the shape of server/generated/k8s-schema.json,
 * written by scripts/generate-schema.mjs, plus the index the service looks things up in.
 */
export type TypeRef =
  | { readonly k: 'string'; readonly lit?: readonly string[]; readonly fmt?: string; readonly name?: string }
  | { readonly k: 'integer'; readonly fmt?: 'int32' | 'int64' }
  | { readonly k: 'number' }
  | { readonly k: 'boolean' }
  | { readonly k: 'quantity' }
  | { readonly k: 'intOrString' }
  | { readonly k: 'any'; readonly name?: string }
  | { readonly k: 'object'; readonly ref: string }
  | { readonly k: 'list'; readonly of: TypeRef }
  | { readonly k: 'map'; readonly of: TypeRef };

export interface EnumValue {
  readonly v: string;
  /** Upstream meaning of this value. */
  readonly d: string;
  readonly dep?: true;
}

export interface FieldDef {
  readonly t: TypeRef;
  readonly req?: true;
  /** Upstream description (English). */
  readonly d?: string;
  readonly vals?: readonly EnumValue[];
  /** The default, as the description states it. */
  readonly def?: string;
  /** Marked read-only / populated by the system in its description. */
  readonly ro?: true;
  /** The deprecation sentence, where the description has one. */
  readonly dep?: string;
}

export interface TypeDef {
  readonly d?: string;
  readonly fields: Readonly<Record<string, FieldDef>>;
  /** Reached only through a `status` field: filled in by the system. */
  readonly status?: true;
}

export interface KindDef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly type: string;
}

export interface SchemaData {
  readonly source: { readonly package: string; readonly version: string };
  readonly kinds: readonly KindDef[];
  readonly types: Readonly<Record<string, TypeDef>>;
}

/** Lookup structure over the generated data; built once per process by the caller, never global. */
export class Schema {
  private readonly byKind = new Map<string, KindDef[]>();
  private readonly required = new Map<string, readonly string[]>();

  constructor(readonly data: SchemaData) {
    for (const k of data.kinds) {
      const list = this.byKind.get(k.kind) ?? [];
      list.push(k);
      this.byKind.set(k.kind, list);
    }
  }

  get source(): string {
    return `${this.data.source.package}@${this.data.source.version}`;
  }

  type(name: string): TypeDef | undefined {
    return Object.prototype.hasOwnProperty.call(this.data.types, name) ? this.data.types[name] : undefined;
  }

  /** The required field names of a type (computed once per type). */
  requiredFields(typeName: string): readonly string[] {
    let names = this.required.get(typeName);
    if (!names) {
      const t = this.type(typeName);
      names = t ? Object.keys(t.fields).filter((f) => t.fields[f].req) : [];
      this.required.set(typeName, names);
    }
    return names;
  }

  field(typeName: string, field: string): FieldDef | undefined {
    const t = this.type(typeName);
    return t && Object.prototype.hasOwnProperty.call(t.fields, field) ? t.fields[field] : undefined;
  }

  /**
   * The kind for an apiVersion/kind pair: exact, or the same kind under an older
   * version of its own API group (`apps/v1beta2`, `extensions/v1beta1`,
   * `batch/v1beta1`), whose schema we approximate by the current one, or under
   * another of Kubernetes' own groups (`v1` Deployment). A `Job` of another
   * group (a CRD) is not ours.
   */
  kind(apiVersion: string, kind: string): { def: KindDef; exact: boolean } | undefined {
    const candidates = this.byKind.get(kind);
    if (!candidates) return undefined;
    const exact = candidates.find((c) => c.apiVersion === apiVersion);
    if (exact) return { def: exact, exact: true };
    const group = groupOf(apiVersion);
    const sameGroup = candidates.find((c) => {
      const own = groupOf(c.apiVersion);
      return own === group || (own === 'apps' && group === 'extensions');
    });
    if (sameGroup) return { def: sameGroup, exact: false };
    // `apiVersion: v1` with `kind: Deployment`, `apps/v1` with `kind: Pod`: one of Kubernetes' own groups, the
    // wrong one for the kind. Checked with the kind's schema, and removed-api-version names the right apiVersion.
    return BUILT_IN_GROUPS.has(group) ? { def: candidates[0], exact: false } : undefined;
  }

  kinds(): readonly KindDef[] {
    return this.data.kinds;
  }
}

/** The API groups of our kinds and of their older versions: a kind's name under another group is a custom resource. */
const BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'extensions']);

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}
