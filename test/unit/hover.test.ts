import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursor, doc, hoverAt, hoverRaw, service, yaml } from './helpers';

const pod = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels:
      app: web
  spec:
    restartPolicy: OnFailure
    terminationGracePeriodSeconds: 45
    containers:
    - name: nginx
      image: nginx:1.27
      ports:
      - containerPort: 80
        protocol: TCP
      resources:
        limits:
          memory: 128Mi
      lifecycle:
        preStop:
          exec:
            command: ["/usr/sbin/nginx", "-s", "quit"]
`;

function at(needle: string, src = pod, locale: 'en' | 'zh-cn' = 'en'): string {
  const i = src.indexOf(needle);
  assert.ok(i >= 0, `needle ${needle} not in fixture`);
  const marked = src.slice(0, i + 1) + '|' + src.slice(i + 1);
  const h = hoverAt(marked, locale);
  assert.ok(h, `no hover at ${needle}`);
  return h;
}

describe('hover on fields', () => {
  it('shows path, kubectl-style type and required for an object list', () => {
    const h = at('containers:');
    assert.match(h, /\*\*containers\*\* `<\[\]Container>` · \*\*required\*\*/);
    assert.match(h, /`Pod\.spec\.containers`/);
    assert.match(h, /List of containers belonging to the pod/);
    assert.match(h, /`kubectl explain pod\.spec\.containers`/);
  });
  it('names the full path with indices and the handler type', () => {
    const h = at('preStop:');
    assert.match(h, /`<LifecycleHandler>`/);
    assert.match(h, /`Pod\.spec\.containers\[0\]\.lifecycle\.preStop`/);
    assert.match(h, /kubectl explain pod\.spec\.containers\.lifecycle\.preStop/);
  });
  it('shows scalar types, optional and the default', () => {
    const h = at('terminationGracePeriodSeconds');
    assert.match(h, /`<integer>` · optional/);
    assert.match(h, /\*\*Default:\*\* 30 seconds/);
  });
  it('shows maps as map[string]string and their entries', () => {
    assert.match(at('labels:'), /`<map\[string\]string>`/);
    const entry = at('app: web');
    assert.match(entry, /`app` is an entry of the map `labels`/);
  });
  it('says what a well-known key or value means where the schema only says string', () => {
    assert.match(at('memory: 128Mi'), /Memory, in bytes/);
    const downward = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        nodeSelector:
          kubernetes.io/os: linux
        containers:
        - name: web
          image: nginx:1.27
          env:
          - name: IP
            valueFrom:
              fieldRef:
                fieldPath: status.podIP
    `;
    assert.match(at('status.podIP', downward), /The Pod's primary IP address/);
    assert.match(at('kubernetes.io/os', downward), /operating system/);
    assert.match(at('linux', downward), /Linux nodes/);
    assert.match(at('status.podIP', downward, 'zh-cn'), /主 IP 地址/);
    // An ordinary entry gets no such line.
    assert.doesNotMatch(at('app: web'), /Memory|IP address/);
  });
  it('recognises Quantity and IntOrString', () => {
    assert.match(at('limits:'), /`<map\[string\]Quantity>`/);
    const probe = yaml`
      apiVersion: v1
      kind: Pod
      spec:
        containers:
        - name: a
          readinessProbe:
            httpGet:
              port: http
    `;
    assert.match(at('port: http', probe), /`<IntOrString>`/);
  });
  it('lists allowed values with their meaning and marks the current one', () => {
    const h = at('OnFailure');
    assert.match(h, /Value `OnFailure` of `restartPolicy`/);
    assert.match(h, /\*\*Allowed values\*\*/);
    assert.match(h, /- `OnFailure` \*\*← current\*\*:/);
    assert.match(h, /- `Always`: restart a container whenever it exits/);
    assert.match(h, /- `Never`: never restart/);
    // Values upstream gives no meaning and we wrote none for (a container's stop signals): a plain list, no empty rows.
    const signal = at('SIGTERM', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  os: {name: linux}\n  containers:\n  - name: a\n    image: b\n    lifecycle:\n      stopSignal: SIGTERM\n');
    assert.match(signal, /\*\*Allowed values\*\* `SIGABRT`, `SIGALRM`/);
    assert.doesNotMatch(signal, /^- `SIG\w+`: ?$/m);
    assert.match(at('OnFailure', pod, 'zh-cn'), /只在容器以非零退出码退出时重启/);
  });
  it('hovers enum keys without marking a value', () => {
    const h = at('restartPolicy');
    assert.doesNotMatch(h, /← current/);
    assert.match(h, /- `OnFailure`:/);
  });
  it('links to the Kubernetes documentation the description names', () => {
    const h = at('initContainers:', pod.replace('  containers:', '  initContainers: []\n  containers:'));
    assert.match(h, /\[kubernetes\.io › init-containers\]\(https:\/\/kubernetes\.io\/docs\/concepts\/workloads\/pods\/init-containers\/\)/);
  });
  it('links a documentation page for common fields whose description names none, and lists a page once', () => {
    const spec = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  tolerations: []\n  affinity: {}\n  containers:\n  - name: a\n    image: b\n    env: []\n    volumeMounts: []\nstatus:\n  phase: Running\n';
    assert.match(at('tolerations', spec), /\(https:\/\/kubernetes\.io\/docs\/concepts\/scheduling-eviction\/taint-and-toleration\/\)/);
    assert.match(at('affinity', spec), /assign-pod-node\/#affinity-and-anti-affinity/);
    assert.match(at('env:', spec), /define-environment-variable-container/);
    assert.match(at('volumeMounts', spec), /concepts\/storage\/volumes/);
    const phase = at('Running', spec);
    // Upstream writes pod-lifecycle#pod-phase and our note pod-lifecycle/#pod-phase: one link.
    assert.equal(phase.match(/\]\(https:\/\/kubernetes\.io\/docs\/concepts\/workloads\/pods\/pod-lifecycle\/?#pod-phase\)/g)?.length, 1);
  });
  it('says which part of the Pod as a machine a pod spec or container field is', () => {
    const spec = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  volumes: []\n  hostNetwork: true\n  containers:\n  - name: a\n    image: b\n    livenessProbe: {exec: {command: ["true"]}}\n';
    assert.match(at('volumes', spec), /_Part of the Pod as a machine: storage \(disks\)_/);
    assert.match(at('hostNetwork', spec), /machine: network \(NIC\)/);
    assert.match(at('livenessProbe', spec), /machine: lifecycle/);
    assert.match(at('preStop'), /machine: lifecycle/);
    assert.doesNotMatch(at('image: b', spec), /as a machine/);
    assert.match(at('volumes', spec, 'zh-cn'), /存储（磁盘）/);
  });
  it('returns a range covering the hovered word', () => {
    const { text, offset } = cursor(pod.replace('nodeName', 'x').replace('restartPolicy', 'restart|Policy'));
    const h = hoverRaw(text, offset)!;
    const d = doc(text);
    assert.equal(d.getText(h.range!), 'restartPolicy');
  });
  it('says nothing on a key an unclosed quote swallowed, and still hovers the value where it starts', () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "a\nspec:\n  host|PID: true\n  containers: []\n';
    assert.equal(hoverAt(broken, 'en'), null);
    assert.match(hoverAt(broken.replace('host|PID', 'hostPID').replace('name: "a', 'na|me: "a'), 'en') ?? '', /Pod\.metadata\.name/);
    // A valid scalar over lines is hovered on any of its lines.
    const folded = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    note: first line\n      sec|ond line\nspec:\n  containers: []\n';
    assert.match(hoverAt(folded, 'en') ?? '', /`note` is an entry of the map `annotations`|Value/);
  });
  it('says nothing for unknown fields and for structural positions', () => {
    assert.equal(hoverAt(pod.replace('restartPolicy', 'restartPolicyy').replace('restartPolicyy', 'restart|Policyy')), null);
    assert.equal(hoverAt(pod.replace('kind: Pod', 'kind: Pod\n|')), null);
  });
  it('marks status fields as read-only', () => {
    const status = 'apiVersion: v1\nkind: Pod\nstatus:\n  hostIP: 10.0.0.1\n  podI|P: 10.1.0.7\n';
    assert.match(hoverAt(status)!, /Read-only: filled in by the system/);
    assert.doesNotMatch(at('image:'), /Read-only/);
  });
  it('marks deprecated fields and values', () => {
    const h = hoverAt('apiVersion: v1\nkind: Pod\nspec:\n  serviceAcc|ount: x\n')!;
    assert.match(h, /\*\*Deprecated:\*\*/);
    assert.match(hoverAt('apiVersion: v1\nkind: Pod\nstatus:\n  phase: Unkn|own\n')!, /Deprecated/);
  });
});

describe('hover in every pod-bearing kind', () => {
  const templates: [string, string, string][] = [
    ['apps/v1', 'Deployment', 'spec:\n  template:\n    spec:\n      host|PID: true\n'],
    ['apps/v1', 'StatefulSet', 'spec:\n  template:\n    spec:\n      host|PID: true\n'],
    ['apps/v1', 'DaemonSet', 'spec:\n  template:\n    spec:\n      host|PID: true\n'],
    ['apps/v1', 'ReplicaSet', 'spec:\n  template:\n    spec:\n      host|PID: true\n'],
    ['v1', 'ReplicationController', 'spec:\n  template:\n    spec:\n      host|PID: true\n'],
    ['v1', 'PodTemplate', 'template:\n  spec:\n    host|PID: true\n'],
    ['batch/v1', 'Job', 'spec:\n  template:\n    spec:\n      host|PID: true\n'],
    ['batch/v1', 'CronJob', 'spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          host|PID: true\n'],
  ];
  for (const [apiVersion, kind, body] of templates) {
    it(`explains hostPID inside a ${kind} template`, () => {
      const h = hoverAt(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n${body}`);
      assert.ok(h, `no hover in ${kind}`);
      assert.match(h, /\*\*hostPID\*\* `<boolean>`/);
      assert.match(h, new RegExp(`\`${kind}\\.[a-zA-Z.]*spec\\.hostPID\``));
      assert.match(h, /What it does to the Pod:/);
    });
  }
  it('explains the Pod as a machine on a template spec', () => {
    const h = hoverAt('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    sp|ec:\n      containers: []\n');
    assert.match(h!, /`<PodSpec>`/);
    assert.match(h!, /What it does to the Pod:/);
  });
  it('works in every item of a kind: List (kubectl get -o yaml)', () => {
    const list = yaml`
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Pod
        spec:
          nodeName: a
      - apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              shareProcessNamespace: true
    `;
    assert.match(hoverAt(list.replace('nodeName', 'node|Name'))!, /`Pod\.spec\.nodeName`/);
    assert.match(hoverAt(list.replace('shareProcessNamespace', 'share|ProcessNamespace'))!, /`Deployment\.spec\.template\.spec\.shareProcessNamespace`/);
    assert.equal(hoverAt(list.replace('items:', 'it|ems:')), null);
  });
  it('works in the 40th document of a file as in the first', () => {
    const one = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostIPC: true\n';
    const many = Array.from({ length: 40 }, () => one).join('---\n');
    const last = many.lastIndexOf('hostIPC');
    const h = hoverAt(many.slice(0, last + 2) + '|' + many.slice(last + 2));
    assert.match(h!, /\*\*hostIPC\*\*/);
  });
  it('notes when an older apiVersion is shown with the current schema', () => {
    const h = hoverAt('apiVersion: extensions/v1beta1\nkind: Deployment\nspec:\n  repl|icas: 2\n');
    assert.match(h!, /`extensions\/v1beta1` is an older API version of Deployment/);
  });
});

describe('hover outside Kubernetes', () => {
  it('says nothing in a GitHub workflow, a compose file or a Service', () => {
    assert.equal(hoverAt('name: CI\non: [push]\njobs:\n  build:\n    runs-|on: ubuntu-latest\n'), null);
    assert.equal(hoverAt('services:\n  web:\n    ima|ge: nginx\n'), null);
    assert.equal(hoverAt('apiVersion: v1\nkind: Service\nspec:\n  sel|ector: {}\n'), null);
  });
  it('says nothing on a non-Kubernetes document next to a Pod', () => {
    const text = 'foo:\n  ho|stPID: true\n---\napiVersion: v1\nkind: Pod\nspec:\n  hostPID: true\n';
    assert.equal(hoverAt(text), null);
  });
});

describe('hover in Simplified Chinese', () => {
  it('uses Chinese labels and keeps upstream text in English', () => {
    const h = at('terminationGracePeriodSeconds', pod, 'zh-cn');
    assert.match(h, /可选/);
    assert.match(h, /默认值：/);
    assert.match(h, /对 Pod 的影响：/);
    assert.match(h, /Optional duration in seconds/);
  });
});

describe('service API', () => {
  it('takes positions and parsed files', () => {
    const ls = service();
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n';
    const d = doc(text);
    const h = ls.doHover(ls.parse(text), d, { line: 3, character: 4 }, { locale: 'en' });
    assert.match((h!.contents as { value: string }).value, /hostNetwork/);
  });
});
