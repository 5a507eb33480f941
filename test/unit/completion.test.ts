import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { corpusMissing, CORPUS } from './corpus';
import { cursor, service } from './helpers';
import { join } from 'node:path';

function complete(src: string): CompletionItem[] {
  const { text, offset } = cursor(src);
  const ls = service();
  const d = TextDocument.create('file:///c.yaml', 'yaml', 1, text);
  return ls.doComplete(ls.parse(text), d, d.positionAt(offset), { locale: 'en' }).items;
}

function labels(src: string): string[] {
  return complete(src).map((i) => i.label);
}

/** The text after accepting an item, with snippet placeholders resolved to their defaults. */
function accept(src: string, label: string): string {
  const { text } = cursor(src);
  const item = complete(src).find((i) => i.label === label);
  assert.ok(item, `no completion ${label}`);
  const d = TextDocument.create('file:///c.yaml', 'yaml', 1, text);
  const edits = [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])];
  const out = TextDocument.applyEdits(d, edits);
  return out.replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '');
}

const pod = (body: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${body}`;

describe('key completion', () => {
  it('offers the keys of the map at the cursor, minus those present, required first', () => {
    const items = complete(pod('spec:\n  hostNetwork: true\n  |\n'));
    const names = items.map((i) => i.label);
    assert.ok(names.includes('hostAliases'));
    assert.ok(names.includes('shareProcessNamespace'));
    assert.ok(!names.includes('hostNetwork'), 'present key offered again');
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(sorted[0].label, 'containers');
    const containers = items.find((i) => i.label === 'containers')!;
    assert.match(containers.detail!, /<\[\]Container> · required/);
    // The full hover text comes with completionItem/resolve.
    assert.equal(containers.documentation, undefined);
    const resolved = service().resolveCompletion(containers, { locale: 'en' });
    assert.match((resolved.documentation as { value: string }).value, /List of containers belonging to the pod/);
    const share = service().resolveCompletion(items.find((i) => i.label === 'shareProcessNamespace')!, { locale: 'zh-cn' });
    assert.match((share.documentation as { value: string }).value, /对 Pod 的影响/);
  });
  it('works on a half-typed key and replaces only the word', () => {
    assert.equal(accept(pod('spec:\n  shareProc|\n'), 'shareProcessNamespace'), pod('spec:\n  shareProcessNamespace: true\n'));
  });
  it('on a key that has its colon already, replaces the name and keeps the value', () => {
    // The cursor after the first letter of a misspelt key, as after Home, Right: nothing but the name changes.
    const src = pod('spec:\n  s|haredProcessNamespace: true\n  hostNetwork: true\n');
    assert.equal(accept(src, 'shareProcessNamespace'), pod('spec:\n  shareProcessNamespace: true\n  hostNetwork: true\n'));
    assert.equal(accept(src, 'schedulerName'), pod('spec:\n  schedulerName: true\n  hostNetwork: true\n'));
    // An object key keeps its block below; a key inside a list item, its value and siblings.
    assert.equal(accept(pod('spec:\n  securityCon|:\n    runAsUser: 1\n'), 'securityContext'), pod('spec:\n  securityContext:\n    runAsUser: 1\n'));
    const item = pod('spec:\n  containers:\n  - name: a\n    ima|ge :  nginx\n');
    assert.equal(accept(item, 'image'), pod('spec:\n  containers:\n  - name: a\n    image :  nginx\n'));
    // Snippets bring whole lines: none over a key that has its value.
    assert.ok(!labels(pod('spec:\n  containers:\n  - name: a\n    liv|: x\n')).some((l) => l.startsWith('k8s-probe')));
    // With no colon after it, a half-typed key still gets `key: ` and its value.
    assert.equal(accept(pod('spec:\n  hostP|\n'), 'hostPID'), pod('spec:\n  hostPID: true\n'));
  });
  it('works inside a list item, before and after other keys', () => {
    const src = pod('spec:\n  containers:\n  - name: a\n    lif|\n    image: nginx:1.27\n');
    const names = labels(src);
    assert.ok(names.includes('lifecycle'));
    assert.ok(names.includes('readinessProbe'));
    assert.ok(!names.includes('image') && !names.includes('name'));
    assert.equal(accept(src, 'lifecycle'), pod('spec:\n  containers:\n  - name: a\n    lifecycle:\n      \n    image: nginx:1.27\n'));
  });
  it('completes the first key of a new list item after the dash', () => {
    const src = pod('spec:\n  containers:\n  - name: a\n  - |\n');
    const names = labels(src);
    assert.ok(names.includes('name') && names.includes('image'));
    assert.equal(accept(src, 'name'), pod('spec:\n  containers:\n  - name: a\n  - name: \n'));
  });
  it('starts a list item under a list key', () => {
    const src = pod('spec:\n  containers:\n    |\n');
    assert.equal(accept(src, 'name'), pod('spec:\n  containers:\n    - name: \n'));
  });
  it('inserts blocks for objects, - items for lists, choices for enums and booleans', () => {
    assert.equal(accept(pod('spec:\n  |\n'), 'securityContext'), pod('spec:\n  securityContext:\n    \n'));
    assert.equal(accept(pod('spec:\n  |\n'), 'hostAliases'), pod('spec:\n  hostAliases:\n    - \n'));
    assert.equal(accept(pod('spec:\n  |\n'), 'restartPolicy'), pod('spec:\n  restartPolicy: Always\n'));
    assert.equal(accept(pod('spec:\n  |\n'), 'hostPID'), pod('spec:\n  hostPID: true\n'));
  });
  it('offers no field only the API server writes in an authored manifest', () => {
    const meta = labels('apiVersion: v1\nkind: Pod\nmetadata:\n  |\n');
    assert.ok(meta.includes('name') && meta.includes('labels') && meta.includes('annotations'));
    for (const ro of ['uid', 'creationTimestamp', 'resourceVersion', 'generation', 'deletionTimestamp', 'selfLink']) assert.ok(!meta.includes(ro), ro);
  });
  it('completes keys inside a flow map, as key: in its style, minus those present', () => {
    const src = pod('spec:\n  securityContext: {runAsUser: 1, runAs|}\n  containers: []\n');
    const names = labels(src);
    assert.ok(names.includes('runAsNonRoot') && names.includes('fsGroup'));
    assert.ok(!names.includes('runAsUser'), 'present key offered again');
    assert.equal(accept(src, 'runAsNonRoot'), pod('spec:\n  securityContext: {runAsUser: 1, runAsNonRoot: }\n  containers: []\n'));
    assert.ok(labels(pod('spec:\n  securityContext: {|}\n  containers: []\n')).includes('seccompProfile'));
    const item = labels(pod('spec:\n  containers:\n  - {name: a, image: b, |}\n'));
    assert.ok(item.includes('ports') && !item.includes('name') && !item.includes('image'));
    // No keys after a key's colon (runAsUser takes a number, so no values either), nor in a flow sequence of scalars.
    assert.deepEqual(labels(pod('spec:\n  securityContext: {runAsUser: |}\n  containers: []\n')), []);
    assert.deepEqual(labels(pod('spec:\n  containers:\n  - name: a\n    image: b\n    args: [a, |]\n')), []);
  });
  it('completes values after a key inside a flow map, as a block map’s key gets them', () => {
    const flags = pod('spec:\n  securityContext: {runAsNonRoot: |}\n  containers: []\n');
    assert.deepEqual(labels(flags), ['true', 'false']);
    assert.equal(accept(flags, 'true'), pod('spec:\n  securityContext: {runAsNonRoot: true}\n  containers: []\n'));
    // A half-typed value is replaced, not added to.
    const policy = pod('spec:\n  containers:\n  - {name: a, image: b, imagePullPolicy: If|}\n');
    assert.ok(labels(policy).includes('Never'));
    assert.equal(accept(policy, 'IfNotPresent'), pod('spec:\n  containers:\n  - {name: a, image: b, imagePullPolicy: IfNotPresent}\n'));
    // In a flow sequence of flow maps, and references to the container's own ports.
    assert.deepEqual(labels(pod('spec:\n  containers:\n  - name: a\n    ports: [{containerPort: 80, protocol: |}]\n')).sort(), ['SCTP', 'TCP', 'UDP']);
    const probe = pod('spec:\n  containers:\n  - name: a\n    ports: [{name: http, containerPort: 8080}]\n    readinessProbe: {httpGet: {port: |}}\n');
    assert.deepEqual(labels(probe), ['http', '8080']);
    // A value a flow collection cannot hold plain (brackets, commas) is inserted quoted.
    const env = pod('  labels: {app: web}\nspec:\n  containers:\n  - name: a\n    env: [{name: IP, valueFrom: {fieldRef: {fieldPath: |}}}]\n');
    assert.ok(labels(env).includes('status.podIP'));
    assert.match(accept(env, "metadata.labels['app']"), /fieldPath: "metadata\.labels\['app'\]"\}/);
    assert.match(accept(env, 'status.podIP'), /fieldPath: status\.podIP\}/);
  });
  it('follows the document: its indentation step, its line breaks, and nothing after a tab', () => {
    const four = 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    |\n';
    assert.equal(accept(four, 'securityContext'), 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    securityContext:\n        \n');
    assert.equal(accept(four, 'hostAliases'), 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    hostAliases:\n        - \n');
    const crlf = 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  |\r\n';
    assert.equal(accept(crlf, 'securityContext'), 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  securityContext:\r\n    \r\n');
    assert.equal(accept('kind: Dep|\r\nmetadata:\r\n  name: d\r\n', 'Deployment'), 'apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: d\r\n');
    assert.deepEqual(labels('apiVersion: v1\nkind: Pod\nspec:\n\t|\n'), []);
  });
  it('offers nothing from status in an authored manifest', () => {
    assert.ok(!labels(pod('|\n')).includes('status'));
    assert.ok(labels(pod('|\n')).includes('spec'));
  });
  it('completes in every pod-bearing template', () => {
    const cron = 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          host|\n';
    assert.ok(labels(cron).includes('hostPID'));
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        |\n';
    assert.ok(labels(deploy).includes('livenessProbe'));
  });
  it('is as good in the 40th document of a file', () => {
    const one = pod('spec:\n  containers:\n  - name: a\n    image: nginx:1.27\n');
    const many = Array.from({ length: 39 }, () => one).join('---\n') + '---\n' + pod('spec:\n  hostIPC: true\n  |\n');
    const names = labels(many);
    assert.ok(names.includes('hostNetwork') && !names.includes('hostIPC'));
  });
  it('never offers Kubernetes keys in other YAML', () => {
    assert.deepEqual(labels('services:\n  web:\n    |\n'), []);
    assert.deepEqual(labels('name: CI\non: [push]\n|\n'), []);
    assert.deepEqual(labels('apiVersion: v1\nkind: Service\nspec:\n  |\n'), []);
  });
  it('offers nothing inside a block scalar or a comment', () => {
    assert.deepEqual(labels(pod('spec:\n  containers:\n  - name: a\n    args:\n    - >\n      echo |\n')), []);
    assert.deepEqual(labels(pod('spec:\n  # host|\n')), []);
  });
});

describe('value completion', () => {
  it('offers enum values with their meanings', () => {
    const items = complete(pod('spec:\n  dnsPolicy: |\n'));
    assert.deepEqual(items.map((i) => i.label), ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']);
    assert.match(items[1].detail!, /cluster DNS first/);
    assert.equal(accept(pod('spec:\n  restartPolicy: On|\n'), 'OnFailure'), pod('spec:\n  restartPolicy: OnFailure\n'));
  });
  it('offers true and false for booleans', () => {
    assert.deepEqual(labels(pod('spec:\n  hostNetwork: |\n')), ['true', 'false']);
  });
  it('offers kinds at the top and fills in apiVersion when missing', () => {
    assert.equal(accept('kind: Dep|\n', 'Deployment'), 'apiVersion: apps/v1\nkind: Deployment\n');
    assert.equal(accept('apiVersion: apps/v1\nkind: Dep|\n', 'Deployment'), 'apiVersion: apps/v1\nkind: Deployment\n');
    assert.ok(labels('apiVersion: apps/v1\nkind: Deployment\nmetadata: {}\n---\nkind: |\n').includes('CronJob'));
  });
  it('corrects an apiVersion of another group when a kind is chosen, and keeps one of the same group', () => {
    assert.equal(accept('apiVersion: v1\nkind: Dep|\n', 'Deployment'), 'apiVersion: apps/v1\nkind: Deployment\n');
    assert.equal(accept('apiVersion: "apps/v1"\nkind: P|\n', 'Pod'), 'apiVersion: "v1"\nkind: Pod\n');
    assert.equal(accept('apiVersion: apps/v1beta2\nkind: Dep|\n', 'Deployment'), 'apiVersion: apps/v1beta2\nkind: Deployment\n');
  });
  it('offers apiVersions for the kind', () => {
    assert.deepEqual(labels('apiVersion: |\nkind: CronJob\n'), ['batch/v1']);
  });
  it('offers container names where a field refers to one', () => {
    const src = pod('spec:\n  containers:\n  - name: web\n  - name: log\n  ephemeralContainers:\n  - name: debug\n    targetContainerName: |\n');
    assert.deepEqual(labels(src), ['web', 'log']);
  });
  it('offers the Pod volumes for a volume mount, those not mounted yet first, and claim templates in a StatefulSet', () => {
    const src = pod('spec:\n  containers:\n  - name: a\n    image: y\n    volumeMounts:\n    - name: config\n      mountPath: /etc/a\n    - name: |\n  volumes:\n  - name: config\n    configMap: {name: a}\n  - name: data\n    emptyDir: {}\n');
    const items = complete(src).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(items.map((i) => i.label), ['data', 'config']);
    const sts = [
      'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: db', 'spec:', '  serviceName: db', '  selector: {matchLabels: {app: db}}',
      '  template:', '    metadata: {labels: {app: db}}', '    spec:', '      containers:', '      - name: db', '        image: postgres:16',
      '        volumeMounts:', '        - name: |', '  volumeClaimTemplates:', '  - metadata:', '      name: pgdata', '',
    ].join('\n');
    assert.deepEqual(labels(sts), ['pgdata']);
  });
  it("offers a container's declared ports for its probes", () => {
    const src = pod('spec:\n  containers:\n  - name: web\n    ports:\n    - name: http\n      containerPort: 8080\n    readinessProbe:\n      httpGet:\n        port: |\n');
    assert.deepEqual(labels(src), ['http', '8080']);
  });
});

describe('well-known keys and values', () => {
  const container = (body: string) => pod(`spec:\n  containers:\n  - name: a\n    image: nginx:1.27\n${body}`);
  it('offers resource names under limits and requests, minus those present', () => {
    const src = container('    resources:\n      limits:\n        memory: 128Mi\n        |\n');
    const names = labels(src);
    assert.deepEqual(names, ['cpu', 'ephemeral-storage', 'hugepages-2Mi', 'hugepages-1Gi']);
    assert.equal(accept(src, 'cpu'), container('    resources:\n      limits:\n        memory: 128Mi\n        cpu: \n'));
    assert.ok(labels(container('    resources:\n      requests:\n        |\n')).includes('memory'));
    // Not in maps that are free-form: labels, annotations.
    assert.deepEqual(labels(pod('  labels:\n    |\nspec: {}\n')), []);
  });
  it('offers well-known node labels in nodeSelector, their values, and topology keys', () => {
    const src = pod('spec:\n  nodeSelector:\n    |\n');
    assert.ok(labels(src).includes('kubernetes.io/os') && labels(src).includes('topology.kubernetes.io/zone'));
    assert.deepEqual(labels(pod('spec:\n  nodeSelector:\n    kubernetes.io/os: |\n')), ['linux', 'windows']);
    const spread = pod('spec:\n  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: |\n');
    assert.deepEqual(labels(spread), ['kubernetes.io/hostname', 'topology.kubernetes.io/zone', 'topology.kubernetes.io/region']);
  });
  it('offers the downward API fields an env var can read, the Pod labels written out first', () => {
    const deployment = [
      'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: d', 'spec:', '  selector:', '    matchLabels: {app: web}', '  template:',
      '    metadata:', '      labels:', '        app: web', '        tier: front', '    spec:', '      containers:', '      - name: a', '        image: nginx:1.27',
      '        env:', '        - name: NODE', '          valueFrom:', '            fieldRef:', '              fieldPath: |', '',
    ].join('\n');
    const items = complete(deployment);
    const names = items.map((i) => i.label);
    assert.deepEqual(names.slice(0, 2), ["metadata.labels['app']", "metadata.labels['tier']"]);
    for (const n of ['metadata.name', 'metadata.uid', 'spec.nodeName', 'status.podIP', 'status.hostIPs']) assert.ok(names.includes(n), n);
    // Whole label sets are for volumes only.
    assert.ok(!names.includes('metadata.labels'));
    const key = items.find((i) => i.label === "metadata.labels['<KEY>']")!;
    assert.equal(key.insertTextFormat, 2);
    assert.equal((key.textEdit as TextEdit).newText, "metadata.labels['${1:key}']");
    assert.match(items.find((i) => i.label === 'spec.nodeName')!.detail!, /node/);
    // The paths come from the rule's sets (downward-api-field): each has a meaning written for it.
    for (const i of items) assert.notEqual(i.detail, i.label, i.label);
  });
  it('offers the downward API fields a volume can read, and container resources for resourceFieldRef', () => {
    const volume = pod('spec:\n  volumes:\n  - name: info\n    downwardAPI:\n      items:\n      - path: labels\n        fieldRef:\n          fieldPath: |\n');
    const names = labels(volume);
    assert.ok(names.includes('metadata.labels') && names.includes('metadata.name'));
    assert.ok(!names.includes('spec.nodeName') && !names.includes('status.podIP'), names.join(','));
    for (const i of complete(volume)) assert.notEqual(i.detail, i.label, i.label);
    const res = labels(container('    env:\n    - name: MEM\n      valueFrom:\n        resourceFieldRef:\n          resource: |\n'));
    for (const n of ['limits.cpu', 'requests.memory', 'limits.ephemeral-storage']) assert.ok(res.includes(n), n);
  });
  it('describes them in Chinese when asked', () => {
    const { text, offset } = cursor(pod('spec:\n  nodeSelector:\n    |\n'));
    const d = TextDocument.create('file:///c.yaml', 'yaml', 1, text);
    const items = service().doComplete(service().parse(text), d, d.positionAt(offset), { locale: 'zh-cn' }).items;
    assert.match(items.find((i) => i.label === 'kubernetes.io/os')!.detail!, /操作系统/);
  });
});

describe('empty documents and snippets', () => {
  it('offers resource skeletons in an empty file and after ---', () => {
    for (const src of ['|', '# notes\n|', 'apiVersion: v1\nkind: Pod\n---\n|']) {
      const names = labels(src);
      assert.ok(names.includes('k8s-deployment') && names.includes('pod-skeleton'), `${JSON.stringify(src)}: ${names.join(',')}`);
    }
  });
  it('leaves the snippets out for a client that shows them itself (VS Code)', () => {
    const without = (src: string) => {
      const { text, offset } = cursor(src);
      const d = TextDocument.create('file:///c.yaml', 'yaml', 1, text);
      return service().doComplete(service().parse(text), d, d.positionAt(offset), { locale: 'en', snippets: false }).items.map((i) => i.label);
    };
    assert.deepEqual(without('|'), []);
    const container = without(pod('spec:\n  containers:\n  - name: a\n    |\n'));
    assert.ok(container.includes('livenessProbe') && !container.some((l) => l.startsWith('k8s-')), container.join(','));
    assert.ok(!without(pod('spec:\n  containers:\n  - |\n')).includes('k8s-container'));
  });
  it('offers each list its own container snippets, and probes only where the API server takes them', () => {
    const snippetsIn = (src: string) => labels(src).filter((l) => l.startsWith('k8s-')).sort();
    assert.deepEqual(snippetsIn(pod('spec:\n  containers:\n  - |\n')), ['k8s-container']);
    assert.deepEqual(snippetsIn(pod('spec:\n  initContainers:\n  - |\n')), ['k8s-init-container', 'k8s-sidecar']);
    assert.ok(labels(pod('spec:\n  containers:\n  - name: a\n    |\n')).includes('k8s-probe-http'));
    assert.ok(!labels(pod('spec:\n  |\n')).includes('k8s-probe-http'));
    // An init container runs to completion: no probes; a native sidecar (restartPolicy) takes them; an ephemeral container never.
    assert.deepEqual(snippetsIn(pod('spec:\n  initContainers:\n  - name: init\n    |\n')), []);
    assert.ok(snippetsIn(pod('spec:\n  initContainers:\n  - name: proxy\n    restartPolicy: Always\n    |\n')).includes('k8s-probe-http'));
    assert.deepEqual(snippetsIn(pod('spec:\n  ephemeralContainers:\n  - name: debug\n    |\n')), []);
    const ephemeral = labels(pod('spec:\n  ephemeralContainers:\n  - name: debug\n    |\n'));
    assert.ok(ephemeral.includes('image') && ephemeral.includes('targetContainerName'));
    for (const no of ['ports', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'resources']) assert.ok(!ephemeral.includes(no), no);
  });
});

describe('completion on the big corpus files', { skip: corpusMissing }, () => {
  it('completes at many positions of big-multidoc.yaml quickly and without throwing', () => {
    const text = readFileSync(join(CORPUS, 'big', 'big-multidoc.yaml'), 'utf8');
    const ls = service();
    const d = TextDocument.create('file:///big.yaml', 'yaml', 1, text);
    const file = ls.parse(text);
    let answered = 0;
    for (let offset = 0; offset < text.length; offset += 997) {
      const r = ls.doComplete(file, d, d.positionAt(offset), { locale: 'en' });
      if (r.items.length > 0) answered++;
    }
    assert.ok(answered > 50, `only ${answered} positions answered`);
  });
});
