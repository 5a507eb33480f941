import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from '../../server/src/service/parse/documents';
import { formatPath } from '../../server/src/service/parse/path';
import { resourcesOf } from '../../server/src/service/resources';
import { findings, service, yaml } from './helpers';

function kinds(text: string): string[] {
  const file = parseFile(text);
  return file.documents.flatMap((d) =>
    resourcesOf(d, service().schema).map((r) => `${r.kind.kind}@${formatPath(r.at) || '.'}${r.exactVersion ? '' : '~'}`),
  );
}

describe('detecting Kubernetes documents', () => {
  it('recognises every pod-bearing kind, core v1 included', () => {
    const text = [
      ['v1', 'Pod'],
      ['v1', 'PodTemplate'],
      ['v1', 'ReplicationController'],
      ['apps/v1', 'Deployment'],
      ['apps/v1', 'StatefulSet'],
      ['apps/v1', 'DaemonSet'],
      ['apps/v1', 'ReplicaSet'],
      ['batch/v1', 'Job'],
      ['batch/v1', 'CronJob'],
    ]
      .map(([v, k]) => `apiVersion: ${v}\nkind: ${k}\n`)
      .join('---\n');
    assert.deepEqual(kinds(text), [
      'Pod@.',
      'PodTemplate@.',
      'ReplicationController@.',
      'Deployment@.',
      'StatefulSet@.',
      'DaemonSet@.',
      'ReplicaSet@.',
      'Job@.',
      'CronJob@.',
    ]);
  });
  it('examines each item of a kind: List', () => {
    const list = yaml`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Pod
      - apiVersion: v1
        kind: ConfigMap
      - apiVersion: apps/v1
        kind: Deployment
    `;
    assert.deepEqual(kinds(list), ['Pod@items[0]', 'Deployment@items[2]']);
  });
  it('knows typed lists such as PodList, and checks each item as its kind, as the API returns them', () => {
    assert.deepEqual(kinds('apiVersion: v1\nkind: PodList\nitems: []\n'), ['PodList@.']);
    const pods = yaml`
      apiVersion: v1
      kind: PodList
      metadata:
        resourceVersion: "1"
      items:
      - metadata:
          name: a
        spec:
          hostPID: true
          containers:
          - name: a
            image: nginx
      - apiVersion: v1
        kind: Pod
        metadata:
          name: b
        spec:
          containers:
          - name: b
            image: nginx:1.27
    `;
    assert.deepEqual(kinds(pods), ['Pod@items[0]', 'Pod@items[1]']);
    // No apiVersion or kind asked of the items; the Pod rules run on them.
    assert.deepEqual(findings(pods, 'missing-required-field'), []);
    assert.deepEqual(findings(pods, 'host-pid'), ['9:5 host-pid']);
    assert.deepEqual(findings(pods, 'latest-tag'), ['12:14 latest-tag']);
    assert.deepEqual(kinds('apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- spec: {}\n'), ['Deployment@items[0]']);
  });
  it('approximates older versions of a kind by the current schema', () => {
    assert.deepEqual(kinds('apiVersion: extensions/v1beta1\nkind: Deployment\n'), ['Deployment@.~']);
    assert.deepEqual(kinds('apiVersion: batch/v1beta1\nkind: CronJob\n'), ['CronJob@.~']);
  });
  it('ignores everything that is not one of our kinds', () => {
    const workflow = 'name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n';
    const compose = 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n';
    const crdJob = 'apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\n';
    const service = 'apiVersion: v1\nkind: Service\n';
    const helm = 'apiVersion: {{ .Values.api }}\nkind: {{ .Values.kind }}\n';
    for (const text of [workflow, compose, crdJob, service, helm, '', '# only a comment\n', '---\n---\n']) {
      assert.deepEqual(kinds(text), [], text);
    }
  });
});
