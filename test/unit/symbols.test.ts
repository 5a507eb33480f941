import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, Range, SymbolKind } from 'vscode-languageserver-types';
import { findDocumentSymbols } from '../../server/src/service/features/symbols';
import type { Locale } from '../../server/src/service';
import { service, yaml } from './helpers';

function symbols(text: string, locale: Locale = 'en'): { list: DocumentSymbol[]; document: TextDocument } {
  const ls = service();
  const document = TextDocument.create('file:///symbols.yaml', 'yaml', 1, text);
  return { list: findDocumentSymbols(ls.schema, ls.parse(text), document, locale), document };
}

/** `name` for leaves, `name > [children]` otherwise, for compact assertions. */
type Tree = string | [string, Tree[]];
function tree(list: readonly DocumentSymbol[]): Tree[] {
  return list.map((s) => (s.children?.length ? [s.name, tree(s.children)] : s.name));
}

function find(list: readonly DocumentSymbol[] | undefined, name: string): DocumentSymbol {
  const s = list?.find((x) => x.name === name);
  assert.ok(s, `no symbol ${name} in ${list?.map((x) => x.name).join(', ')}`);
  return s;
}

function textOf(document: TextDocument, range: Range): string {
  return document.getText(range);
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);

/** Every range inside the document, every selectionRange inside its range, every child inside its parent. */
function assertWellFormed(list: readonly DocumentSymbol[], document: TextDocument, parent?: DocumentSymbol): void {
  const whole: Range = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  for (const s of list) {
    assert.ok(inside(s.range, whole), `${s.name}: range outside the document`);
    assert.ok(before(s.range.start, s.range.end), `${s.name}: range reversed`);
    assert.ok(inside(s.selectionRange, s.range), `${s.name}: selectionRange outside range`);
    assert.equal(document.offsetAt(s.range.start) <= document.offsetAt(s.range.end), true);
    if (parent) assert.ok(inside(s.range, parent.range), `${s.name}: outside its parent ${parent.name}`);
    assertWellFormed(s.children ?? [], document, s);
  }
}

const twoContainers = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
      - name: nginx
        image: nginx:1.27
      - name: shell
        image: busybox:1.36
`;

const machinePod = yaml`
  # a Pod that touches every aspect
  apiVersion: v1
  kind: Pod
  metadata:
    name: box
  spec:
    hostNetwork: true
    dnsPolicy: ClusterFirstWithHostNet
    nodeName: worker-3
    shareProcessNamespace: true
    terminationGracePeriodSeconds: 45
    volumes:
      - name: data
        emptyDir: {}
      - name: config
        configMap:
          name: app-config
    initContainers:
      - name: migrate
        image: migrate:1.0
    containers:
      - name: app
        image: app:2.0
        ports:
          - containerPort: 8080
            name: http
        volumeMounts:
          - name: data
            mountPath: /data
        readinessProbe:
          httpGet:
            path: /ready
            port: http
        lifecycle:
          preStop:
            exec:
              command: ["/bin/sh", "-c", "sleep 5"]
`;

describe('document symbols', () => {
  it('gives a Pod with two containers one object symbol with the containers beneath', () => {
    const { list, document } = symbols(twoContainers);
    assert.deepEqual(tree(list), [['Pod web', ['container nginx', 'container shell']]]);
    const pod = list[0];
    assert.equal(pod.kind, SymbolKind.Class);
    assert.equal(pod.detail, 'v1');
    assert.equal(textOf(document, pod.selectionRange), 'web');
    assert.equal(document.offsetAt(pod.range.start), 0);
    const nginx = find(pod.children, 'container nginx');
    assert.equal(nginx.kind, SymbolKind.Object);
    assert.equal(nginx.detail, 'nginx:1.27');
    assert.equal(textOf(document, nginx.selectionRange), 'nginx');
    assert.ok(textOf(document, nginx.range).startsWith('name: nginx'));
    assert.equal(find(pod.children, 'container shell').detail, 'busybox:1.36');
    assertWellFormed(list, document);
  });

  it("shows a Deployment's template containers and fields", () => {
    const text = readFileSync(join(__dirname, '..', '..', 'examples', 'web-deployment.yaml'), 'utf8');
    const { list, document } = symbols(text);
    assert.deepEqual(tree(list), [
      [
        'Deployment web',
        [
          'container app',
          ['network', ['ports (app)']],
          ['lifecycle', ['startupProbe (app)', 'readinessProbe (app)', 'livenessProbe (app)']],
        ],
      ],
    ]);
    assert.equal(list[0].detail, 'apps/v1');
    const lifecycle = find(list[0].children, 'lifecycle');
    assert.equal(find(lifecycle.children, 'readinessProbe (app)').detail, 'httpGet /ready :http');
    assert.equal(find(find(list[0].children, 'network').children, 'ports (app)').detail, '8080 (http)');
    assertWellFormed(list, document);
  });

  it('lists every Kubernetes document of a multi-document file and skips the others', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: first
      spec:
        containers:
          - name: a
            image: a:1
      ---
      name: CI
      on: [push]
      jobs:
        build:
          runs-on: ubuntu-latest
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: not-modelled
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                  - name: job
                    image: job:1
    `;
    const { list, document } = symbols(text);
    assert.deepEqual(tree(list), [
      ['Pod first', ['container a']],
      ['CronJob nightly', ['container job', ['lifecycle', ['restartPolicy']]]],
    ]);
    assert.equal(textOf(document, list[1].selectionRange), 'nightly');
    assert.equal(document.positionAt(text.indexOf('apiVersion: batch/v1')).line, list[1].range.start.line);
    assertWellFormed(list, document);
  });

  it('gives nothing for YAML that is not Kubernetes', () => {
    const { list } = symbols(yaml`
      services:
        web:
          image: nginx
    `);
    assert.deepEqual(list, []);
    assert.deepEqual(symbols('').list, []);
    assert.deepEqual(symbols('a: [unclosed\n').list, []);
  });

  it('lists the items of a kind: List', () => {
    const text = yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: one
          spec:
            hostPID: true
            containers:
              - name: c
                image: c:1
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: skipped
        - apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: two
          spec:
            template:
              spec:
                containers:
                  - name: d
                    image: d:1
    `;
    const { list, document } = symbols(text);
    assert.deepEqual(tree(list), [
      ['Pod one', ['container c', ['security', ['hostPID']], ['processes', ['hostPID']]]],
      ['Deployment two', ['container d']],
    ]);
    assert.equal(textOf(document, list[0].selectionRange), 'one');
    assert.ok(textOf(document, list[1].range).startsWith('apiVersion: apps/v1'));
    assertWellFormed(list, document);
  });

  it('groups the pod spec fields by aspect, in the seed order, with short details', () => {
    const { list, document } = symbols(machinePod);
    assert.deepEqual(tree(list), [
      [
        'Pod box',
        [
          'init container migrate',
          'container app',
          ['network', ['hostNetwork', 'dnsPolicy', 'ports (app)']],
          ['storage', ['volumes', 'volumeMounts (app)']],
          ['scheduling', ['nodeName']],
          ['processes', ['shareProcessNamespace']],
          ['lifecycle', ['terminationGracePeriodSeconds', 'readinessProbe (app)', 'preStop (app)']],
        ],
      ],
    ]);
    const pod = list[0];
    for (const group of pod.children!.slice(2)) {
      assert.equal(group.kind, SymbolKind.Namespace, group.name);
      for (const field of group.children ?? []) assert.equal(field.kind, SymbolKind.Property, field.name);
    }
    const details = Object.fromEntries(
      pod.children!.slice(2).flatMap((g) => (g.children ?? []).map((f) => [`${g.name}/${f.name}`, f.detail])),
    );
    assert.deepEqual(details, {
      'network/hostNetwork': 'true',
      'network/dnsPolicy': 'ClusterFirstWithHostNet',
      'network/ports (app)': '8080 (http)',
      'storage/volumes': 'data (emptyDir), config (configMap)',
      'storage/volumeMounts (app)': 'data → /data',
      'scheduling/nodeName': 'worker-3',
      'processes/shareProcessNamespace': 'true',
      'lifecycle/terminationGracePeriodSeconds': '45',
      'lifecycle/readinessProbe (app)': 'httpGet /ready :http',
      'lifecycle/preStop (app)': 'exec: /bin/sh -c sleep 5',
    });
    const network = find(pod.children, 'network');
    assert.equal(textOf(document, network.selectionRange), 'hostNetwork');
    assert.equal(textOf(document, find(network.children, 'hostNetwork').range), 'hostNetwork: true');
    assert.equal(textOf(document, find(find(pod.children, 'scheduling').children, 'nodeName').selectionRange), 'nodeName');
    assertWellFormed(list, document);
  });

  it('keeps every range inside the document, selection inside range and children inside parents', () => {
    const dir = join(__dirname, '..', '..', 'examples');
    const texts = [
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => readFileSync(join(dir, f), 'utf8')),
      twoContainers,
      machinePod,
      // no trailing newline, CRLF line ends, a Pod without a name, a broken document
      machinePod.trimEnd(),
      machinePod.replace(/\n/g, '\r\n'),
      'apiVersion: v1\nkind: Pod\nspec:\n  nodeName: n\n  containers:\n  - image: x\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: flow}\nspec: {hostNetwork: true, containers: [{name: a, image: b}]}',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: broken\nspec:\n  containers:\n  - name: [a\n',
    ];
    for (const text of texts) {
      const { list, document } = symbols(text);
      assert.ok(list.length > 0 || text.includes('broken'), text);
      assertWellFormed(list, document);
    }
    const unnamed = symbols('apiVersion: v1\nkind: Pod\nspec:\n  nodeName: n\n  containers:\n  - image: x\n');
    assert.deepEqual(tree(unnamed.list), [['Pod', ['container containers[0]', ['scheduling', ['nodeName']]]]]);
    assert.equal(textOf(unnamed.document, unnamed.list[0].selectionRange), 'Pod');
  });

  it('caches each document\'s outline and moves it with the document: after an edit above, the same as an outline from scratch', () => {
    const pod = (name: string) => `apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: ${name}\r\nspec:\r\n  hostNetwork: true\r\n  containers:\r\n  - name: app\r\n    image: nginx:1.27\r\n`;
    const text = [pod('a'), pod('b'), pod('c')].join('---\r\n');
    const ls = service();
    let document = TextDocument.create('file:///moved.yaml', 'yaml', 1, text);
    let file = ls.parse(text);
    const first = findDocumentSymbols(ls.schema, file, document, 'en');
    // Two comment lines at the top move every document down; the first document's text changes, the others are reused.
    const edited = `# one\r\n# two\r\n${text}`;
    document = TextDocument.create('file:///moved.yaml', 'yaml', 2, edited);
    file = ls.parse(edited, file);
    assert.equal(file.newChunks, 1);
    const again = findDocumentSymbols(ls.schema, file, document, 'en');
    const fresh = service();
    assert.deepEqual(again, findDocumentSymbols(fresh.schema, fresh.parse(edited), document, 'en'));
    assert.equal(again[2].range.start.line, first[2].range.start.line + 2);
    // Positions count CRLF line breaks as TextDocument does: each object's selection is its name.
    assert.deepEqual(
      again.map((s) => textOf(document, s.selectionRange)),
      ['a', 'b', 'c'],
    );
    assertWellFormed(again, document);
  });

  it('gives a kind without a pod spec a symbol and no children', () => {
    const { list } = symbols('apiVersion: v1\nkind: PodList\nmetadata: {}\nitems: []\n');
    assert.deepEqual(tree(list), ['PodList']);
  });

  it('names the containers and groups in Chinese', () => {
    const { list, document } = symbols(machinePod, 'zh-cn');
    assert.deepEqual(
      list[0].children!.map((s) => s.name),
      ['初始化容器 migrate', '容器 app', '网络', '存储', '调度', '进程', '生命周期'],
    );
    const security = symbols(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC: true\n  ephemeralContainers:\n  - name: dbg\n    image: busybox\n',
      'zh-cn',
    );
    assert.deepEqual(tree(security.list), [['Pod p', ['临时容器 dbg', ['安全', ['hostIPC']]]]]);
    assertWellFormed(list, document);
  });
});

describe('outline of a huge file', () => {
  it('is one symbol per object, read without parsing, past 2,000 documents', () => {
    const one = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {app: a}\n  name: pod-${i}\nspec:\n  containers:\n  - name: a\n    image: a:1\n`;
    const text = Array.from({ length: 2500 }, (_, i) => one(i)).join('---\n');
    const ls = service();
    const file = ls.parse(text);
    const doc = TextDocument.create('file:///huge.yaml', 'yaml', 1, text);
    const started = Date.now();
    const symbols = ls.findDocumentSymbols(file, doc, 'en');
    assert.ok(Date.now() - started < 2000);
    assert.equal(symbols.length, 2500);
    assert.equal(symbols[1234].name, 'Pod pod-1234');
    assert.equal(file.documents.filter((d) => (d.chunk as unknown as { parsed?: unknown }).parsed !== undefined).length, 0, 'documents were parsed');
    const last = symbols[2499];
    assert.ok(doc.offsetAt(last.range.end) <= text.length);
  });
});
