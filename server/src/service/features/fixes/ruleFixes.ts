import { isMap, isScalar, isSeq, Pair, YAMLMap } from 'yaml';
import { keyText, pairOf } from '../../parse/path';
import { closestDownward } from '../../rules/downward-api-field';
import { meantOctal } from '../../rules/invalid-file-mode';
import { closestField } from '../../schema/suggest';
import { imageTag } from '../../rules/latest-tag';
import { findAt, Hit, keyAbove } from './find';
import type { YamlDocument } from '../../parse/documents';
import type { Fix } from './types';
import {
  column, contentEnd, disjoint, Edit, insertAfterLine, insertIntoMap, removePair, renderBlock, renderFlow,
  replaceScalar, scalarInner, Source, startOf, Tree,
} from './text';
import type { Titles } from './titles';

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;
const PLACEHOLDER_COMMAND = '["/bin/sh", "-c", "<command>"]';

/** Quick fixes for the rules that have one; [] for the others or when the AST is not what the rule reported on. */
export function ruleFixes(code: string, doc: YamlDocument, src: Source, rel: number, t: Titles): Fix[] {
  const hit = findAt(doc, rel);
  if (!hit) return [];
  switch (code) {
    case 'no-readiness-probe':
      return probeFixes(hit, src, t, 'readinessProbe', '/ready');
    case 'no-liveness-probe':
      return probeFixes(hit, src, t, 'livenessProbe', '/healthz');
    case 'share-process-namespace-with-host-pid':
      return sharedPidFixes(hit, src, t);
    case 'lifecycle-handler-actions':
      return handlerActionFixes(hit, src, t);
    case 'lifecycle-tcp-socket':
      return tcpSocketFixes(hit, src, t);
    case 'latest-tag':
      return pinTagFixes(hit, src, t);
    case 'status-in-manifest':
      return statusFixes(hit, src, t);
    case 'downward-api-field':
      return downwardFixes(hit, src, t);
    case 'unknown-volume-mount':
      return volumeNameFixes(hit, src, t);
    case 'invalid-file-mode':
      return fileModeFixes(hit, src, t);
    default:
      return [];
  }
}

function fix(title: string, edits: readonly (Edit | undefined)[], preferred = false): Fix[] {
  if (edits.length === 0 || edits.some((e) => e === undefined)) return [];
  return [{ title, edits: disjoint(edits as Edit[]), preferred }];
}

/** A scalar as YAML text: plain when that reads back as the same string, else double-quoted. */
function yamlString(s: string): string {
  return /^[A-Za-z_/][\w./-]*$/.test(s) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(s) ? s : JSON.stringify(s);
}

/** The container's first declared port: its name, else its number (as written). */
function firstPort(container: YAMLMap): string | undefined {
  const ports = pairOf(container, 'ports')?.value;
  const first = isSeq(ports) ? ports.items[0] : undefined;
  if (!isMap(first)) return undefined;
  const name = pairOf(first, 'name')?.value;
  if (isScalar(name) && typeof name.value === 'string' && name.value !== '') return yamlString(name.value);
  const number = pairOf(first, 'containerPort')?.value;
  return isScalar(number) && typeof number.value === 'number' ? String(number.value) : undefined;
}

function probeFixes(hit: Hit, src: Source, t: Titles, probe: string, path: string): Fix[] {
  const container = hit.on === 'value' ? undefined : hit.map;
  if (!container || !CONTAINER_LISTS.has(keyAbove(hit) ?? '') || pairOf(container, probe)) return [];
  const port = firstPort(container);
  if (port === undefined) {
    const exec = insertIntoMap(src, container, { [probe]: { exec: { command: PLACEHOLDER_COMMAND } } });
    return fix(t.addProbe(probe, 'exec'), [exec], true);
  }
  const http = insertIntoMap(src, container, { [probe]: { httpGet: { path, port } } });
  const tcp = insertIntoMap(src, container, { [probe]: { tcpSocket: { port } } });
  return [...fix(t.addProbe(probe, `httpGet ${path} :${port}`), [http], true), ...fix(t.addProbe(probe, `tcpSocket :${port}`), [tcp])];
}

function sharedPidFixes(hit: Hit, src: Source, t: Titles): Fix[] {
  const spec = hit.map;
  if (hit.on !== 'key' || !spec || !hit.pair || keyText(hit.pair) !== 'shareProcessNamespace') return [];
  const hostPid = pairOf(spec, 'hostPID');
  if (!hostPid) return [];
  return [
    ...fix(t.removeKey('hostPID'), [removePair(src, spec, hostPid)], true),
    ...fix(t.removeKey('shareProcessNamespace'), [removePair(src, spec, hit.pair)]),
  ];
}

function present(handler: YAMLMap, action: string): Pair | undefined {
  const p = pairOf(handler, action);
  return p && p.value !== null && p.value !== undefined && !(isScalar(p.value) && p.value.value === null) ? p : undefined;
}

function handlerActionFixes(hit: Hit, src: Source, t: Titles): Fix[] {
  const hook = hit.pair ? keyText(hit.pair) : undefined;
  const handler = hit.pair?.value;
  if (hit.on !== 'key' || (hook !== 'postStart' && hook !== 'preStop') || !isMap(handler) || keyAbove(hit) !== 'lifecycle') return [];
  const actions = ACTIONS.filter((a) => present(handler, a));
  if (actions.length > 1) {
    return actions.flatMap((keep) =>
      fix(t.keepAction(keep, hook), actions.filter((a) => a !== keep).map((a) => removePair(src, handler, present(handler, a)!))),
    );
  }
  if (actions.length === 1) return [];
  const empty = pairOf(handler, 'exec');
  if (!empty) return fix(t.addExec(hook), [insertIntoMap(src, handler, { exec: { command: PLACEHOLDER_COMMAND } })], true);
  // `exec:` with nothing after it: give it a command.
  const keyAt = startOf(empty.key, src.base);
  const end = contentEnd(empty, src.base);
  if (handler.flow || keyAt === undefined || end === undefined) return [];
  const indent = ' '.repeat(column(src.text, keyAt)) + src.unit;
  return fix(t.addExec(hook), [insertAfterLine(src, end - 1, renderBlock({ command: PLACEHOLDER_COMMAND }, indent, ''))], true);
}

function tcpSocketFixes(hit: Hit, src: Source, t: Titles): Fix[] {
  const handler = hit.map;
  const hook = keyAbove(hit);
  if (hit.on !== 'key' || !handler || !hit.pair || keyText(hit.pair) !== 'tcpSocket' || (hook !== 'postStart' && hook !== 'preStop')) return [];
  // With another action beside it, replacing tcpSocket would leave two: removing it is the fix.
  if (ACTIONS.some((a) => a !== 'tcpSocket' && present(handler, a))) return fix(t.removeKey('tcpSocket'), [removePair(src, handler, hit.pair)], true);
  const port = isMap(hit.pair.value) ? pairOf(hit.pair.value, 'port')?.value : undefined;
  const wait = isScalar(port) && typeof port.value === 'number' ? `until nc -z localhost ${port.value}; do sleep 1; done` : '<command>';
  const sleep = replacePair(src, handler, hit.pair, { sleep: { seconds: '5' } });
  const exec = replacePair(src, handler, hit.pair, { exec: { command: `["/bin/sh", "-c", ${JSON.stringify(wait)}]` } });
  // A handler that also has `sleep:` or `exec:` (even empty) would get a duplicate key.
  return [
    ...(pairOf(handler, 'sleep') ? [] : fix(t.replaceTcp('sleep', hook), [sleep], hook === 'preStop')),
    ...(pairOf(handler, 'exec') ? [] : fix(t.replaceTcp('exec', hook), [exec], hook === 'postStart')),
  ];
}

/** Replaces a pair (key and value) with other keys, at the same place and indentation. */
function replacePair(src: Source, map: YAMLMap, pair: Pair, tree: { readonly [key: string]: Tree }): Edit | undefined {
  const keyAt = startOf(pair.key, src.base);
  const end = contentEnd(pair, src.base);
  if (keyAt === undefined || end === undefined) return undefined;
  if (map.flow) return { start: keyAt, end, newText: renderFlow(tree) };
  const lines = renderBlock(tree, ' '.repeat(column(src.text, keyAt)), src.unit);
  const eol = src.text.includes('\r\n') ? '\r\n' : '\n';
  return { start: keyAt, end, newText: lines.join(eol).trimStart() };
}

function pinTagFixes(hit: Hit, src: Source, t: Titles): Fix[] {
  if (hit.on !== 'value' || !hit.scalar || !hit.pair || keyText(hit.pair) !== 'image') return [];
  const inner = scalarInner(src, hit.scalar);
  if (!inner) return [];
  const written = src.text.slice(inner[0], inner[1]);
  const image = written.trim();
  const tag = imageTag(image);
  if (tag !== '' && tag !== 'latest') return [];
  const start = inner[0] + written.indexOf(image);
  const name = tag === '' ? image : image.slice(0, image.length - tag.length - 1);
  const pinned = `${name}:<tag>`;
  return fix(t.pinTag(pinned), [{ start, end: start + image.length, newText: pinned }], true);
}

/** A misspelt fieldPath or resource: the closest value this form of the downward API accepts. */
function downwardFixes(hit: Hit, src: Source, t: Titles): Fix[] {
  if (hit.on !== 'value' || !hit.scalar || !hit.pair || typeof hit.scalar.value !== 'string') return [];
  const key = keyText(hit.pair);
  const inVolume = hit.steps.some((s) => keyText(s.pair) === 'downwardAPI');
  const to = key === 'resource' ? closestDownward(hit.scalar.value, 'resource') : key === 'fieldPath' ? closestDownward(hit.scalar.value, inVolume ? 'volume' : 'env') : undefined;
  if (to === undefined) return [];
  return fix(t.replaceValue(hit.scalar.value, to), [replaceScalar(src, hit.scalar, to)], true);
}

/** A mount of a volume the Pod does not declare: the closest declared name (a StatefulSet's claim templates too). */
function volumeNameFixes(hit: Hit, src: Source, t: Titles): Fix[] {
  if (hit.on !== 'value' || !hit.scalar || !hit.pair || keyText(hit.pair) !== 'name' || typeof hit.scalar.value !== 'string') return [];
  const at = hit.steps.findIndex((s) => CONTAINER_LISTS.has(keyText(s.pair) ?? ''));
  if (at < 0) return [];
  const declared = namesIn(pairOf(hit.steps[at].map, 'volumes')?.value, (v) => pairOf(v, 'name')?.value);
  const spec = hit.steps[0] ? pairOf(hit.steps[0].map, 'spec')?.value : undefined;
  const claims = isMap(spec) ? pairOf(spec, 'volumeClaimTemplates')?.value : undefined;
  declared.push(...namesIn(claims, (c) => { const meta = pairOf(c, 'metadata')?.value; return isMap(meta) ? pairOf(meta, 'name')?.value : undefined; }));
  const to = closestField(hit.scalar.value, declared);
  if (to === undefined || to === hit.scalar.value) return [];
  return fix(t.replaceValue(hit.scalar.value, to), [replaceScalar(src, hit.scalar, to)], true);
}

/** `defaultMode: 644` -> `0644`, the octal its digits spell; the range is the scalar's source, as written. */
function fileModeFixes(hit: Hit, src: Source, t: Titles): Fix[] {
  const scalar = hit.scalar;
  if (hit.on !== 'value' || !scalar?.range || typeof scalar.source !== 'string') return [];
  const octal = meantOctal(scalar.source);
  const start = src.base + scalar.range[0];
  const end = src.base + scalar.range[1];
  if (!octal || src.text.slice(start, end) !== scalar.source) return [];
  return fix(t.replaceValue(scalar.source, octal), [{ start, end, newText: octal }], true);
}

/** The string names of the maps in a sequence, read by `nameOf`. */
function namesIn(list: unknown, nameOf: (item: YAMLMap) => unknown): string[] {
  if (!isSeq(list)) return [];
  const out: string[] = [];
  for (const item of list.items) {
    const name = isMap(item) ? nameOf(item) : undefined;
    if (isScalar(name) && typeof name.value === 'string') out.push(name.value);
  }
  return out;
}

function statusFixes(hit: Hit, src: Source, t: Titles): Fix[] {
  const resource = hit.map;
  if (hit.on !== 'key' || !resource || !hit.pair || keyText(hit.pair) !== 'status' || !pairOf(resource, 'kind')) return [];
  return fix(t.removeStatus, [removePair(src, resource, hit.pair)], true);
}
