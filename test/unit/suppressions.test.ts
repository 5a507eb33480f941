import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { normaliseRuleLevels, mergeRuleLevels } from '../../server/src/service/config';
import { diagnostics, findings, service, yaml } from './helpers';

const hostPod = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: agent
  spec:
    hostNetwork: true
    dnsPolicy: ClusterFirstWithHostNet
    hostPID: true
    hostIPC: true
    containers:
    - name: agent
      image: agent:1.0
      readinessProbe: {exec: {command: [true]}}
      livenessProbe: {exec: {command: [true]}}
`;
const HOST = ['host-network', 'host-pid', 'host-ipc'];
const hostFindings = (text: string) => findings(text).filter((f) => HOST.some((id) => f.endsWith(` ${id}`)));

describe('silencing in the YAML', () => {
  it('starts from three host-namespace findings', () => {
    assert.deepEqual(hostFindings(hostPod), ['6:3 host-network', '8:3 host-pid', '9:3 host-ipc']);
  });
  it('podsense-disable-next-line silences the next line only, for the named ids', () => {
    const text = hostPod.replace('  hostPID: true', '  # podsense-disable-next-line host-pid, host-ipc -- node agent\n  hostPID: true');
    assert.deepEqual(hostFindings(text), ['6:3 host-network', '10:3 host-ipc']);
  });
  it('skips blank and comment lines to find the next line', () => {
    const text = hostPod.replace('  hostPID: true', '  # podsense-disable-next-line host-pid\n\n  # why: node agent\n  hostPID: true');
    assert.deepEqual(hostFindings(text), ['6:3 host-network', '12:3 host-ipc']);
  });
  it('podsense-disable silences the rest of the document, and nothing before it or in the next document', () => {
    const text = hostPod.replace('  hostPID: true', '  # podsense-disable host-pid host-ipc\n  hostPID: true') + '---\n' + hostPod;
    assert.deepEqual(hostFindings(text), ['6:3 host-network', '22:3 host-network', '24:3 host-pid', '25:3 host-ipc']);
  });
  it('a bare podsense-disable silences every rule', () => {
    const text = hostPod.replace('spec:', '# podsense-disable\nspec:');
    assert.deepEqual(hostFindings(text), []);
  });
  it('the podsense.io/ignore annotation silences the object', () => {
    const text = hostPod.replace('  name: agent', '  name: agent\n  annotations:\n    podsense.io/ignore: "host-network,host-pid"');
    assert.deepEqual(hostFindings(text), ['11:3 host-ipc']);
  });
  it('the annotation silences with its key written with an escape too', () => {
    // Annotations are looked for only in documents whose text may hold one; an escaped key must still count.
    const text = hostPod.replace('  name: agent', '  name: agent\n  annotations:\n    "podsense.io\\/ign\\x6fre": "host-network,host-pid"');
    assert.deepEqual(hostFindings(text), ['11:3 host-ipc']);
  });
  it('the annotation on a pod template silences that template', () => {
    const deploy = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: agent
      spec:
        selector: {matchLabels: {app: a}}
        template:
          metadata:
            labels: {app: a}
            annotations:
              podsense.io/ignore: host-pid
          spec:
            hostPID: true
            hostIPC: true
            containers:
            - name: a
              image: a:1
    `;
    assert.deepEqual(hostFindings(deploy), ['14:7 host-ipc']);
  });
  it("honours kube-linter's ignore-check annotations for matching rules", () => {
    const text = hostPod.replace('  name: agent', '  name: agent\n  annotations:\n    ignore-check.kube-linter.io/host-ipc: "node agent"');
    assert.deepEqual(hostFindings(text), ['8:3 host-network', '10:3 host-pid']);
  });
  it('reports a silencing comment or annotation that names an unknown rule id', () => {
    const text = hostPod.replace('  hostPID: true', '  # podsense-disable-next-line host-pdi\n  hostPID: true');
    assert.deepEqual(findings(text, 'unknown-rule-id'), ['8:32 unknown-rule-id']);
    assert.ok(hostFindings(text).includes('9:3 host-pid'));
    const annotated = hostPod.replace('  name: agent', '  name: agent\n  annotations:\n    podsense.io/ignore: "hostnetwork"');
    assert.deepEqual(findings(annotated, 'unknown-rule-id'), ['6:26 unknown-rule-id']);
  });
  it('ignores the marker inside a block scalar (a script is not a comment)', () => {
    const text = hostPod.replace('      image: agent:1.0', '      image: agent:1.0\n      args:\n      - >\n        run with # podsense-disable');
    assert.equal(hostFindings(text).length, 3);
  });
  it('ignores the marker inside a string value', () => {
    const text = hostPod.replace('  name: agent', '  name: "agent#podsense-disable"');
    assert.equal(hostFindings(text).length, 3);
  });
});

describe('rule levels', () => {
  it('turns rules off or changes their severity', () => {
    const ls = service();
    const d = TextDocument.create('file:///a.yaml', 'yaml', 1, hostPod);
    const levels = normaliseRuleLevels({ 'host-pid': 'off', 'host-ipc': 'error', 'unknown-field': 'hint' }).levels;
    const out = ls.doValidation(ls.parse(hostPod), d, { locale: 'en', rules: levels });
    assert.ok(!out.some((x) => x.code === 'host-pid'));
    assert.equal(out.find((x) => x.code === 'host-ipc')!.severity, 1);
    assert.equal(out.find((x) => x.code === 'host-network')!.severity, 2);
    assert.equal(diagnostics(hostPod).find((x) => x.code === 'host-ipc')!.severity, 2);
  });
  it('validates levels and merges sources, later ones winning', () => {
    const { levels, problems } = normaliseRuleLevels({ 'host-pid': 'Warning', 'host-ipc': 'loud', 'latest-tag': false, 'unknown-feild': 'off' });
    assert.deepEqual(levels, { 'host-pid': 'warning', 'latest-tag': 'off' });
    assert.deepEqual(problems, ['rule host-ipc: "loud" is not one of off, hint, info, warning, error', 'rule unknown-feild: no such rule or check (did you mean unknown-field?)']);
    assert.deepEqual(mergeRuleLevels({ a: 'error', b: 'info' }, undefined, { a: 'off' }), { a: 'off', b: 'info' });
    assert.deepEqual(normaliseRuleLevels(['x']).problems.length, 1);
  });
});
