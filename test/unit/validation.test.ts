import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnostics, findings, service, yaml } from './helpers';

const pod = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: x
  spec:
    sharedProcessNamespace: true
    hostpid: true
    hostNetwork: "true"
    restartPolicy: Sometimes
    terminationGracePeriodSeconds: "30"
    containers:
    - image: nginx:1.27
      resources:
        limits:
          memory: 500mb
          cpu: 250m
        requests:
          memory: 1.5Gi
          cpu: 1
      ports:
      - containerPort: 8080
    - name: b
      image: busybox:1.36
      env:
      - name: A
        value: 8080
      readinessProbe:
        httpGet:
          port: http
`;

function messageOf(code: string, text = pod, locale: 'en' | 'zh-cn' = 'en'): string {
  const d = diagnostics(text, locale).find((x) => x.code === code);
  assert.ok(d, `no ${code}`);
  return typeof d.message === 'string' ? d.message : d.message.value;
}

describe('schema diagnostics', () => {
  it('suggests the field for two swapped letters', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    env:\n    - name: A\n      vaule: "1"\n';
    assert.match(messageOf('unknown-field', text), /Unknown field "vaule" in EnvVar.*Did you mean "value"\?/);
  });
  it('reports unknown fields on the key, with did-you-mean for near misses and case slips', () => {
    assert.deepEqual(findings(pod, 'unknown-field'), ['6:3 unknown-field', '7:3 unknown-field']);
    assert.match(messageOf('unknown-field'), /Did you mean "shareProcessNamespace"\?/);
    assert.match(String(diagnostics(pod).filter((d) => d.code === 'unknown-field')[1].message), /Did you mean "hostPID"\?/);
  });
  it('reports booleans and numbers written as strings, and numbers where strings belong', () => {
    assert.deepEqual(findings(pod, 'invalid-type'), ['8:16 invalid-type', '10:34 invalid-type', '26:14 invalid-type']);
    assert.match(messageOf('invalid-type'), /write true or false without quotes/);
  });
  it('checks quantities in both forms and rejects 500mb', () => {
    assert.deepEqual(findings(pod, 'invalid-quantity'), ['15:17 invalid-quantity']);
  });
  it('reports a value outside an enum with the allowed ones', () => {
    assert.deepEqual(findings(pod, 'invalid-enum-value'), ['9:18 invalid-enum-value']);
    assert.match(messageOf('invalid-enum-value'), /Always, Never, OnFailure/);
  });
  it('reports missing required fields where the object starts', () => {
    assert.deepEqual(findings(pod, 'missing-required-field'), ['12:5 missing-required-field']);
    assert.match(messageOf('missing-required-field'), /"name" in Container/);
    const noContainers = 'apiVersion: v1\nkind: Pod\nspec:\n  hostIPC: false\n';
    assert.deepEqual(findings(noContainers, 'missing-required-field'), ['3:1 missing-required-field']);
  });
  it('reads unquoted yes/no/on/off as kubectl does: an error in a string field, a warning in a boolean one', () => {
    const text = [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  labels:', '    debug: yes', '    country: NO', '    quoted: "yes"', 'spec:',
      '  hostNetwork: on', '  enableServiceLinks: true', '  containers:', '  - name: a', '    image: nginx:1.27', '    env:', '    - name: VERBOSE', '      value: y', '',
    ].join('\n');
    assert.deepEqual(findings(text, 'ambiguous-boolean'), ['6:12 ambiguous-boolean', '7:14 ambiguous-boolean', '10:16 ambiguous-boolean', '17:14 ambiguous-boolean']);
    assert.deepEqual(findings(text, 'invalid-type'), []);
    const ds = diagnostics(text).filter((d) => d.code === 'ambiguous-boolean');
    assert.deepEqual(ds.map((d) => d.severity), [1, 1, 2, 1]);
    assert.match(String(ds[0].message), /kubectl and Helm read the unquoted yes as a boolean.*Quote it: "yes"/);
    assert.match(String(ds[2].message), /kubectl reads on as true.*Write true/);
    // A quoted "yes" in a boolean field is still the ordinary wrong type.
    assert.deepEqual(findings(text.replace('hostNetwork: on', 'hostNetwork: "on"'), 'invalid-type'), ['10:16 invalid-type']);
  });
  it('reports a quoted number where a port name or a percentage belongs', () => {
    const text = pod.replace('port: http', 'port: "8080"');
    const quoted = diagnostics(text).filter((d) => d.code === 'invalid-type' && /port name/.test(String(d.message)));
    assert.equal(quoted.length, 1);
    assert.match(String(quoted[0].message), /must be a port name \(with a letter\) or a percentage.*Write 8080 without quotes/);
  });
  it('reports a fraction where an IntOrString takes an integer', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector: {matchLabels: {a: b}}\n  strategy:\n    rollingUpdate:\n      maxSurge: 1.5\n      maxUnavailable: 25%\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n      - name: a\n        image: nginx:1.27\n';
    assert.deepEqual(findings(text, 'invalid-type'), ['9:17 invalid-type']);
    assert.match(messageOf('invalid-type', text), /Expected <IntOrString> \(an integer or a string\), got number 1.5/);
    // Where upstream says the string is a percentage, it is nothing else; a port's string is a name (invalid-port-name).
    const words = text.replace('maxSurge: 1.5', 'maxSurge: one').replace('maxUnavailable: 25%', 'maxUnavailable: "25 %"');
    assert.deepEqual(findings(words, 'invalid-type'), ['9:17 invalid-type', '10:23 invalid-type']);
    assert.match(messageOf('invalid-type', words), /"one" is neither a number nor a percentage such as "25%"/);
    assert.deepEqual(findings(text.replace('maxSurge: 1.5', 'maxSurge: 100%'), 'invalid-type'), []);
  });
  it('accepts IntOrString in both forms', () => {
    assert.deepEqual(findings(pod.replace('port: http', 'port: 8080'), 'invalid-type').length, 3);
  });
  it('carries code, source and a documentation link', () => {
    const d = diagnostics(pod).find((x) => x.code === 'unknown-field')!;
    assert.equal(d.source, 'podsense');
    assert.match(d.codeDescription!.href, /docs\/rules\/README\.md#unknown-field$/);
    assert.equal(d.severity, 1);
  });
  it('speaks Chinese when asked', () => {
    assert.match(messageOf('unknown-field', pod, 'zh-cn'), /是不是想写 "shareProcessNamespace"/);
  });
  it('checks templates of workloads too', () => {
    const deploy = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector: {}\n  template:\n    spec:\n      containers:\n      - name: a\n        imagePullPolicy: Sometimes\n';
    assert.deepEqual(findings(deploy, 'invalid-enum-value'), ['9:26 invalid-enum-value']);
  });
});

describe('YAML diagnostics', () => {
  it('reports syntax errors with the parser range', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n';
    const f = findings(broken, 'yaml-syntax');
    assert.ok(f.length > 0);
  });
  it('gives a document the parser cannot read its errors only, no cascade; the other documents are checked', () => {
    const tab = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n  - name: a\n\timage: nginx\n';
    const misindented = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: q\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n   env: []\n';
    for (const text of [tab, misindented]) {
      const codes = new Set(diagnostics(text).map((d) => d.code));
      assert.ok(codes.has('yaml-syntax'), text);
      assert.deepEqual([...codes].filter((c) => c !== 'yaml-syntax'), [], text);
    }
    const file = `${tab}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: r\nspec:\n  hostPID: true\n  containers:\n  - name: a\n    image: nginx:1.27\n`;
    assert.deepEqual(findings(file, 'host-pid'), ['16:3 host-pid']);
  });
  it('reports duplicate keys as errors on the later key', () => {
    const dup = 'apiVersion: v1\nkind: Pod\nspec:\n  hostPID: true\n  hostPID: false\n  containers: []\n';
    assert.deepEqual(findings(dup, 'duplicate-key'), ['5:3 duplicate-key']);
    const d = diagnostics(dup).find((x) => x.code === 'duplicate-key')!;
    assert.equal(d.range.end.character, 9);
  });
  it('says nothing at all about YAML that is not Kubernetes, broken or not', () => {
    assert.deepEqual(diagnostics('name: CI\non: [push\njobs: {a: 1, a: 2}\n'), []);
    assert.deepEqual(diagnostics('services:\n  web:\n    image: nginx\n'), []);
  });
  it('gives a templated file one note instead of a cascade', () => {
    const helm = 'apiVersion: v1\nkind: Pod\nspec:\n  {{- if .Values.x }}\n  hostPID: true\n  {{- end }}\n  containers: [\n';
    assert.deepEqual(findings(helm), ['4:3 templated-file']);
  });
  it('takes any template mark outside a comment for a template: Helm, Jinja, trimmed or not, and nothing else', () => {
    // The definition: `{{...}}`, `{{-`, `-}}` or `{%...%}` on a line, before any `#`.
    const spec = /^[^#\n]*(\{\{.*?\}\}|\{\{-|-\}\}|\{%.*?%\})/m;
    const lines = ['  a: {{ .x }}', '  {{- if .x }}', '  b: 1 -}}', '{% if x %}', '  c: 1 # {{ .y }}', '  d: "{{"', '  e: "}}"', '  f: "{"', '  g: "%}"', '  h: "{ {"', '  i: "{%"', '  j: 1'];
    for (const line of lines) {
      for (const extra of ['', '  k: 1']) {
        const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n${line}\n${extra}\n`;
        assert.equal(findings(text).some((f) => f.endsWith('templated-file')), spec.test(text), text);
      }
    }
  });
  it('gives a templated Kubernetes document its note without parsing it', () => {
    const helm = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  containers: [\n';
    const ls = service();
    const file = ls.parse(helm);
    // The chunk's syntax tree may not be asked for: its parse goes to yaml, the slowest path, only to be replaced by the note.
    const chunk = new Proxy(file.documents[0].chunk, {
      get(target, key) {
        if (key === 'yaml') throw new Error('a templated document was parsed');
        return Reflect.get(target, key);
      },
    });
    const parsed = { ...file, documents: [{ ...file.documents[0], chunk }] };
    const found = ls.doValidation(parsed, TextDocument.create('file:///helm.yaml', 'yaml', 1, helm), { locale: 'en' });
    assert.deepEqual(
      found.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`),
      ['4:9 templated-file'],
    );
  });
  it('re-checks only the documents an edit touched', () => {
    const one = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  nodeName: n\n  containers:\n  - name: a\n    image: a:1\n';
    const text = [one, one, one].join('---\n');
    assert.equal(findings(text, 'node-name-set').length, 3);
  });
});

describe('diagnostic positions', () => {
  it('match TextDocument with CRLF and multi-document files', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostpid: true\n  containers: []\n';
    for (const text of [pod, pod.replace(/\n/g, '\r\n'), `${pod}---\n${pod}---\n${pod}`]) {
      const d = diagnostics(text);
      const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
      const td = TextDocument.create('file:///p.yaml', 'yaml', 1, text);
      const unknown = d.filter((x) => x.code === 'unknown-field');
      assert.ok(unknown.length > 0);
      for (const u of unknown) assert.equal(td.getText(u.range), 'hostpid');
    }
  });
  it('are reused after an edit elsewhere and shifted when lines move', () => {
    const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
    const ls = service();
    const pod = 'apiVersion: v1\nkind: Pod\nspec:\n  hostpid: true\n  containers: []\n';
    const one = `${pod}---\n${pod}`;
    const first = ls.parse(one);
    const before = ls.doValidation(first, TextDocument.create('file:///p.yaml', 'yaml', 1, one), { locale: 'en' });
    const two = `# added line\n${one}`;
    const after = ls.doValidation(ls.parse(two, first), TextDocument.create('file:///p.yaml', 'yaml', 2, two), { locale: 'en' });
    assert.deepEqual(after.map((x) => x.range.start.line), before.map((x) => x.range.start.line + 1));
  });
});
