import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFile } from '../../server/src/service/parse/documents';
import { formatPath } from '../../server/src/service/parse/path';
import { resourcesOf } from '../../server/src/service/resources';
import { service, yaml } from './helpers';

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
  it('knows typed lists such as PodList', () => {
    assert.deepEqual(kinds('apiVersion: v1\nkind: PodList\nitems: []\n'), ['PodList@.']);
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
