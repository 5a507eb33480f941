import { isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar } from 'yaml';
import type { Finding } from '../features/findings';
import type { Locale } from '../l10n';
import { keyText, pairOf } from '../parse/path';
import type { Resource } from '../resources';
import type { FieldDef, Schema, TypeRef } from './model';
import { QUANTITY } from './quantity';
import { typeLabel } from './resolve';
import { schemaMessages } from './validateMessages';
import { closestField } from './suggest';


interface Item {
  readonly node: unknown;
  readonly type: TypeRef;
  /** Where to report something about this node as a whole (missing fields): its key, or itself. */
  readonly anchor: Node;
  readonly def?: FieldDef;
}

/**
 * Checks a resource against the schema, walking its AST with an explicit
 * stack (no recursion, so deep nesting cannot overflow): unknown fields with a
 * "did you mean", wrong types, missing required fields, values outside an enum.
 */
export function validateSchema(schema: Schema, resource: Resource, locale: Locale): Finding[] {
  const m = schemaMessages(locale);
  const out: Finding[] = [];
  const report = (node: Node | null | undefined, code: string, severity: Finding['severity'], message: string) => {
    const r = node?.range;
    if (r) out.push({ start: r[0], end: Math.max(isMap(node) || isSeq(node) ? r[0] + 1 : r[1], r[0] + 1), code, severity, message });
  };
  const stack: Item[] = [{ node: resource.node, type: { k: 'object', ref: resource.kind.type }, anchor: resource.node }];
  while (stack.length > 0) {
    const { node, type, anchor, def } = stack.pop()!;
    if (node === null || node === undefined || isAlias(node)) continue;
    if (isScalar(node) && node.value === null) continue;
    if (isScalar(node) && typeof node.value === 'string' && node.value.includes('{{')) continue;
    switch (type.k) {
      case 'object': {
        if (!isMap(node)) {
          report(node as Node, 'invalid-type', 'error', m.expected(typeLabel(type), describe(node)));
          break;
        }
        const typeDef = schema.type(type.ref);
        if (!typeDef) break;
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const key = keyText(pair);
          if (key === undefined || key === '<<') continue;
          const field = schema.field(type.ref, key);
          if (!field) {
            // An older apiVersion had other fields; removed-api-version says so once instead.
            if (!resource.exactVersion) continue;
            const suggestion = closestField(key, Object.keys(typeDef.fields));
            report(pair.key as Node, 'unknown-field', 'error', m.unknownField(key, type.ref, suggestion));
            continue;
          }
          if (node === resource.node && (key === 'apiVersion' || key === 'kind')) continue;
          stack.push({ node: pair.value, type: field.t, anchor: (pair.key as Node) ?? anchor, def: field });
        }
        if (resource.exactVersion) {
          // Most types require nothing, and maps are small: a scan per required field, no set of the keys.
          for (const name of schema.requiredFields(type.ref)) {
            if (!pairOf(node, name) && !(node === resource.node && (name === 'apiVersion' || name === 'kind'))) {
              report(anchor, 'missing-required-field', 'error', m.missingRequired(name, type.ref));
            }
          }
        }
        break;
      }
      case 'list':
        if (!isSeq(node)) {
          report(node as Node, 'invalid-type', 'error', m.expected(typeLabel(type), describe(node)));
          break;
        }
        for (const item of node.items) stack.push({ node: item, type: type.of, anchor: (item as Node) ?? anchor, def });
        break;
      case 'map':
        if (!isMap(node)) {
          report(node as Node, 'invalid-type', 'error', m.expected(typeLabel(type), describe(node)));
          break;
        }
        for (const pair of node.items) if (isPair(pair)) stack.push(valueItem(pair, type.of, anchor, def));
        break;
      case 'any':
        break;
      default:
        checkScalar(node, type, report, m, def);
    }
  }
  return out;
}

function valueItem(pair: Pair, type: TypeRef, anchor: Node, def: FieldDef | undefined): Item {
  return { node: pair.value, type, anchor: (pair.key as Node) ?? anchor, def };
}

function checkScalar(
  node: unknown,
  type: TypeRef,
  report: (node: Node, code: string, severity: Finding['severity'], message: string) => void,
  m: ReturnType<typeof schemaMessages>,
  def?: FieldDef,
): void {
  if (!isScalar(node)) {
    report(node as Node, 'invalid-type', 'error', m.expected(typeLabel(type), describe(node)));
    return;
  }
  const v = (node as Scalar).value;
  // kubectl and Helm read YAML 1.1, where an unquoted yes/no/on/off/y/n is a boolean; YAML 1.2 (this parser,
  // kustomize, yq) reads a string. Either way one of them sends the API server the wrong type.
  const yaml11Boolean = typeof v === 'string' && (node as Scalar).type === 'PLAIN' && YAML11_BOOLEAN.test(v);
  switch (type.k) {
    case 'string':
      if (yaml11Boolean) {
        report(node, 'ambiguous-boolean', 'error', m.yaml11InString(v as string));
      } else if (typeof v !== 'string') {
        report(node, 'invalid-type', 'error', m.stringExpected(String(v)));
      } else if (type.lit && type.lit.length > 0 && !type.lit.includes(v)) {
        report(node, 'invalid-enum-value', 'error', m.notInEnum(v, type.lit));
      }
      return;
    case 'integer':
    case 'number':
      if (typeof v === 'string') report(node, 'invalid-type', 'error', m.numberAsString(v));
      else if (typeof v !== 'number' || (type.k === 'integer' && !Number.isInteger(v))) report(node, 'invalid-type', 'error', m.expected(typeLabel(type), describe(node)));
      return;
    case 'boolean':
      if (yaml11Boolean) report(node, 'ambiguous-boolean', 'warning', m.yaml11InBoolean(v as string, YAML11_TRUE.test(v as string)));
      else if (typeof v === 'string') report(node, 'invalid-type', 'error', m.booleanAsString(v));
      else if (typeof v !== 'boolean') report(node, 'invalid-type', 'error', m.expected(typeLabel(type), describe(node)));
      return;
    case 'quantity':
      if (typeof v === 'string' && !QUANTITY.test(v)) report(node, 'invalid-quantity', 'error', m.badQuantity(v));
      else if (typeof v !== 'string' && typeof v !== 'number') report(node, 'invalid-type', 'error', m.expected(typeLabel(type), describe(node)));
      return;
    case 'intOrString':
      // A quoted number is the string form, which must be a port name or a percentage: "8080" is neither.
      if (typeof v === 'string' && /^\d+$/.test(v)) report(node, 'invalid-type', 'error', m.numberInIntOrString(v));
      // The number form is a 32-bit integer: 1.5 does not decode, and kubectl stops there.
      else if (typeof v === 'number' && !Number.isInteger(v)) report(node, 'invalid-type', 'error', m.expected(`${typeLabel(type)} (an integer or a string)`, describe(node)));
      else if (typeof v !== 'string' && typeof v !== 'number') report(node, 'invalid-type', 'error', m.expected(typeLabel(type), describe(node)));
      // A field whose string form is a percentage (maxSurge, maxUnavailable: upstream says so) takes nothing else.
      else if (typeof v === 'string' && /percent/i.test(def?.d ?? '') && !/^\d+%$/.test(v)) report(node, 'invalid-type', 'error', m.notPercent(v));
      return;
  }
}

/** The booleans of YAML 1.1 that YAML 1.2 reads as strings (true/false and their capitalisations are booleans in both). */
export const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
export const YAML11_TRUE = /^(?:y|Y|yes|Yes|YES|on|On|ON)$/;

function describe(node: unknown): string {
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return typeof node.value === 'string' ? `the string "${node.value}"` : `${typeof node.value} ${String(node.value)}`;
  return 'something else';
}
