import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { machineSummary } from '../../server/src/service/features/machine';
import { formatBytes, formatCpu, parseQuantity } from '../../server/src/service/schema/quantity';
import type { Locale } from '../../server/src/service';
import { Resource, resourcesOf } from '../../server/src/service/resources';
import { service, yaml } from './helpers';

function resources(text: string): Resource[] {
  const ls = service();
  return ls.parse(text).documents.flatMap((d) => [...resourcesOf(d, ls.schema)]);
}

function summary(text: string, locale: Locale = 'en'): string | undefined {
  const [resource] = resources(text);
  assert.ok(resource, 'no Kubernetes object in the fixture');
  return machineSummary(service().schema, resource, locale);
}

function example(name: string): string {
  return readFileSync(join(__dirname, '..', '..', 'examples', name), 'utf8');
}

function bullets(md: string | undefined): string[] {
  assert.ok(md);
  return md.split('\n').filter((l) => l.startsWith('- '));
}

/** The bullet of one topic (by its bold label), without the label. */
function line(md: string | undefined, label: string): string {
  const found = bullets(md).find((l) => l.startsWith(`- **${label}**`));
  assert.ok(found, `no "${label}" line in:\n${md}`);
  return found.slice(`- **${label}**`.length).replace(/^(: |：)/, '');
}

function assertCompact(md: string | undefined): void {
  assert.ok(md);
  const lines = md.split('\n');
  assert.match(lines[0], /^\*\*.+\*\*/);
  assert.ok(lines.length <= 9, `too long:\n${md}`);
  assert.ok(lines.slice(1).every((l) => l.startsWith('- ')), md);
}

describe('the Pod as a machine', () => {
  it("summarises the seed's shared-PID Pod", () => {
    const md = summary(example('shared-pid-debug.yaml'));
    assertCompact(md);
    assert.equal(md!.split('\n')[0], '**Pod `nginx` as a machine**');
    assert.equal(line(md, 'containers'), '2 containers: `nginx` (`nginx:1.27`), `shell` (`busybox:1.36`)');
    assert.equal(line(md, 'processes'), '2 containers share one process namespace; pause is PID 1');
    assert.match(line(md, 'network (NIC)'), /one NIC and IP for the whole Pod/);
    assert.equal(line(md, 'lifecycle'), 'no readiness or liveness probe on `nginx`, `shell`');
  });

  it('says which node namespaces the host-namespaces Pod shares', () => {
    const md = summary(example('host-namespaces.yaml'));
    assertCompact(md);
    assert.equal(line(md, 'security (firewall)'), "shares the node's network, IPC and PID namespaces");
    assert.match(line(md, 'network (NIC)'), /^no NIC of its own: it uses the node's network namespace.*; dnsPolicy `ClusterFirstWithHostNet`$/);
    assert.equal(line(md, 'processes'), 'sees every process on the node (hostPID)');
    const zh = summary(example('host-namespaces.yaml'), 'zh-cn');
    assertCompact(zh);
    assert.equal(zh!.split('\n')[0], '**把 Pod `node-debugger` 看作一台机器**');
    assert.equal(line(zh, '安全（防火墙）'), '与节点共享网络、IPC 和 PID 命名空间');
    assert.equal(line(zh, '进程'), '能看到节点上的所有进程（hostPID）');
  });

  it('joins two host namespaces the way people say it', () => {
    const md = summary(yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
      spec:
        hostNetwork: true
        hostPID: true
        containers:
          - name: c
            image: c:1
    `);
    assert.equal(line(md, 'security (firewall)'), "shares the node's network and PID namespaces");
  });

  it('names the hooks and the grace period of the lifecycle demo', () => {
    const md = summary(example('lifecycle-demo.yaml'));
    assertCompact(md);
    assert.equal(
      line(md, 'lifecycle'),
      'postStart and preStop hooks on `lifecycle-demo-container`; grace period 30s; no readiness or liveness probe on `lifecycle-demo-container`',
    );
    const zh = summary(example('lifecycle-demo.yaml'), 'zh-cn');
    assert.equal(
      line(zh, '生命周期'),
      '`lifecycle-demo-container` 上有 postStart 和 preStop 钩子；优雅终止期 30 秒；`lifecycle-demo-container` 没有就绪和存活探针',
    );
  });

  it("describes a Deployment's Pods: replicas, probes, ports and requests", () => {
    const md = summary(example('web-deployment.yaml'));
    assertCompact(md);
    assert.equal(md!.split('\n')[0], '**Deployment `web`: each of its Pods as a machine** · 3 replicas');
    assert.equal(line(md, 'network (NIC)'), 'ports 8080 (`app`)');
    assert.equal(line(md, 'lifecycle'), 'startup, readiness and liveness probes on `app`');
    assert.equal(line(md, 'resources'), 'requests 250m CPU / 256Mi memory; limits 512Mi memory');
    const zh = summary(example('web-deployment.yaml'), 'zh-cn');
    assertCompact(zh);
    assert.equal(zh!.split('\n')[0], '**Deployment `web`：把它的每个 Pod 看作一台机器** · 3 个副本');
    assert.equal(line(zh, '生命周期'), '`app` 有启动、就绪、存活探针');
    assert.equal(line(zh, '资源'), '请求 250m CPU / 256Mi 内存；上限 512Mi 内存');
  });

  it('covers every aspect of a busy Pod in at most eight bullets', () => {
    const text = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: busy
      spec:
        nodeName: worker-3
        nodeSelector:
          disktype: ssd
        tolerations:
          - key: dedicated
            operator: Exists
        restartPolicy: OnFailure
        shareProcessNamespace: true
        serviceAccountName: builder
        automountServiceAccountToken: false
        securityContext:
          runAsUser: 0
        volumes:
          - name: data
            emptyDir: {}
          - name: config
            configMap:
              name: cfg
        containers:
          - name: app
            image: app:1
            ports:
              - containerPort: 53
                protocol: UDP
            securityContext:
              privileged: true
            resources:
              requests:
                cpu: "0.5"
                memory: 1Gi
          - name: pause-watcher
            image: busybox:1.36
            resources:
              requests:
                cpu: 250m
                memory: 512Mi
              limits:
                cpu: lots
    `;
    const md = summary(text);
    assertCompact(md);
    assert.equal(bullets(md).length, 8);
    assert.equal(line(md, 'storage (disks)'), '2 volumes: `data` (emptyDir), `config` (configMap)');
    assert.equal(
      line(md, 'security (firewall)'),
      'runs as root; privileged container `app`; service account `builder`; no API token mounted',
    );
    assert.equal(
      line(md, 'scheduling (which server)'),
      'pinned to node `worker-3`: scheduler bypassed; only nodes labelled `disktype=ssd`; tolerates 1 taint',
    );
    assert.equal(line(md, 'processes'), '2 containers share one process namespace; pause is PID 1');
    assert.equal(line(md, 'lifecycle'), 'restartPolicy `OnFailure`');
    assert.equal(line(md, 'resources'), 'requests 750m CPU / 1536Mi memory in total; limits CPU `lots` (`pause-watcher`)');
    assert.match(line(md, 'network (NIC)'), /ports 53\/UDP \(`app`\)$/);
    const zh = summary(text, 'zh-cn');
    assertCompact(zh);
    assert.equal(line(zh, '调度（哪台服务器）'), '绑定到节点 `worker-3`：绕过了调度器；只调度到带有 `disktype=ssd` 标签的节点；容忍 1 个污点');
    assert.equal(line(zh, '资源'), '共请求 750m CPU / 1536Mi 内存；上限 CPU `lots`（`pause-watcher`）');
  });

  it('says "running on" instead of "pinned" for a Pod read back from a cluster', () => {
    const md = summary(example('kubectl-get-pod.yaml'));
    assert.equal(line(md, 'scheduling (which server)'), 'running on node `worker-3`');
    assert.equal(line(md, 'resources'), 'limits 256Mi memory');
  });

  it('gives nothing for objects without a pod spec', () => {
    assert.equal(summary('apiVersion: v1\nkind: PodList\nmetadata: {}\nitems: []\n'), undefined);
    assert.equal(summary('apiVersion: v1\nkind: Pod\nmetadata:\n  name: empty\n'), undefined);
    assert.equal(summary('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: 2\n', 'zh-cn'), undefined);
  });

  it('keeps a Pod with an empty spec to a heading and one line', () => {
    assert.equal(summary('apiVersion: v1\nkind: Pod\nspec: {}\n'), '**Pod as a machine**\n- **containers**: no containers');
    assert.equal(summary('apiVersion: v1\nkind: Pod\nspec: {}\n', 'zh-cn'), '**把 Pod 看作一台机器**\n- **容器**：没有容器');
  });

  it('works on each item of a kind: List', () => {
    const [pod, job] = resources(yaml`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata:
            name: one
          spec:
            containers: [{name: a, image: a}]
        - apiVersion: batch/v1
          kind: Job
          metadata:
            name: two
          spec:
            template:
              spec:
                restartPolicy: Never
                activeDeadlineSeconds: 600
                containers: [{name: b, image: b}]
    `);
    assert.match(machineSummary(service().schema, pod, 'en')!, /^\*\*Pod `one` as a machine\*\*/);
    const md = machineSummary(service().schema, job, 'en');
    assert.equal(line(md, 'lifecycle'), 'restartPolicy `Never`; stopped after 600s (activeDeadlineSeconds)');
  });
});

describe('quantities', () => {
  it('parses and formats CPU and memory', () => {
    assert.equal(parseQuantity('250m'), 0.25);
    assert.equal(parseQuantity(1), 1);
    assert.equal(parseQuantity('1Gi'), 2 ** 30);
    assert.equal(parseQuantity('1e3'), 1000);
    assert.equal(parseQuantity('500mb'), undefined);
    assert.equal(parseQuantity('lots'), undefined);
    assert.equal(formatCpu(0.25 + 0.5), '750m');
    assert.equal(formatCpu(2), '2');
    assert.equal(formatBytes(2 ** 29 + 2 ** 29), '1Gi');
    assert.equal(formatBytes(1.5e9), '1500M');
    assert.equal(formatBytes(1000), '1k');
    assert.equal(formatBytes(1001), '1001');
  });
});
