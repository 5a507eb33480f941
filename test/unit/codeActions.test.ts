import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { doCodeActions } from '../../server/src/service/features/codeActions';
import type { Locale } from '../../server/src/service';
import { diagnostics, doc, service, yaml } from './helpers';

/** Applies a code action's edit to the text. */
function applyEdits(text: string, action: CodeAction): string {
  const d = doc(text);
  const edits = action.edit?.changes?.[d.uri];
  assert.ok(edits, `"${action.title}" has no edit`);
  return TextDocument.applyEdits(d, edits);
}

/** The code actions offered for the `nth` diagnostic with `code`. */
function actionsFor(text: string, code: string, nth = 0, locale: Locale = 'en', only?: string[]): CodeAction[] {
  const d = diagnostics(text).filter((x) => x.code === code)[nth];
  assert.ok(d, `no ${code} diagnostic`);
  return run(text, [d], d.range, locale, only);
}

function run(text: string, ds: Diagnostic[], range: Diagnostic['range'], locale: Locale = 'en', only?: string[]): CodeAction[] {
  const ls = service();
  return doCodeActions(ls.schema, ls.parse(text), doc(text), range, only ? { diagnostics: ds, only } : { diagnostics: ds }, { locale });
}

function titled(actions: CodeAction[], title: string): CodeAction {
  const a = actions.find((x) => x.title === title);
  assert.ok(a, `no "${title}" among ${JSON.stringify(actions.map((x) => x.title))}`);
  return a;
}

/** The text after applying the action with `title` offered for the first `code` diagnostic. */
function fixed(text: string, code: string, title: string, nth = 0): string {
  return applyEdits(text, titled(actionsFor(text, code, nth), title));
}

const probes = '    readinessProbe: {exec: {command: ["true"]}}\n    livenessProbe: {exec: {command: ["true"]}}\n';
/** A Pod with one container that has both probes; `spec` and `container` are extra lines, fully indented. */
const pod = (spec = '', container = '') =>
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n' + spec + '  containers:\n  - name: web\n    image: nginx:1.27\n' + container + probes;

describe('code actions: schema fixes', () => {
  it('renames an unknown field to the suggestion', () => {
    const text = pod('  sharedProcessNamespace: true\n');
    assert.equal(text.split('\n')[5], '  sharedProcessNamespace: true');
    const a = titled(actionsFor(text, 'unknown-field'), 'Change "sharedProcessNamespace" to "shareProcessNamespace"');
    assert.equal(a.isPreferred, true);
    assert.equal(a.kind, 'quickfix');
    assert.equal(applyEdits(text, a), text.replace('sharedProcessNamespace', 'shareProcessNamespace'));
  });
  it('does not rename onto a key the map already has', () => {
    const text = pod('  hostpid: true\n  hostPID: false\n');
    assert.deepEqual(actionsFor(text, 'unknown-field').filter((a) => a.title.startsWith('Change')), []);
  });
  it('offers one fix per allowed enum value, the closest preferred', () => {
    const text = pod('  restartPolicy: always\n');
    const actions = actionsFor(text, 'invalid-enum-value');
    const titles = actions.filter((a) => a.title.startsWith('Change')).map((a) => a.title);
    assert.deepEqual(titles.sort(), ['Change "always" to "Always"', 'Change "always" to "Never"', 'Change "always" to "OnFailure"']);
    assert.equal(titled(actions, 'Change "always" to "Always"').isPreferred, true);
    assert.equal(applyEdits(text, titled(actions, 'Change "always" to "Never"')), text.replace('restartPolicy: always', 'restartPolicy: Never'));
  });
  it('writes true for an unquoted yes in a boolean field, and quotes it in a string field', () => {
    const text = pod('  hostNetwork: yes\n').replace('  name: web\n', '  name: web\n  labels:\n    debug: no\n');
    assert.equal(fixed(text, 'ambiguous-boolean', 'Change "yes" to "true"', 1), text.replace('hostNetwork: yes', 'hostNetwork: true'));
    assert.equal(fixed(text, 'ambiguous-boolean', 'Quote no: "no"', 0), text.replace('debug: no', 'debug: "no"'));
  });
  it('unquotes a port number written as a string', () => {
    const text = pod('', '    readinessProbe: {tcpSocket: {port: "8080"}}\n').replace(probes, '    livenessProbe: {exec: {command: ["true"]}}\n');
    assert.equal(fixed(text, 'invalid-type', 'Write 8080 instead of "8080"'), text.replace('"8080"', '8080'));
  });
  it('unquotes a boolean and a number written as strings', () => {
    const text = pod('  hostNetwork: "true"\n  dnsPolicy: ClusterFirstWithHostNet\n', "    ports:\n    - containerPort: '80'\n");
    assert.equal(fixed(text, 'invalid-type', 'Write true instead of "true"'), text.replace('"true"', 'true'));
    assert.equal(fixed(text, 'invalid-type', "Write 80 instead of '80'", 1), text.replace("'80'", '80'));
  });
  it('offers no unquote for a string that is not a number', () => {
    const text = pod('  terminationGracePeriodSeconds: "soon"\n');
    assert.deepEqual(actionsFor(text, 'invalid-type').filter((a) => a.title.startsWith('Write')), []);
  });
});

const bare = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27 # pinned
      ports:
      - name: http
        containerPort: 8080
`;

describe('code actions: rule fixes', () => {
  it('inserts a readiness probe on the first port, by name', () => {
    const a = titled(actionsFor(bare, 'no-readiness-probe'), 'Add readinessProbe (httpGet /ready :http)');
    assert.equal(a.isPreferred, true);
    assert.equal(applyEdits(bare, a), bare + '    readinessProbe:\n      httpGet:\n        path: /ready\n        port: http\n');
    assert.equal(
      fixed(bare, 'no-liveness-probe', 'Add livenessProbe (tcpSocket :http)'),
      bare + '    livenessProbe:\n      tcpSocket:\n        port: http\n',
    );
  });
  it('inserts an exec probe into a container without ports, after its last key', () => {
    const text = bare.replace(/ {4}ports:[^]*$/, '').replace('    image', '    image').concat('  - image: busybox:1.36\n    args: [sleep, "1d"]\n');
    const out = fixed(text, 'no-liveness-probe', 'Add livenessProbe (exec)', 1);
    assert.equal(out, text + '    livenessProbe:\n      exec:\n        command: ["/bin/sh", "-c", "<command>"]\n');
  });
  it('removes hostPID or shareProcessNamespace', () => {
    const text = pod('  hostPID: true\n  shareProcessNamespace: true\n');
    const actions = actionsFor(text, 'share-process-namespace-with-host-pid');
    assert.equal(titled(actions, 'Remove hostPID').isPreferred, true);
    assert.equal(applyEdits(text, titled(actions, 'Remove hostPID')), text.replace('  hostPID: true\n', ''));
    assert.equal(applyEdits(text, titled(actions, 'Remove shareProcessNamespace')), text.replace('  shareProcessNamespace: true\n', ''));
  });
  it('keeps one action of a lifecycle handler', () => {
    const hook = '    lifecycle:\n      preStop:\n        exec:\n          command: ["nginx", "-s", "quit"]\n        httpGet:\n          path: /shutdown\n          port: 8080\n        sleep: {seconds: 3}\n';
    const text = pod('', hook);
    const actions = actionsFor(text, 'lifecycle-handler-actions');
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Keep')).map((a) => a.title), ['Keep only exec in preStop', 'Keep only httpGet in preStop', 'Keep only sleep in preStop']);
    assert.equal(
      applyEdits(text, titled(actions, 'Keep only exec in preStop')),
      text.replace('        httpGet:\n          path: /shutdown\n          port: 8080\n        sleep: {seconds: 3}\n', ''),
    );
    assert.equal(
      applyEdits(text, titled(actions, 'Keep only httpGet in preStop')),
      text.replace('        exec:\n          command: ["nginx", "-s", "quit"]\n', '').replace('        sleep: {seconds: 3}\n', ''),
    );
  });
  it('adds an exec action to an empty handler', () => {
    const text = pod('', '    lifecycle:\n      postStart: {}\n');
    assert.equal(
      fixed(text, 'lifecycle-handler-actions', 'Add an exec action to postStart'),
      text.replace('postStart: {}', 'postStart: {exec: {command: ["/bin/sh", "-c", "<command>"]}}'),
    );
  });
  it('replaces a tcpSocket hook action', () => {
    const text = pod('', '    lifecycle:\n      preStop:\n        tcpSocket:\n          port: 80\n');
    assert.equal(
      fixed(text, 'lifecycle-tcp-socket', 'Replace tcpSocket with sleep in preStop'),
      text.replace('tcpSocket:\n          port: 80', 'sleep:\n          seconds: 5'),
    );
    const post = text.replace('preStop', 'postStart');
    assert.equal(
      fixed(post, 'lifecycle-tcp-socket', 'Replace tcpSocket with exec in postStart'),
      post.replace('tcpSocket:\n          port: 80', 'exec:\n          command: ["/bin/sh", "-c", "until nc -z localhost 80; do sleep 1; done"]'),
    );
  });
  it('removes a tcpSocket hook action that has another action beside it, instead of replacing it', () => {
    const text = pod('', '    lifecycle:\n      preStop:\n        httpGet:\n          path: /quit\n          port: 80\n        tcpSocket:\n          port: 80\n');
    const actions = actionsFor(text, 'lifecycle-tcp-socket').map((a) => a.title);
    assert.ok(!actions.some((a) => a.startsWith('Replace')), actions.join(' | '));
    const after = fixed(text, 'lifecycle-tcp-socket', 'Remove tcpSocket');
    assert.equal(after, text.replace('        tcpSocket:\n          port: 80\n', ''));
    assert.deepEqual(diagnostics(after).filter((d) => d.code === 'lifecycle-handler-actions' || d.code === 'lifecycle-tcp-socket'), []);
  });
  it('pins a tag, keeping the registry port and the quotes', () => {
    const text = pod('').replace('nginx:1.27', '"registry:5000/app"');
    assert.equal(fixed(text, 'latest-tag', 'Pin a version tag: registry:5000/app:<tag>'), text.replace('"registry:5000/app"', '"registry:5000/app:<tag>"'));
    const latest = pod('').replace('nginx:1.27', 'nginx:latest');
    assert.equal(fixed(latest, 'latest-tag', 'Pin a version tag: nginx:<tag>'), latest.replace('nginx:latest', 'nginx:<tag>'));
  });
  it('corrects a misspelt downward API path or resource to the closest one that form accepts', () => {
    const env = (from: string) => pod('', `    env:\n    - name: X\n      valueFrom:\n${from}`);
    const name = env('        fieldRef:\n          fieldPath: metadata.nmae\n');
    assert.equal(fixed(name, 'downward-api-field', 'Change "metadata.nmae" to "metadata.name"'), name.replace('metadata.nmae', 'metadata.name'));
    const resource = env("        resourceFieldRef:\n          resource: 'limits.memroy'\n");
    assert.equal(fixed(resource, 'downward-api-field', 'Change "limits.memroy" to "limits.memory"'), resource.replace('limits.memroy', 'limits.memory'));
    // In a volume the closest accepted path is a volume's: metadata.label -> metadata.labels.
    const volume = pod('  volumes:\n  - name: info\n    downwardAPI:\n      items:\n      - path: l\n        fieldRef: {fieldPath: metadata.label}\n');
    assert.equal(fixed(volume, 'downward-api-field', 'Change "metadata.label" to "metadata.labels"'), volume.replace('metadata.label}', 'metadata.labels}'));
    // Nothing close: no fix but silencing.
    const far = env('        fieldRef:\n          fieldPath: spec.containers\n');
    assert.ok(!actionsFor(far, 'downward-api-field').some((a) => a.title.startsWith('Change')));
  });
  it('renames a mount to the closest volume the Pod declares', () => {
    const text = pod('  volumes:\n  - name: content\n    emptyDir: {}\n', '    volumeMounts:\n    - name: contnet\n      mountPath: /data\n');
    assert.equal(fixed(text, 'unknown-volume-mount', 'Change "contnet" to "content"'), text.replace('contnet', 'content'));
    const far = text.replace('contnet', 'cache');
    assert.ok(!actionsFor(far, 'unknown-volume-mount').some((a) => a.title.startsWith('Change')));
  });
  it('writes a decimal-looking file mode in octal', () => {
    const text = pod('  volumes:\n  - name: tls\n    secret: {secretName: tls, defaultMode: 644}\n');
    assert.equal(fixed(text, 'invalid-file-mode', 'Change "644" to "0644"'), text.replace('defaultMode: 644', 'defaultMode: 0644'));
    assert.ok(!actionsFor(text.replace('644', '1000'), 'invalid-file-mode').some((a) => a.title.startsWith('Change')));
  });
  it('removes the status block before another top-level key and at the end of the file', () => {
    const status = 'status:\n  phase: Running\n  conditions:\n  - type: Ready\n    status: "True"\n';
    const last = pod('') + status;
    assert.equal(fixed(last, 'status-in-manifest', 'Remove the status block'), pod(''));
    const middle = pod('').replace('spec:', status + 'spec:');
    assert.equal(fixed(middle, 'status-in-manifest', 'Remove the status block'), pod(''));
    const noNewline = last.slice(0, -1);
    assert.equal(fixed(noNewline, 'status-in-manifest', 'Remove the status block'), pod(''));
  });
});

describe('code actions: silencing and docs', () => {
  const hostPid = pod('  hostPID: true\n');
  it('disables the rule for the next line, with its indentation', () => {
    assert.equal(
      fixed(hostPid, 'host-pid', 'Disable host-pid for this line'),
      hostPid.replace('  hostPID: true', '  # podsense-disable-next-line host-pid\n  hostPID: true'),
    );
    const out = fixed(hostPid, 'host-pid', 'Disable host-pid for this line');
    assert.deepEqual(diagnostics(out).filter((d) => d.code === 'host-pid'), []);
  });
  it('puts the comment above a sequence item at the indentation of its dash', () => {
    const out = fixed(bare, 'no-readiness-probe', 'Disable no-readiness-probe for this line');
    assert.equal(out, bare.replace('  - name: web\n', '  # podsense-disable-next-line no-readiness-probe\n  - name: web\n'));
    assert.deepEqual(diagnostics(out).filter((d) => d.code === 'no-readiness-probe'), []);
  });
  it('adds to a disable-next-line comment already there', () => {
    const text = pod('  # podsense-disable-next-line host-network -- agent\n  hostPID: true\n');
    assert.equal(
      fixed(text, 'host-pid', 'Disable host-pid for this line'),
      text.replace('host-network -- agent', 'host-network, host-pid -- agent'),
    );
  });
  it('disables the rule for the object, creating annotations', () => {
    const out = fixed(hostPid, 'host-pid', 'Disable host-pid for this object');
    assert.equal(out, hostPid.replace('  name: web\n', '  name: web\n  annotations:\n    podsense.io/ignore: "host-pid"\n'));
    assert.deepEqual(diagnostics(out).filter((d) => d.code === 'host-pid'), []);
  });
  it('creates metadata when there is none, after kind', () => {
    const text = hostPid.replace('metadata:\n  name: web\n', '');
    assert.equal(
      fixed(text, 'host-pid', 'Disable host-pid for this object'),
      text.replace('kind: Pod\n', 'kind: Pod\nmetadata:\n  annotations:\n    podsense.io/ignore: "host-pid"\n'),
    );
  });
  it('adds to existing annotations', () => {
    const text = hostPid.replace('  name: web\n', '  name: web\n  annotations:\n    team: web # owner\n');
    assert.equal(
      fixed(text, 'host-pid', 'Disable host-pid for this object'),
      text.replace('team: web # owner\n', 'team: web # owner\n    podsense.io/ignore: "host-pid"\n'),
    );
  });
  it('adds to an existing podsense.io/ignore value, keeping its quotes', () => {
    const text = hostPid.replace('  name: web\n', '  name: web\n  annotations:\n    podsense.io/ignore: "host-ipc"\n');
    assert.equal(fixed(text, 'host-pid', 'Disable host-pid for this object'), text.replace('"host-ipc"', '"host-ipc,host-pid"'));
    const plain = text.replace('"host-ipc"', 'host-ipc, host-network');
    assert.equal(fixed(plain, 'host-pid', 'Disable host-pid for this object'), plain.replace('host-ipc, host-network', 'host-ipc, host-network, host-pid'));
  });
  it('offers silencing for schema checks too, and the documentation command', () => {
    const text = pod('  sharedProcessNamespace: true\n');
    const actions = actionsFor(text, 'unknown-field');
    titled(actions, 'Disable unknown-field for this line');
    titled(actions, 'Disable unknown-field for this object');
    const docs = titled(actions, 'Show documentation for unknown-field');
    assert.deepEqual(docs.command, {
      title: 'Show documentation for unknown-field',
      command: 'podsense.showRuleDocs',
      arguments: ['unknown-field', 'https://github.com/podsense/podsense/blob/main/docs/rules/README.md#unknown-field'],
    });
    assert.equal(docs.edit, undefined);
    const rule = titled(actionsFor(hostPid, 'host-pid'), 'Show documentation for host-pid');
    assert.deepEqual(rule.command?.arguments, ['host-pid', 'https://github.com/podsense/podsense/blob/main/docs/rules/host-pid.md']);
  });
  it('has Chinese titles', () => {
    const titles = actionsFor(hostPid, 'host-pid', 0, 'zh-cn').map((a) => a.title);
    assert.deepEqual(titles, ['在这一行禁用 host-pid', '在这个对象上禁用 host-pid', '查看 host-pid 的文档']);
  });
});

describe('code actions: fix all', () => {
  const two = pod('  sharedProcessNamespace: true\n  hostNetwork: "true"\n  dnsPolicy: ClusterFirstWithHostNet\n  hostpid: false\n  hostIPC: "false"\n');
  const expected = two
    .replace('sharedProcessNamespace', 'shareProcessNamespace')
    .replace('hostpid', 'hostPID')
    .replace('"true"', 'true')
    .replace('"false"', 'false');
  it('fixes every problem of one rule', () => {
    assert.equal(
      fixed(two, 'unknown-field', 'Fix all unknown-field problems in this file'),
      two.replace('sharedProcessNamespace', 'shareProcessNamespace').replace('hostpid', 'hostPID'),
    );
    assert.equal(fixed(two, 'invalid-type', 'Fix all invalid-type problems in this file'), two.replace('"true"', 'true').replace('"false"', 'false'));
  });
  it('is not offered for a single problem', () => {
    const one = pod('  sharedProcessNamespace: true\n');
    assert.equal(actionsFor(one, 'unknown-field').some((a) => a.title.startsWith('Fix all')), false);
  });
  it('source.fixAll applies every safe fix in the file', () => {
    for (const only of [['source.fixAll'], ['source.fixAll.podsense'], ['source']]) {
      const actions = run(two, [], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'en', only);
      assert.equal(actions.length, 1);
      assert.equal(actions[0].kind, 'source.fixAll.podsense');
      assert.equal(applyEdits(two, actions[0]), expected);
    }
  });
  it('source.fixAll is not returned unless asked for, and quick fixes not when only source is asked', () => {
    assert.equal(actionsFor(two, 'unknown-field').some((a) => a.kind === 'source.fixAll.podsense'), false);
    assert.deepEqual(actionsFor(two, 'unknown-field', 0, 'en', ['source.organizeImports']), []);
  });
});

describe('code actions: odd input', () => {
  it('never throws', () => {
    const texts = ['', ':', '- [', 'apiVersion: v1\nkind: Pod\nspec: [', pod('  hostPID: true\n').replace('containers:', 'containers: 3')];
    for (const text of texts) {
      const ds = diagnostics(text);
      const range = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
      assert.doesNotThrow(() => run(text, ds, range));
      assert.doesNotThrow(() => run(text, ds, range, 'en', ['source.fixAll']));
    }
  });
  it('ignores diagnostics of other sources and outside the range', () => {
    const text = pod('  hostPID: true\n');
    const d = diagnostics(text).find((x) => x.code === 'host-pid')!;
    assert.deepEqual(run(text, [{ ...d, source: 'yaml' }], d.range), []);
    assert.deepEqual(run(text, [d], { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }), []);
  });
});
