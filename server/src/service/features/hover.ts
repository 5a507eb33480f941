import type { Hover } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { knowledge, KnowledgeEntry } from '../knowledge';
import { docLink } from '../knowledge/docLinks';
import { valueMeaning } from '../knowledge/valueMeanings';
import { Locale, ui, UiStrings } from '../l10n';
import { escapeMarkdown, linkLabel } from '../markdown';
import { Aspect, ASPECTS } from './aspects';
import { machineSummary } from './machine';
import { WORDS } from './machineWords';
import { knownMeaning } from './wellKnown';
import { documentAt, ParsedFile } from '../parse/documents';
import { formatPath, locate, Path } from '../parse/path';
import { Resource, resourceAt, resourcesOf } from '../resources';
import type { FieldDef, Schema } from '../schema/model';
import { resolvePath, Resolved, typeLabel } from '../schema/resolve';

export interface HoverOptions {
  readonly locale: Locale;
}

/**
 * Hover on a key or value of a Kubernetes object: what the field is (type,
 * required, default, allowed values), what it does to the Pod in our own words,
 * the upstream description, and where to read more. Nothing for YAML that is
 * not Kubernetes or for paths the schema does not know.
 */
export function doHover(
  schema: Schema,
  file: ParsedFile,
  document: TextDocument,
  offset: number,
  options: HoverOptions,
): Hover | null {
  const doc = documentAt(file, offset);
  if (!doc) return null;
  const resources = resourcesOf(doc, schema);
  if (resources.length === 0) return null;
  const loc = locate(doc, offset);
  if (loc.on !== 'key' && loc.on !== 'value') return null;
  // In a document the parser could not read, a value that runs over lines (an unclosed quote) has swallowed
  // the keys below it: hovering one of them would name the wrong field. Nothing rather than something wrong.
  if (loc.on === 'value' && loc.scalar?.type !== 'BLOCK_LITERAL' && loc.scalar?.type !== 'BLOCK_FOLDED' && loc.range && doc.chunk.yaml.errors.length > 0) {
    const text = doc.chunk.text;
    const rel = offset - doc.start;
    const from = loc.range[0] - doc.start;
    if (text.lastIndexOf('\n', rel - 1) >= from) return null;
  }
  const hit = resourceAt(resources, loc.path);
  if (!hit || hit.rest.length === 0) return null;
  const resolved = resolvePath(schema, hit.resource.kind, hit.rest);
  if (!resolved?.field) return null;

  const value = loc.on === 'value' && loc.scalar ? scalarText(loc.scalar.value) : undefined;
  let markdown = fieldMarkdown(resolved, hit.resource, hit.rest, value, options.locale);
  // On a resource's `kind`: first, what the whole manifest asks of the node.
  if (hit.rest.length === 1 && hit.rest[0] === 'kind') {
    const machine = machineSummary(schema, hit.resource, options.locale);
    if (machine) markdown = `${machine}\n\n---\n\n${markdown}`;
  }
  const range = loc.range
    ? { start: document.positionAt(loc.range[0]), end: document.positionAt(loc.range[1]) }
    : undefined;
  return { contents: { kind: 'markdown', value: markdown }, range };
}

/**
 * Everything we know about one field, as Markdown: the header (path, type,
 * required, badges), our note, the upstream description with allowed values
 * and default, and the links. Shared by hover and completion documentation.
 */
export function fieldMarkdown(resolved: Resolved, resource: Resource, rest: Path, value: string | undefined, locale: Locale): string {
  const t = ui(locale);
  const field = resolved.field!;
  const parts: string[] = [];
  parts.push(header(resolved, resource.kind.kind, formatPath(rest), value, t, locale));
  // A key or value Kubernetes gives a fixed meaning that the schema cannot (`limits.cpu`, `fieldPath: status.podIP`).
  const meaning = knownMeaning(resolved, rest, value, locale);
  if (meaning) parts.push(escapeMarkdown(meaning));
  if (!resource.exactVersion) {
    parts.push(`_${t.olderVersion(resource.apiVersion, resource.kind.kind, resource.kind.apiVersion)}_`);
  }
  const curated = curatedFor(resolved, value, locale);
  if (curated) parts.push(renderEntry(curated.entry, curated.onValue || resolved.systemPopulated, t));
  parts.push(upstream(field.def, value, resolved, t, locale));
  const links = linksFor(field.def, curated?.entry, resolved);
  parts.push([...links.map((url) => `[${linkLabel(url)}](${url})`), `\`kubectl explain ${resolved.explain.join('.')}\``].join(' · '));
  return parts.join('\n\n---\n\n');
}

function scalarText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'object' ? undefined : String(v);
}

function header(r: Resolved, kind: string, path: string, value: string | undefined, t: UiStrings, locale: Locale): string {
  const field = r.field!;
  const name = r.mapKey !== undefined ? r.mapKey : field.name;
  const label = r.mapKey !== undefined ? typeLabel(r.type) : typeLabel(field.def.t);
  const lines = [`**${escapeMarkdown(name)}** \`${label}\` · ${field.def.req ? `**${t.required}**` : t.optional}`];
  lines.push(`\`${kind}.${path}\``);
  if (r.mapKey !== undefined) lines.push(t.entryOf(r.mapKey, field.name));
  else if (value !== undefined && value.length <= 80) lines.push(t.valueOf(escapeCode(value), field.name));
  if (r.systemPopulated || field.def.ro) lines.push(`_${t.readOnly}_`);
  if (field.def.dep) lines.push(`**${t.deprecated}** ${escapeMarkdown(field.def.dep)}`);
  // The seed's view of a Pod as a machine: which part of it a pod spec or container field is (its NIC, disks...).
  const topic = r.mapKey === undefined && value === undefined ? aspectOf(field.owner, field.name) : undefined;
  if (topic) lines.push(`_${t.aspect(WORDS[locale].topics[topic])}_`);
  return lines.join('  \n');
}

/** The aspect of a pod spec field, a container field or a lifecycle hook (features/aspects.ts). */
function aspectOf(owner: string, field: string): Aspect | undefined {
  for (const a of ASPECTS) {
    if (owner === 'PodSpec' ? a.pod.includes(field) : owner === 'Container' || owner === 'EphemeralContainer' ? a.container.includes(field) : owner === 'Lifecycle' && a.hooks?.includes(field)) return a.aspect;
  }
  return undefined;
}

/**
 * The most specific note we wrote: on this value (`PodStatus.phase=Unknown`),
 * else on the field (`PodSpec.hostPID`), else on the field's type (`PodSpec`).
 */
function curatedFor(r: Resolved, value: string | undefined, locale: Locale): { entry: KnowledgeEntry; onValue: boolean } | undefined {
  const field = r.field!;
  if (value !== undefined && r.mapKey === undefined) {
    const entry = knowledge(locale, `${field.owner}.${field.name}=${value}`);
    if (entry) return { entry, onValue: true };
  }
  const itemType = r.type.k === 'list' ? r.type.of : r.type;
  const entry = knowledge(locale, `${field.owner}.${field.name}`) ?? (itemType.k === 'object' ? knowledge(locale, itemType.ref) : undefined);
  return entry ? { entry, onValue: false } : undefined;
}

function renderEntry(e: KnowledgeEntry, meaning: boolean, t: UiStrings): string {
  const lines = [`**${meaning ? t.whatItMeans : t.whatItDoes}** ${e.what}`];
  if (e.trap) lines.push(`**${t.trap}** ${e.trap}`);
  if (e.instead) lines.push(`**${t.instead}** ${e.instead}`);
  if (e.upstreamDiffers) lines.push(`**${t.upstreamDiffers}** ${e.upstreamDiffers}`);
  return lines.join('\n\n');
}

function upstream(def: FieldDef, value: string | undefined, r: Resolved, t: UiStrings, locale: Locale): string {
  const out: string[] = [];
  if (def.d) out.push(escapeMarkdown(def.d));
  const itemType = r.type.k === 'list' ? r.type.of : def.t;
  if (itemType.k === 'string' && itemType.fmt) out.push(t.format(itemType.fmt));
  // Upstream lists some values without a meaning (restartPolicy's): ours where we wrote one, else a plain list.
  const owner = r.field ? `${r.field.owner}.${r.field.name}` : '';
  const meaningOf = (v: { v: string; d: string }) => (v.d ? escapeMarkdown(v.d) : valueMeaning(locale, owner, v.v));
  if (def.vals && def.vals.length > 0 && def.vals.some((v) => meaningOf(v))) {
    const rows = def.vals.map((v) => {
      const mark = v.v === value ? ` **← ${t.current}**` : '';
      const meaning = meaningOf(v);
      return `- \`${v.v}\`${mark}${meaning ? `: ${meaning}` : ''}`;
    });
    out.push(`**${t.allowedValues}**\n\n${rows.join('\n')}`);
  } else if (def.t.k === 'string' && def.t.lit && def.t.lit.length > 0) {
    out.push(`**${t.allowedValues}** ${def.t.lit.map((v) => `\`${v}\`${v === value ? ` (${t.current})` : ''}`).join(', ')}`);
  }
  if (def.def) out.push(`**${t.defaultIs}** ${escapeMarkdown(def.def)}`);
  return out.length > 0 ? `_${t.upstream}_\n\n${out.join('\n\n')}` : `_${t.upstream}_`;
}

const URL_RE = /https?:\/\/[^\s)\]>"'`]+[^\s)\]>"'`.,;:]/g;

function escapeCode(value: string): string {
  return value.replace(/`/g, "'").replace(/\s+/g, ' ');
}

/** Our pages first, then the ones the upstream description points to. */
function linksFor(def: FieldDef, curated: KnowledgeEntry | undefined, r: Resolved): string[] {
  const urls: string[] = [...(curated?.links ?? [])];
  for (const u of def.d?.match(URL_RE) ?? []) urls.push(u.replace(/^http:/, 'https:'));
  if (urls.length === 0 && r.field) {
    const itemType = r.type.k === 'list' ? r.type.of : r.type;
    const own = docLink(r.field.owner, r.field.name, itemType.k === 'object' ? itemType.ref : undefined);
    if (own) urls.push(own);
  }
  // `pod-lifecycle` and `pod-lifecycle/` are one page: keep the first spelling.
  const seen = new Set<string>();
  return urls.filter((u) => {
    const key = u.replace(/\/(#|$)/, '$1');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, 4);
}
