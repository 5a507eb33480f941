/**
 * The fast parser's nodes: objects of yaml's own classes (Scalar, Pair,
 * YAMLMap, YAMLSeq: `instanceof`, `isScalar()` and the rest hold, and every
 * method works), made without yaml's constructors. Those mark each node's kind
 * with `Object.defineProperty`, and a collection's schema with another: a
 * runtime call and a descriptor object per node, which V8 cannot compile
 * away. Here the kind and the schema sit once on a prototype per kind, between
 * the node and yaml's class, and a node gets only its own data properties, in
 * the order yaml's constructors give them.
 *
 * In-process on big-multidoc, alternated over 8 processes, parsing and
 * validating took 393 → 370 ms the first time and 109 → 80 ms warm.
 *
 * What differs from a node yaml makes: its kind and its schema are inherited
 * rather than own, non-enumerable properties (nothing in yaml or in PodSense
 * looks for them as own properties), and every collection of the fast parser
 * shares one schema, built with the same options as each document's. The
 * schema matters only to methods that create nodes; nothing in PodSense
 * calls them on a parsed document.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { OPTIONS } from './yamlOptions';

const NODE_TYPE = Symbol.for('yaml.node.type');

// Plain constructor functions: V8 allocates their objects inline, with the slack it tracks per constructor.
function ScalarNode(this: { value: unknown }, value: unknown): void {
  this.value = value;
}
function PairNode(this: { key: unknown; value: unknown }, key: unknown, value: unknown): void {
  this.key = key;
  this.value = value;
}
function MapNode(this: { items: unknown[] }): void {
  this.items = [];
}
function SeqNode(this: { items: unknown[] }): void {
  this.items = [];
}

type Construct<T, A extends unknown[]> = new (...args: A) => T;
const ScalarCtor = ScalarNode as unknown as Construct<Scalar, [unknown]>;
const PairCtor = PairNode as unknown as Construct<Pair, [unknown, unknown]>;
const MapCtor = MapNode as unknown as Construct<YAMLMap, []>;
const SeqCtor = SeqNode as unknown as Construct<YAMLSeq, []>;

let prepared = false;

/**
 * Gives the constructors their prototypes; the fast parser calls it before it
 * makes a node. Not when the module loads, so that loading the engine does not
 * build a schema it may not need yet.
 */
export function prepareNodes(): void {
  if (prepared) return;
  prepared = true;
  const schema = new Document(undefined, OPTIONS).schema;
  const kind = (base: object, name: string, collection: boolean): object =>
    Object.create(base, {
      [NODE_TYPE]: { value: Symbol.for(name) },
      // Writable, as yaml's own is: Collection.clone assigns a node's schema, which then becomes its own.
      ...(collection ? { schema: { value: schema, writable: true, configurable: true, enumerable: false } } : {}),
    });
  ScalarNode.prototype = kind(Scalar.prototype, 'yaml.scalar', false);
  PairNode.prototype = kind(Pair.prototype, 'yaml.pair', false);
  MapNode.prototype = kind(YAMLMap.prototype, 'yaml.map', true);
  SeqNode.prototype = kind(YAMLSeq.prototype, 'yaml.seq', true);
}

export const newScalar = (value: unknown): Scalar => new ScalarCtor(value);
export const newPair = (key: unknown, value: unknown): Pair => new PairCtor(key, value);
export const newMap = (): YAMLMap => new MapCtor();
export const newSeq = (): YAMLSeq => new SeqCtor();
