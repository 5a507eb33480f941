import { isAlias, isMap, isPair, isScalar, isSeq, Node, Pair } from 'yaml';
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Locale } from '../l10n';
import type { ParsedFile, YamlDocument } from '../parse/documents';
import { documentLineStarts, offsetIn, positionIn } from '../parse/lines';
import { keyText } from '../parse/path';
import { Resource, resourcesOf } from '../resources';
import { podSpecsOf } from '../rules/podSpecs';
import type { ContainerView, PodSpecView } from '../rules/types';
import { child, pair } from '../rules/yamlAccess';
import { FULL_OUTLINE_DOCUMENTS, shallowSymbols } from './symbolsShallow';
import { Aspect, ASPECT_NAMES, ASPECTS } from './aspects';

export { ASPECT_NAMES, ASPECTS };
export type { Aspect };
import type { Schema } from '../schema/model';

/**
 * The document outline: one symbol per Kubernetes object (each `---` document,
 * each item of a `kind: List`), and beneath an object with a pod spec its
 * containers and the pod spec's fields grouped by aspect, the way the seed
 * notes see a Pod as a machine: network (its NIC), storage (its disks),
 * security (its firewall), scheduling (which server), processes, lifecycle.
 * YAML that is not Kubernetes gets no symbols.
 */
export function findDocumentSymbols(schema: Schema, file: ParsedFile, document: TextDocument, locale: Locale): DocumentSymbol[] {
  if (file.documents.length > FULL_OUTLINE_DOCUMENTS) return shallowSymbols(file, document);
  const out: DocumentSymbol[] = [];
  const key = `symbols:${locale}`;
  let startLine = 0;
  for (const doc of file.documents) {
    // Cached per document like its diagnostics: built with lines counted from the document's first
    // line, and shifted (once per first line) when the document has moved. A document starts on the
    // line after the previous one ends.
    if (doc.start === 0) startLine = 0;
    const cached = doc.chunk.memo.get(key) as { startLine: number; symbols: DocumentSymbol[] } | undefined;
    let symbols = cached?.startLine === startLine ? cached.symbols : undefined;
    if (!symbols) {
      const relative = relativeSymbols(schema, doc, locale, `${key}:relative`);
      symbols = startLine === 0 ? relative : relative.map((s) => shifted(s, startLine));
      doc.chunk.memo.set(key, { startLine, symbols });
    }
    for (const s of symbols) out.push(s);
    startLine += documentLineStarts(doc).length - 1;
  }
  return out;
}

function relativeSymbols(schema: Schema, doc: YamlDocument, locale: Locale, key: string): DocumentSymbol[] {
  let symbols = doc.chunk.memo.get(key) as DocumentSymbol[] | undefined;
  if (!symbols) {
    // Symbols are plain data: the outline of a many-document file does not keep every document's AST (YamlChunk.readOnce).
    symbols = doc.chunk.readOnce(() => {
      const out: DocumentSymbol[] = [];
      const ranges = new Ranges(doc);
      for (const resource of resourcesOf(doc, schema)) {
        const symbol = resourceSymbol(ranges, resource, locale);
        if (symbol) out.push(symbol);
      }
      return out;
    });
    doc.chunk.memo.set(key, symbols);
  }
  return symbols;
}

function shifted(s: DocumentSymbol, lines: number): DocumentSymbol {
  const move = (r: Range): Range => ({
    start: { line: r.start.line + lines, character: r.start.character },
    end: { line: r.end.line + lines, character: r.end.character },
  });
  const out: DocumentSymbol = { ...s, range: move(s.range), selectionRange: move(s.selectionRange) };
  if (s.children) out.children = s.children.map((c) => shifted(c, lines));
  return out;
}

const CONTAINER_LABEL: Readonly<Record<Locale, Readonly<Record<ContainerView['list'], string>>>> = {
  en: { containers: 'container', initContainers: 'init container', ephemeralContainers: 'ephemeral container' },
  'zh-cn': { containers: '容器', initContainers: '初始化容器', ephemeralContainers: '临时容器' },
};

const ITEMS: Readonly<Record<Locale, (n: number) => string>> = {
  en: (n) => `${n} ${n === 1 ? 'item' : 'items'}`,
  'zh-cn': (n) => `${n} 项`,
};

/**
 * Converts chunk offsets of one document to LSP ranges kept inside it, with
 * lines counted from the document's first line (findDocumentSymbols shifts them).
 */
class Ranges {
  private readonly lines: number[];

  constructor(private readonly doc: YamlDocument) {
    this.lines = documentLineStarts(doc);
  }

  /** File offsets of a node, trailing whitespace trimmed, or undefined for nodes without a range. */
  ofNode(node: Node | null | undefined): [number, number] | undefined {
    const r = node?.range;
    if (!r) return undefined;
    return this.span(r[0], r[1]);
  }

  /** From a pair's key to the end of its value. */
  ofPair(p: Pair): [number, number] | undefined {
    const key = this.ofNode(p.key as Node | null);
    if (!key) return undefined;
    const value = this.ofNode(p.value as Node | null);
    return value && value[1] > key[1] ? [key[0], value[1]] : key;
  }

  private span(relStart: number, relEnd: number): [number, number] {
    const text = this.doc.chunk.text;
    const start = Math.min(Math.max(0, relStart), text.length);
    let end = Math.min(Math.max(start, relEnd), text.length);
    while (end > start && /\s/.test(text[end - 1])) end--;
    return [start, end];
  }

  toRange([start, end]: readonly [number, number]): Range {
    return { start: positionIn(this.lines, start), end: positionIn(this.lines, end) };
  }

  /** The chunk offsets of a range this made. */
  offsetsOf(r: Range): [number, number] {
    return [offsetIn(this.lines, r.start), offsetIn(this.lines, r.end)];
  }
}

/**
 * A symbol whose selection range is clamped into its range, and whose range
 * covers its children's (LSP requirements; in broken YAML a node's range can
 * end before its children's do).
 */
function symbol(
  ranges: Ranges,
  name: string,
  detail: string | undefined,
  kind: SymbolKind,
  nodeRange: readonly [number, number],
  selection: readonly [number, number] | undefined,
  children?: DocumentSymbol[],
): DocumentSymbol {
  const range: [number, number] = [nodeRange[0], nodeRange[1]];
  for (const c of children ?? []) {
    const [start, end] = ranges.offsetsOf(c.range);
    range[0] = Math.min(range[0], start);
    range[1] = Math.max(range[1], end);
  }
  let sel: [number, number] = selection ? [selection[0], selection[1]] : [range[0], range[0]];
  if (sel[0] < range[0] || sel[1] > range[1] || sel[0] > sel[1]) sel = [range[0], range[0]];
  const s = DocumentSymbol.create(name, detail || undefined, kind, ranges.toRange(range), ranges.toRange(sel), children);
  if (!s.detail) delete s.detail;
  if (!s.children) delete s.children;
  return s;
}

function resourceSymbol(ranges: Ranges, resource: Resource, locale: Locale): DocumentSymbol | undefined {
  const range = ranges.ofNode(resource.node);
  if (!range) return undefined;
  const metadata = child(resource.node, 'metadata');
  const selection = ranges.ofNode(child(metadata, 'name')) ?? ranges.ofNode(child(resource.node, 'kind'));
  const name = resource.name ? `${resource.kind.kind} ${resource.name}` : resource.kind.kind;
  const children: DocumentSymbol[] = [];
  for (const pod of podSpecsOf(resource)) {
    for (const c of pod.containers) {
      const s = containerSymbol(ranges, c, locale);
      if (s) children.push(s);
    }
    children.push(...aspectSymbols(ranges, pod, locale));
  }
  return symbol(ranges, name, resource.apiVersion, SymbolKind.Class, range, selection, children);
}

function containerLabel(c: ContainerView): string {
  return c.name ?? `${c.list}[${c.index}]`;
}

function containerSymbol(ranges: Ranges, c: ContainerView, locale: Locale): DocumentSymbol | undefined {
  const range = ranges.ofNode(c.node);
  if (!range) return undefined;
  const image = child(c.node, 'image');
  return symbol(
    ranges,
    `${CONTAINER_LABEL[locale][c.list]} ${containerLabel(c)}`,
    isScalar(image) && image.value != null ? String(image.value) : undefined,
    SymbolKind.Object,
    range,
    ranges.ofNode(child(c.node, 'name')),
  );
}

/** One symbol per aspect that has a field present, its children the fields, in document order. */
function aspectSymbols(ranges: Ranges, pod: PodSpecView, locale: Locale): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const group of ASPECTS) {
    const fields: { offset: number; symbol: DocumentSymbol; range: [number, number]; selection: [number, number] }[] = [];
    const add = (p: Pair | undefined, name: string, detail: string | undefined) => {
      if (!p) return;
      const range = ranges.ofPair(p);
      if (!range) return;
      const selection = ranges.ofNode(p.key as Node | null) ?? range;
      fields.push({ offset: range[0], range, selection, symbol: symbol(ranges, name, detail, SymbolKind.Property, range, selection) });
    };
    for (const field of group.pod) {
      const p = pair(pod.node, field);
      add(p, field, p && detailOf(field, p.value, locale));
    }
    for (const c of pod.containers) {
      for (const field of group.container) {
        const p = pair(c.node, field);
        add(p, `${field} (${containerLabel(c)})`, p && detailOf(field, p.value, locale));
      }
      for (const hook of group.hooks ?? []) {
        const p = pair(child(c.node, 'lifecycle'), hook);
        add(p, `${hook} (${containerLabel(c)})`, p && detailOf(hook, p.value, locale));
      }
    }
    if (fields.length === 0) continue;
    fields.sort((a, b) => a.offset - b.offset);
    const range: [number, number] = [
      Math.min(...fields.map((f) => f.range[0])),
      Math.max(...fields.map((f) => f.range[1])),
    ];
    out.push(
      symbol(
        ranges,
        ASPECT_NAMES[locale][group.aspect],
        undefined,
        SymbolKind.Namespace,
        range,
        fields[0].selection,
        fields.map((f) => f.symbol),
      ),
    );
  }
  return out;
}

const MAX_DETAIL = 60;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL ? `${oneLine.slice(0, MAX_DETAIL - 1)}…` : oneLine;
}

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  return v === null || v === undefined ? undefined : String(v);
}

/** A short description of a field's value: the value of a scalar, the gist of a collection. */
export function detailOf(field: string, value: unknown, locale: Locale): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (isAlias(value)) return `*${value.source}`;
  if (isScalar(value)) {
    const s = scalarString(value);
    return s === undefined ? undefined : clip(s);
  }
  const special = specialDetail(field, value);
  if (special !== undefined) return special ? clip(special) : undefined;
  if (isSeq(value)) {
    const names = value.items.map((i) => scalarString(child(i, 'name')));
    if (names.length > 0 && names.every((n) => n !== undefined)) return clip(names.join(', '));
    return ITEMS[locale](value.items.length);
  }
  if (isMap(value)) {
    const parts = value.items.filter(isPair).map((p) => {
      const k = keyText(p) ?? '?';
      const v = scalarString(p.value);
      return v === undefined ? k : `${k}: ${v}`;
    });
    return parts.length ? clip(parts.join(', ')) : undefined;
  }
  return undefined;
}

const HANDLER_ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'];

/** The action of a probe or lifecycle hook: `exec: nginx -s quit`, `httpGet /ready :http`, `sleep 5s`. */
export function handlerDetail(handler: unknown): string | undefined {
  if (!isMap(handler)) return undefined;
  const actions: string[] = [];
  for (const action of HANDLER_ACTIONS) {
    const v = child(handler, action);
    if (!pair(handler, action)) continue;
    switch (action) {
      case 'exec': {
        const cmd = child(v, 'command');
        const words = isSeq(cmd) ? cmd.items.map((i) => scalarString(i) ?? '…') : [];
        actions.push(words.length ? `exec: ${words.join(' ')}` : 'exec');
        break;
      }
      case 'httpGet': {
        const path = scalarString(child(v, 'path'));
        const port = scalarString(child(v, 'port'));
        actions.push(['httpGet', path, port !== undefined ? `:${port}` : undefined].filter(Boolean).join(' '));
        break;
      }
      case 'tcpSocket':
      case 'grpc': {
        const port = scalarString(child(v, 'port'));
        actions.push(port !== undefined ? `${action} :${port}` : action);
        break;
      }
      case 'sleep': {
        const seconds = scalarString(child(v, 'seconds'));
        actions.push(seconds !== undefined ? `sleep ${seconds}s` : 'sleep');
        break;
      }
    }
  }
  return actions.length ? actions.join(' + ') : undefined;
}

/** Details for the collections whose gist is not their names or keys; '' means "no detail". */
function specialDetail(field: string, value: unknown): string | undefined {
  switch (field) {
    case 'postStart':
    case 'preStop':
    case 'livenessProbe':
    case 'readinessProbe':
    case 'startupProbe':
      return handlerDetail(value) ?? '';
    case 'volumes':
      if (!isSeq(value)) return undefined;
      return value.items
        .map((v) => {
          const name = scalarString(child(v, 'name')) ?? '?';
          const type = isMap(v) ? v.items.filter(isPair).map(keyText).find((k) => k !== undefined && k !== 'name') : undefined;
          return type ? `${name} (${type})` : name;
        })
        .join(', ');
    case 'ports':
      if (!isSeq(value)) return undefined;
      return value.items
        .map((p) => {
          const port = scalarString(child(p, 'containerPort')) ?? '?';
          const protocol = scalarString(child(p, 'protocol'));
          const name = scalarString(child(p, 'name'));
          const hostPort = scalarString(child(p, 'hostPort'));
          let s = protocol && protocol !== 'TCP' ? `${port}/${protocol}` : port;
          if (name) s += ` (${name})`;
          if (hostPort && hostPort !== '0') s += ` → host ${hostPort}`;
          return s;
        })
        .join(', ');
    case 'volumeMounts':
    case 'volumeDevices':
      if (!isSeq(value)) return undefined;
      return value.items
        .map((m) => `${scalarString(child(m, 'name')) ?? '?'} → ${scalarString(child(m, field === 'volumeMounts' ? 'mountPath' : 'devicePath')) ?? '?'}`)
        .join(', ');
    case 'hostAliases':
      if (!isSeq(value)) return undefined;
      return value.items
        .map((a) => {
          const names = child(a, 'hostnames');
          return [scalarString(child(a, 'ip')) ?? '?', ...(isSeq(names) ? names.items.map((n) => scalarString(n) ?? '?') : [])].join(' ');
        })
        .join('; ');
    case 'nodeSelector':
      if (!isMap(value)) return undefined;
      return value.items
        .filter(isPair)
        .map((p) => `${keyText(p) ?? '?'}=${scalarString(p.value) ?? ''}`)
        .join(', ');
    case 'tolerations':
      if (!isSeq(value)) return undefined;
      return value.items
        .map((t) => {
          const key = scalarString(child(t, 'key'));
          const op = scalarString(child(t, 'operator'));
          const val = scalarString(child(t, 'value'));
          const effect = scalarString(child(t, 'effect'));
          const head = key === undefined ? (op === 'Exists' ? '*' : '?') : val !== undefined ? `${key}=${val}` : key;
          return effect ? `${head}:${effect}` : head;
        })
        .join(', ');
    default:
      return undefined;
  }
}
