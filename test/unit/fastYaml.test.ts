/**
 * The fast parser (parse/fastYaml.ts) against the `yaml` package: whenever it
 * accepts a document, its AST must equal yaml's parseDocument node for node
 * (every range, value, type, format, source, style and blank-line mark; not
 * comments), and yaml must report no error or warning for that text.
 *
 * Three sources: our own fixtures, one per construct and edge; generated
 * block YAML with blank and comment lines at every indentation; and real
 * manifests (the shared corpus, or our fixtures without it) mutated the way
 * editing breaks them. Longer runs: FAST_YAML_RUNS=20000 FAST_YAML_SEED=n.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Document, isCollection, isMap, isPair, isScalar, isSeq, Pair, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { lastUnsupported, parseFast } from '../../server/src/service/parse/fastYaml';
import { splitDocuments } from '../../server/src/service/parse/split';
import { seedTexts } from '../fuzz/arbitraries';
import { dumpAst } from './astDump';
import { blockDocument, lineEdit } from './blockYaml';
import { corpusFiles, corpusMissing } from './corpus';

const RUNS = Number(process.env.FAST_YAML_RUNS ?? 600);
const SEED = Number(process.env.FAST_YAML_SEED ?? 20261127);
const OPTIONS = { prettyErrors: false, strict: false, uniqueKeys: false } as const;

/** Checks one text; returns whether the fast parser took it. */
function agrees(text: string): boolean {
  const fast = parseFast(text);
  if (!fast) return false;
  const reference = parseDocument(text, OPTIONS);
  assert.deepEqual(
    reference.errors.map((e) => e.code),
    [],
    `fast parser accepted a text yaml rejects:\n${text}`,
  );
  assert.deepEqual(reference.warnings.map((e) => e.code), [], `fast parser accepted a text yaml warns about:\n${text}`);
  assert.deepEqual(dumpAst(fast), dumpAst(reference), `ASTs differ for:\n${JSON.stringify(text)}`);
  assert.deepEqual(shapes(fast), shapes(reference), `node properties differ in order for:\n${JSON.stringify(text)}`);
  assert.deepEqual(fast.toJS(), reference.toJS(), `values differ for:\n${JSON.stringify(text)}`);
  assert.deepEqual(fast.clone().toJS(), reference.toJS(), `a clone's values differ for:\n${JSON.stringify(text)}`);
  return true;
}

/**
 * Each node's own properties in the order they were added (comments aside,
 * which only yaml attaches), its kind and class as yaml tells them, and
 * whether a collection has a schema it does not list among its properties:
 * fast nodes get yaml's properties in yaml's order, so that the nodes of one
 * kind share a V8 hidden class and code that walks them stays fast.
 */
function shapes(doc: Document.Parsed): string[] {
  const out: string[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const n = stack.pop() as Record<string, unknown> | null;
    if (!n || typeof n !== 'object') continue;
    const keys = Object.keys(n).filter((k) => k !== 'comment' && k !== 'commentBefore');
    const kind = isPair(n) ? `pair:${n instanceof Pair}` : isScalar(n) ? `scalar:${n instanceof Scalar}` : isMap(n) ? `map:${n instanceof YAMLMap}` : isSeq(n) ? `seq:${n instanceof YAMLSeq}` : 'other';
    const schema = isCollection(n) ? ` schema:${Array.isArray((n.schema as { tags?: unknown } | undefined)?.tags) && !keys.includes('schema')}` : '';
    out.push(`${kind} ${keys.join(',')}${schema}`);
    if (isPair(n)) stack.push(n.value, n.key);
    else if (isCollection(n)) for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
  }
  return out;
}

function documentsOf(text: string): string[] {
  const starts = splitDocuments(text);
  return starts.map((s, i) => text.slice(s, i + 1 < starts.length ? starts[i + 1] : text.length));
}

const ACCEPTED: Record<string, string> = {
  'plain map': 'apiVersion: v1\nkind: Pod\n',
  'no final line break': 'a: 1\nb: x',
  'trailing spaces and comments': 'a: 1   \nb: x # note\nc:    y  #  z\n',
  'nested maps, 2 and 4 spaces': 'spec:\n  template:\n      metadata:\n          name: x\n  replicas: 3\n',
  'sequence at the key indentation': 'containers:\n- name: a\n  image: b\n- name: c\nnext: 1\n',
  'indented sequence': 'args:\n  - a\n  -   b\n  - c # d\n',
  'compact maps in sequences': 'x:\n  -   name: a\n      port: 80\n  - name: b\n',
  'sequence of scalars at top': '- a\n- 1\n- "q"\n',
  'document marker': '---\nkind: Pod\n',
  'document marker, blank line': '---\n\nkind: Pod\n',
  'document marker, comment': '---\n# head\n\nkind: Pod\n',
  'prelude without marker': '\n# a comment\n\nkind: Pod\n',
  'core schema scalars': 'a: 007\nb: 0x1F\nc: 0o17\nd: 1.50\ne: 1e3\nf: .inf\ng: -.Inf\nh: .NaN\ni: +12\nj: -3\nk: true\nl: False\nm: NULL\nn: ~\no: yes\np: 1_000\nq: 12:30\nr: .5\ns: 5.\n',
  'quoted scalars': `a: "x y"\nb: 'it''s'\nc: "esc \\" \\\\ \\n \\t \\/"\nd: ''\ne: ""\nf: "123"\n`,
  'plain with indicators inside': 'a: b:c\nb: http://x/y#z\nc: -x\nd: a - b\ne: x?y\nf: 50%\ng: --flag=a,b\n',
  'empty values': 'a:\nb:   \nc: # note\nd:\n  # indented\ne: 1\nf:\n',
  'empty values with blank lines': 'a:\n\n\nb: 1\nc:\n\n# x\n\nd: 2\ne:\n  # y\n\nf: 3\n',
  'blank lines between items': 'a: 1\n\nb: 2\n\n\nc:\n\n  d: 1\n\n  e:\n  - 1\n\n  - 2\n',
  'comments between items': 'a: 1\n# c\nb: 2\n  # indented after a scalar\nc: 3\n\n    # deeper, after a blank line\nd: 4\n',
  'comments closing nested collections': 'a:\n  b:\n    c: 1\n    # c4\n\n  d: 2\n  # d2\ne:\n- x\n  # in seq\n# top\nf: 1\n',
  'comments at the end': 'a:\n  b: 1\n  # tail\n\n# end\n',
  'deeper comments at the end': 'a:\n  b:\n  - 1\n      # deep\n\n',
  'flow sequences': 'a: [x, "y" ,  z ]  # c\nb: []\nc: [ ]\nd: {}\ne: { }\nf: ["sh", "-c", \'echo\']\n',
  'literal block scalars': 'a: |\n  line 1\n\n  line 3\nb: |-\n    x\n     indented\n\nc: 1\n',
  'folded block scalars': 'a: >\n  one\n  two\n\n  three\n\n\n  four\nb: >-\n  x\n  y\n',
  'folded block scalars with more-indented lines': 'a: >\n  one\n    more\n  two\n\n    more2\n      most\n\n  three\nb: >-\n  x\n\n\n    y\n  z\n',
  'block scalar in a sequence': '- |\n  foo\n\n  bar\n\n- >-\n  a\n  b\n-  x\n',
  'block scalar with comment-like lines': 'script: |\n  # not a comment\n  echo hi\n# a comment\nnext: 1\n',
  'multi-line plain scalars': 'a: one\n  two\n\n  three\nb:\n- x\n  y\n-   p\n    q\nc: 1\n',
  'multi-line single-quoted scalars': "a: 'one\n  two\n\n  three  '\nb: 'x\n  ''y'''\n",
  'flow maps': 'a: {b: 1, "c" : [x, y], d: {e: null}}\nf: {g: h,}  # c\n',
  'multi-line flow collections': 'a: [\n  1,  # one\n\n  "two"\n  ]\nb: {\n  c: d,\n\n  e: [f,\n    g],\n}\n',
  'JSON document': '{\n  "apiVersion": "v1",\n\n  "kind": "Pod",\n  "spec": {"containers": [{"name": "a", "args": ["x", "y"]}]}\n}\n',
  'multi-line double-quoted scalars': 'a: "one\n  two  \n\n  three"\nb: "x\\\n    y \\x41\\u00e9 \\t"\n',
  'keys with dots, slashes, numbers': 'app.kubernetes.io/name: x\n80: http\ntrue: 1\n',
  'spaces before a key\'s colon': 'limits :\n  cpu  : 1\nlist:\n- a : x\n  b :\n',
  'quoted keys': '"a": 1\n\'b\': 2\n"c" : 3\n"d":\n  "e\\"f": [x]\n"": 4\n\'it\'\'s\': 5\nlist:\n- "name": a\n  "image": b\n',
};

const REJECTED: Record<string, string> = {
  anchor: 'a: &x 1\nb: *x\n',
  tag: 'a: !!str 1\n',
  'key quoted over lines': '"a\n  b": 1\n',
  'quoted key with a bad escape': '"\\q": 1\n',
  'quoted key that repeats a plain one': 'a: 1\n"a": 2\n',
  tab: 'a:\t1\n',
  'CR line breaks': 'a: 1\r\nb: 2\r\n',
  'explicit key': '? a\n: 1\n',
  'bad indentation': 'a:\n    b: 1\n  c: 2\n',
  'nested mapping in a compact value': 'a: b: c\n',
  directive: '%YAML 1.2\n---\na: 1\n',
  'only comments': '# nothing\n',
  'helm template': 'metadata:\n  name: {{ .Values.name }}\n',
  'block scalar keep': 'a: |+\n  x\n\n',
  'block scalar indentation indicator': 'a: |2\n   x\n',
  'empty sequence item': '-\n  a: 1\n- b\n',
  'flow map pair in a sequence': 'a: [b: c]\n',
  'flow closing bracket too far left': 'a:\n  b: [\n  1]\n',
  'bad double-quoted escape': 'a: "\\q"\n',
  'flow nesting deeper than 200': `a: ${'['.repeat(201)}${']'.repeat(201)}\n`,
  'block nesting deeper than 200': Array.from({ length: 201 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1\n',
  'duplicate key (the duplicate-key check needs yaml)': 'a: 1\nb: 2\na: 3\n',
  'duplicate key in a large map': Array.from({ length: 40 }, (_, i) => `k${i % 39}: ${i}`).join('\n'),
};

describe('fast YAML parser', () => {
  for (const [name, text] of Object.entries(ACCEPTED)) {
    it(`builds yaml's AST: ${name}`, () => {
      assert.equal(agrees(text), true, `left to yaml (${lastUnsupported}):\n${text}`);
    });
  }

  for (const [name, text] of Object.entries(REJECTED)) {
    it(`leaves to yaml: ${name}`, () => {
      assert.equal(parseFast(text), undefined);
    });
  }

  it('takes a template-free document in one piece or not at all (never a partial AST)', () => {
    const doc = parseFast('a:\n  b: 1\n  c: [x]\n');
    assert.ok(doc);
    assert.deepEqual(doc.toJS(), { a: { b: 1, c: ['x'] } });
  });

  it('agrees with yaml on generated block YAML', () => {
    let accepted = 0;
    fc.assert(
      fc.property(blockDocument(), (text) => {
        if (agrees(text)) accepted++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Most generated documents are valid and in the fast parser's subset; a low rate would mean the property tests little.
    assert.ok(accepted > RUNS * 0.4, `only ${accepted} of ${RUNS} generated documents took the fast path`);
  });

  it(`agrees with yaml on mutated real documents (${seedTexts().source})`, () => {
    const docs = seedTexts()
      .texts.flatMap(documentsOf)
      .filter((d) => d.length < 8000);
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.tuple(fc.constantFrom(...docs), fc.array(lineEdit(), { minLength: 1, maxLength: 4 })).map(([doc, edits]) => {
          let lines = doc.split('\n');
          for (const edit of edits) lines = edit(lines);
          return lines.join('\n');
        }),
        (text) => {
          if (agrees(text)) accepted++;
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    assert.ok(accepted > RUNS * 0.3, `only ${accepted} of ${RUNS} mutated documents took the fast path`);
  });

  it('agrees with yaml on every document of the corpus', { skip: corpusMissing }, () => {
    let docs = 0;
    let accepted = 0;
    for (const file of corpusFiles()) {
      for (const doc of documentsOf(readFileSync(file, 'utf8'))) {
        docs++;
        if (agrees(doc)) accepted++;
      }
    }
    assert.ok(accepted > docs * 0.8, `only ${accepted} of ${docs} corpus documents took the fast path`);
  });
});
