import type { KnowledgeTable } from './types';

/**
 * PodSense's own explanations, English. Keys and links must stay in sync with zh-cn.ts.
 * Written from the seed notes (shared/seed) and checked against kubernetes.io; see types.ts for the key scheme.
 */

const K8S = 'https://kubernetes.io/docs';
const POD_LIFECYCLE = `${K8S}/concepts/workloads/pods/pod-lifecycle/`;
const HOOKS = `${K8S}/concepts/containers/container-lifecycle-hooks/`;
const PROBES_TASK = `${K8S}/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/`;
const HOSTS_TASK = `${K8S}/tasks/network/customize-hosts-file-for-pods/`;
const SHARE_PID_TASK = `${K8S}/tasks/configure-pod-container/share-process-namespace/`;
const POD_SECURITY = `${K8S}/concepts/security/pod-security-standards/`;
const DNS_POLICY = `${K8S}/concepts/services-networking/dns-pod-service/#pod-s-dns-policy`;
const DEBUG_PODS = `${K8S}/tasks/debug/debug-application/debug-pods/`;
const DEBUG_RUNNING = `${K8S}/tasks/debug/debug-application/debug-running-pod/`;
const TERMINATION_REASON = `${K8S}/tasks/debug/debug-application/determine-reason-pod-failure/`;

export const en: KnowledgeTable = {
  // ---------------------------------------------------------------- the Pod as a machine
  'PodSpec': {
    what: "A Pod spec describes a machine, not a program: the network fields are its NIC, `volumes` are its disks, `securityContext` is its firewall and permission model, and the scheduling fields choose the physical server it runs on; `containers` are the programs installed on that machine. Everything that touches Linux namespaces is therefore set here, at Pod level: the containers of one Pod share as many namespaces as possible (network, IPC and UTS always, PID on request) and keep only the isolation they really need.",
    trap: "A Pod is not a VM that can be moved: it is bound to one node for its whole life and is replaced (new name, new IP) rather than migrated. Most of the spec cannot be changed after the Pod is created.",
    instead: "Describe the machine once as a Pod template inside a Deployment, StatefulSet, DaemonSet or Job and let the controller replace Pods; `kubectl explain pod.spec` lists the fields.",
    links: [`${K8S}/concepts/workloads/pods/`, POD_LIFECYCLE],
  },

  // ---------------------------------------------------------------- scheduling
  'PodSpec.nodeName': {
    what: "The physical server this machine runs on. When it is set, the Pod counts as already bound to that node: the scheduler ignores it and the kubelet on that node simply tries to start it. The scheduler fills this field in itself, which is why it appears in `kubectl get pod -o yaml` output.",
    trap: "Setting it by hand bypasses the scheduler, so nothing checks resource fit, `NoSchedule` taints, affinity or spreading. The kubelet re-checks only a few things (resources, host ports, node selector and affinity, `NoExecute` taints) and rejects a misfit with a terminal `Failed` phase and a reason such as `OutOfcpu` or `OutOfmemory`; if the node does not exist the Pod never starts and may be deleted.",
    instead: "Keep it for debugging. To pin a Pod to a node and still go through the scheduler, use `nodeSelector` with the `kubernetes.io/hostname` label, or required node affinity.",
    links: [`${K8S}/concepts/scheduling-eviction/assign-pod-node/#nodename`, `${K8S}/concepts/scheduling-eviction/taint-and-toleration/`],
  },

  // ---------------------------------------------------------------- network: /etc/hosts
  'PodSpec.hostAliases': {
    what: "Extra lines for the machine's hosts file. The kubelet writes each entry into the Pod's `/etc/hosts`, below its own boilerplate and a `# Entries added by HostAliases.` comment, so every container in the Pod resolves those names the same way; the seed example maps `foo.remote` and `bar.remote` to `10.1.2.3`.",
    trap: "`/etc/hosts` is managed by the kubelet: editing it inside a container, or from an init container, is lost when the container is recreated. `nslookup` and `dig` query DNS and never read `/etc/hosts`, so they will not show these entries; test with `getent hosts foo.remote`.",
    instead: "Use `hostAliases` for a few Pod-local overrides; names that the whole cluster needs belong in DNS (a Service, an `ExternalName` Service, or a CoreDNS `hosts` entry).",
    upstreamDiffers: "Old notes and the Kubernetes 1.7 page say host aliases do not work for `hostNetwork: true` Pods (1.7 rejected that combination). Since Kubernetes 1.8 they do: for a host-network Pod the kubelet copies the node's `/etc/hosts` and appends the aliases, and the current upstream field description makes no exception for `hostNetwork`.",
    links: [HOSTS_TASK],
  },
  'HostAlias.ip': {
    what: "The address column of one hosts-file entry: every name in `hostnames` is written next to this IP in the Pod's `/etc/hosts`. The field is required.",
    trap: "It must be a literal IPv4 or IPv6 address such as `10.1.2.3` or `fd00::10`; a hostname, a CIDR or an `ip:port` is rejected by the API server. The entry is static, so if the target's address changes the Pods keep the old one until they are recreated.",
    instead: "Point it at an address that does not move (a VIP or a fixed server); for anything that moves, resolve the name through DNS.",
    links: [HOSTS_TASK],
  },
  'HostAlias.hostnames': {
    what: "The names that should resolve to this entry's `ip` inside the Pod; the kubelet writes them on the same hosts-file line as the IP, e.g. `10.1.2.3 foo.remote bar.remote`.",
    trap: "Each name must be a valid lowercase DNS name (an RFC 1123 subdomain): no uppercase, underscores, trailing dot, port or `http://` prefix. Listing the same name under two IPs is accepted, but resolvers normally use the first match, so the second mapping is silently ignored.",
    instead: "Give each name exactly one IP and check the result with `kubectl exec <pod> -- cat /etc/hosts`.",
    links: [HOSTS_TASK],
  },

  // ---------------------------------------------------------------- namespaces
  'PodSpec.shareProcessNamespace': {
    what: "Puts all containers of the Pod into one PID namespace, like programs on one machine: each container can see the others' processes with `ps` and signal them with `kill`. In the seed example (nginx plus a busybox shell with `stdin` and `tty`), `ps` in the shell shows `/pause` as PID 1, then the nginx master and worker and the shells.",
    trap: "The infrastructure `pause` process becomes PID 1, so your application no longer is: images that expect to be PID 1 (systemd, scripts doing `kill -HUP 1`) break, and zombie reaping is now done by `pause`. Other containers can read your `/proc` entries (command-line arguments, environment) and your filesystem through `/proc/<pid>/root`, protected only by Unix permissions; it cannot be combined with `hostPID`.",
    instead: "Use it for tightly coupled helpers or a debug sidecar; for one-off debugging prefer `kubectl debug -it <pod> --image=busybox --target=<container>`, which adds an ephemeral container without changing the Pod spec.",
    links: [SHARE_PID_TASK, DEBUG_RUNNING],
  },
  'PodSpec.hostNetwork': {
    what: "Replaces the machine's own NIC with the node's: every container of the Pod joins the host network namespace and shares it with every process on the node, so the Pod IP is the node IP and ports are opened on the node's interfaces.",
    trap: "Two replicas that listen on the same port cannot run on the same node; declare the ports (with `hostNetwork`, `hostPort` defaults to `containerPort`) so the scheduler can avoid clashes. The Pod can reach services bound to the node's `localhost` and sniff node traffic with enough privileges, NetworkPolicy behaviour for it is undefined (usually not enforced), and the default `ClusterFirst` DNS policy silently falls back to the node's resolver: set `dnsPolicy: ClusterFirstWithHostNet` to keep cluster DNS.",
    instead: "Reserve it for node agents that really need the host network (CNI plugins, kube-proxy, node monitoring DaemonSets); ordinary apps should use a Service, or `hostPort` for a single port. The Baseline Pod Security Standard forbids it.",
    links: [POD_SECURITY, DNS_POLICY],
  },
  'PodSpec.hostIPC': {
    what: "Joins the node's IPC namespace instead of the Pod's own: all containers of the Pod share System V shared memory segments, semaphores and POSIX message queues with every process on the node (normally IPC is shared only among the Pod's containers).",
    trap: "Any process in the Pod can list (`ipcs`), read, modify or remove shared memory used by other workloads and by the node itself, which can leak data or crash them. It is almost never needed by applications, and the Baseline Pod Security Standard forbids it.",
    instead: "Leave it off; containers that must exchange shared memory can already do so inside one Pod, or through an `emptyDir` with `medium: Memory`.",
    links: [POD_SECURITY],
  },
  'PodSpec.hostPID': {
    what: "Joins the node's PID namespace: all containers of the Pod see every process on the node (and in every other Pod) and, with enough privileges, can signal them, read their `/proc/<pid>/environ` and reach their filesystems.",
    trap: "This is one of the classic container-escape paths: combined with root or `privileged`, a container can `kill` node daemons or `nsenter` into the host. It cannot be combined with `shareProcessNamespace`, and the Baseline Pod Security Standard forbids it.",
    instead: "Use it only for node-level agents such as monitoring or security DaemonSets that must observe host processes; to see the processes of your own Pod, use `shareProcessNamespace` instead.",
    links: [POD_SECURITY, SHARE_PID_TASK],
  },
  'PodSpec.dnsPolicy': {
    what: "Chooses the machine's resolver: `ClusterFirst` (the default) uses cluster DNS, `Default` inherits the node's resolver configuration, `ClusterFirstWithHostNet` uses cluster DNS even for `hostNetwork` Pods, and `None` takes everything from `dnsConfig`.",
    trap: "`Default` is not the default. With `hostNetwork: true`, `ClusterFirst` quietly behaves like `Default`, so Service names stop resolving unless you set `ClusterFirstWithHostNet`; `None` is rejected unless `dnsConfig` lists at least one nameserver.",
    instead: "Leave it unset for normal Pods; use `ClusterFirstWithHostNet` for host-network Pods that need Service names, and `dnsConfig` for extra search domains or options.",
    links: [DNS_POLICY],
  },

  // ---------------------------------------------------------------- lifecycle hooks
  'Container.lifecycle': {
    what: "Hooks the kubelet runs at two moments in this program's life: `postStart` right after the container is created and `preStop` just before it is stopped. The seed example uses `postStart` to write `/usr/share/message` via `/bin/sh -c` and `preStop` to run `nginx -s quit` for a graceful shutdown.",
    trap: "The two hooks behave differently: `postStart` runs alongside the ENTRYPOINT with no ordering guarantee, while `preStop` blocks the stop signal until it finishes. Hooks are delivered at least once, so they may run twice, and their output is not in `kubectl logs`; failures appear only as `FailedPostStartHook` or `FailedPreStopHook` events.",
    instead: "Keep hooks short and idempotent, and read `kubectl describe pod` events when one seems not to run.",
    links: [HOOKS, `${K8S}/tasks/configure-pod-container/attach-handler-lifecycle-event/`],
  },
  'Lifecycle.postStart': {
    what: "Runs immediately after the container is created, at the same time as the image's ENTRYPOINT. The container is not reported as `Running` until the hook has completed.",
    trap: "It is not ordered after the ENTRYPOINT: there is no guarantee the main process has started, let alone finished initialising, when the hook runs, so it must not rely on the app being up. If the hook fails, the kubelet kills the container and restarts it according to `restartPolicy`, which can look like a crash loop.",
    instead: "Put one-time setup that must finish first into an init container, and use a `startupProbe` to wait for the app; keep `postStart` for small side tasks such as registering with an external system.",
    links: [HOOKS, `${K8S}/concepts/workloads/pods/init-containers/`],
  },
  'Lifecycle.preStop': {
    what: "Runs before the container is stopped because of an API request (delete, rollout, scale-down, eviction) or a management event such as a failed liveness or startup probe or preemption. It is synchronous: the TERM signal is sent only after the hook finishes, which is what makes graceful shutdown like `nginx -s quit` possible.",
    trap: "It is not called when the container crashes or exits on its own. Its time counts against `terminationGracePeriodSeconds` (30 s by default): if the hook is still running when the budget runs out the kubelet grants a one-time 2-second extension and then kills the container, leaving the app almost no time to handle SIGTERM.",
    instead: "Size `terminationGracePeriodSeconds` to cover the hook plus the app's own shutdown; a short `sleep` here gives load balancers time to stop sending traffic before SIGTERM.",
    links: [HOOKS, `${POD_LIFECYCLE}#pod-termination`],
  },
  'LifecycleHandler.exec': {
    what: "Runs a command inside the container, in its namespaces and cgroups, so it uses the container's filesystem and counts against its resource limits. The command succeeds if it exits with status 0.",
    trap: "The command is executed directly, not through a shell: pipes, `&&` or `>` need an explicit `[\"/bin/sh\", \"-c\", \"...\"]`, and the binary must exist in the image (distroless images often have no shell or `sleep`). A handler must set exactly one action: `exec`, `httpGet` or `sleep`.",
    instead: "For a plain delay use the `sleep` action instead of `exec` with a sleep binary; test the command with `kubectl exec <pod> -c <container> -- <command>` first.",
    links: [HOOKS],
  },
  'LifecycleHandler.httpGet': {
    what: "The kubelet itself sends an HTTP GET from the node; without `host` it targets the Pod IP on the given `port` and `path`. Use it when the app already has a shutdown or warm-up endpoint and the image has no shell or client to call it.",
    trap: "The request comes from the kubelet on the node, not from inside the Pod, so the app must listen on the Pod IP (not only `127.0.0.1`) and NetworkPolicy or mTLS sidecars can get in the way. Setting `host` to a name outside the Pod sends the hook elsewhere, which is rarely what you want.",
    instead: "Expose a dedicated endpoint (for example `/shutdown` for `preStop`) on the container's port and leave `host` empty.",
    links: [HOOKS],
  },
  'LifecycleHandler.tcpSocket': {
    what: "Deprecated. A TCP check makes sense for probes, but it is not a supported action for lifecycle hooks; the field survives in the schema only for backward compatibility.",
    trap: "The API server does not validate it, so a manifest with a `tcpSocket` hook is accepted, yet the kubelet cannot execute it: the hook fails at run time (a failed `postStart` gets the container killed and restarted; a failed `preStop` does nothing useful and only produces an event).",
    instead: "Use `exec`, `httpGet` or `sleep` for hooks; use `tcpSocket` only inside `livenessProbe`, `readinessProbe` or `startupProbe`.",
    links: [HOOKS],
  },
  'LifecycleHandler.sleep': {
    what: "Makes the kubelet wait for `seconds` before the hook counts as done, without running anything in the container. It is typically used in `preStop` so load balancers and kube-proxy stop sending traffic before the app receives SIGTERM, even when the image has no `sleep` binary.",
    trap: "It needs a recent cluster: alpha in Kubernetes 1.29 (feature gate `PodLifecycleSleepAction`), beta and enabled by default since 1.30, GA in 1.34; an older API server rejects or drops the field. `seconds` must not exceed `terminationGracePeriodSeconds`, and `0` is accepted only since 1.33 (`PodLifecycleSleepActionAllowZero`).",
    instead: "On older clusters use `exec` with a sleep command that exists in the image; keep the sleep shorter than the grace period so the app still has time to shut down.",
    links: [HOOKS, `${K8S}/reference/command-line-tools-reference/feature-gates/`],
  },
  'SleepAction.seconds': {
    what: "How long the `sleep` hook waits, in whole seconds; the wait happens in the kubelet, not in the container.",
    trap: "The value must be no larger than the Pod's `terminationGracePeriodSeconds`, and whatever you spend here is taken from the time the app has to handle SIGTERM. Zero is rejected unless `PodLifecycleSleepActionAllowZero` is on (the default since Kubernetes 1.33).",
    instead: "A few seconds (5 to 15) is usually enough for endpoint removal to propagate; raise `terminationGracePeriodSeconds` if you need more.",
    links: [HOOKS],
  },
  'PodSpec.terminationGracePeriodSeconds': {
    what: "The machine's shutdown budget: the seconds between the moment the Pod starts terminating and the SIGKILL that ends whatever is still running (default 30). The same budget is shared by all `preStop` hooks and by the application's SIGTERM handling.",
    trap: "`preStop` time is not added on top: a 25-second hook in a 30-second budget leaves about 5 seconds for SIGTERM. `0` removes the grace entirely (no `preStop`, immediate kill, and the Pod object disappears at once like a forced delete), and `kubectl delete --grace-period` can shorten the value for one deletion.",
    instead: "Set it to preStop time plus the longest request or job drain you must finish, plus a few seconds of margin; measure how long the app really takes to stop after SIGTERM.",
    links: [`${POD_LIFECYCLE}#pod-termination`, HOOKS],
  },

  // ---------------------------------------------------------------- probes (seed point 9)
  'Container.livenessProbe': {
    what: "Answers \"is this program stuck?\". `Running` only means the process exists; a JVM can be alive while deadlocked, out of threads or stuck in full GC. When the probe fails `failureThreshold` times in a row (default 3, every `periodSeconds`, default 10), the kubelet kills the container and restarts it per `restartPolicy`.",
    trap: "Never check dependencies (database, downstream APIs) in liveness: when the dependency goes down every replica is restarted at once, which makes the outage worse. An aggressive timeout (default `timeoutSeconds: 1`) or a missing `startupProbe` also kills slow-starting or GC-pausing apps in a loop.",
    instead: "Probe a cheap endpoint that checks only the process itself, add a `startupProbe` for slow starts, and use `readinessProbe` for \"cannot serve right now\".",
    links: [PROBES_TASK, `${POD_LIFECYCLE}#container-probes`],
  },
  'Container.readinessProbe': {
    what: "Answers \"should this program get traffic now?\". While it fails, the container is not ready, the Pod's Ready condition is false and its IP is removed from the endpoints of every matching Service; nothing is restarted, and the probe keeps running for the container's whole life.",
    trap: "Without a readiness probe a container counts as ready as soon as it is running, so a JVM that is still warming up, or has exhausted its thread pool, receives traffic. If every replica checks the same shared dependency, one outage takes all of them out of the Service at once.",
    instead: "Check that this instance can serve (warm caches, free workers, required backends); keep liveness simpler than readiness.",
    links: [PROBES_TASK, `${POD_LIFECYCLE}#container-probes`],
  },
  'Container.startupProbe': {
    what: "Answers \"has this program finished starting?\". Until it succeeds, the liveness and readiness probes are not run; if it never succeeds within `failureThreshold` x `periodSeconds`, the container is killed and restarted.",
    trap: "Without it, a slow-starting app (a large JVM, a cache warm-up, a migration) needs a long `initialDelaySeconds` on the liveness probe, which also delays detection of real hangs later; with it, set the window generously or the app is killed before it ever comes up.",
    instead: "Reuse the liveness endpoint with e.g. `periodSeconds: 10` and `failureThreshold: 30` (up to 5 minutes to start), and keep the liveness probe tight.",
    links: [PROBES_TASK],
  },

  // ---------------------------------------------------------------- Pod status (kubectl get -o yaml)
  'PodStatus.phase': {
    what: "A one-word summary of where the Pod is in its life: `Pending`, `Running`, `Succeeded`, `Failed` or `Unknown`. It says little about health: the details are in `conditions` and in each `containerStatuses` entry.",
    trap: "The STATUS column of `kubectl get pods` is not the phase: values such as `CrashLoopBackOff`, `ImagePullBackOff`, `Terminating` or `Completed` are computed by kubectl from container states, and a crash-looping Pod usually has phase `Running`.",
    instead: "Read `status.conditions` (especially `Ready`) and `containerStatuses[].state`, `lastState` and `restartCount`; `kubectl describe pod` shows them together with the events.",
    links: [`${POD_LIFECYCLE}#pod-phase`, DEBUG_PODS],
  },
  'PodStatus.phase=Pending': {
    what: "The Pod was accepted but at least one container has not started yet: it may be waiting for a node, for images to download, for volumes to attach, or for init containers to finish.",
    trap: "`Pending` for a long time is never normal. A missing `spec.nodeName` means the scheduler found no node (look for `FailedScheduling`: insufficient CPU or memory, untolerated taints, affinity, unbound PersistentVolumeClaim); a set `nodeName` points to image pulls, volume mounts or init containers.",
    instead: "Run `kubectl describe pod <pod>` and read the Events at the bottom, then the `waiting.reason` of each container.",
    links: [`${POD_LIFECYCLE}#pod-phase`, DEBUG_PODS],
  },
  'PodStatus.phase=Running': {
    what: "The Pod is bound to a node, all its containers have been created, and at least one is running or being restarted. In the machine picture, the server is powered on; nothing more.",
    trap: "`Running` does not mean serving: the app may be deadlocked, out of threads, stuck in GC or cut off from a dependency, and a container in `CrashLoopBackOff` still leaves the Pod `Running`. Check the READY column (`0/1`) and the restart count.",
    instead: "Look at the `Ready` condition and `containerStatuses[].ready` and `restartCount`; add liveness and readiness probes so Kubernetes can tell a running process from a working service.",
    links: [`${POD_LIFECYCLE}#pod-phase`, PROBES_TASK],
  },
  'PodStatus.phase=Succeeded': {
    what: "Every container exited with code 0 and none will be restarted: the normal end of a Job or a one-off task.",
    trap: "A long-running service never reaches it: with `restartPolicy: Always` (the default, and the only option in a Deployment) a container that exits 0 is restarted, and the Pod shows `Completed` and then `CrashLoopBackOff` instead.",
    instead: "For a task that should run once use a Job with `restartPolicy: OnFailure` or `Never`; for a server, find out why the main process exits with `kubectl logs --previous`.",
    links: [`${POD_LIFECYCLE}#pod-phase`, `${POD_LIFECYCLE}#restart-policy`],
  },
  'PodStatus.phase=Failed': {
    what: "All containers have terminated and at least one failed (non-zero exit or killed by the system), and nothing will restart them. The Pod is also set to `Failed` when the kubelet refuses to run it (`OutOfcpu`, `NodeAffinity`), when it is evicted, or when `activeDeadlineSeconds` runs out.",
    trap: "With the default `restartPolicy: Always` a crashing container is restarted instead, so `Failed` usually comes from a Job, a bare Pod with `Never`/`OnFailure`, or from the node rather than from your code. Since Kubernetes 1.27 deleted Pods also pass through a terminal phase before they disappear.",
    instead: "Read `status.reason` and `status.message` first (for example `Evicted`), then each container's `state.terminated.reason` and `exitCode`, and `kubectl logs <pod> -c <container>`.",
    links: [`${POD_LIFECYCLE}#pod-phase`, TERMINATION_REASON],
  },
  'PodStatus.phase=Unknown': {
    what: "An abnormal state: the Pod's real state could not be obtained because the kubelet on its node could not keep reporting to the API server, typically a broken link between node and control plane (node down, network partition, kubelet stopped).",
    trap: "The Pod may still be running on that node even though the API cannot see it; deleting it or starting a replacement elsewhere can leave two copies alive, which matters for StatefulSets and anything holding a lock or volume.",
    instead: "Check the node with `kubectl get nodes` and `kubectl describe node <node>` (Ready condition, `node.kubernetes.io/unreachable` taint), then fix the kubelet or network; force-delete only when you know the node is really gone.",
    upstreamDiffers: "The upstream API enum marks `Unknown` as deprecated and says it has not been set since 2015: when a node stops reporting, the control plane marks its Pods not ready and taints the node instead, and `status.phase` keeps its last reported value. `kubectl get pods` can still print `Unknown` in its STATUS column, because kubectl computes that column and shows `Unknown` for a Pod that is being deleted and whose `status.reason` is `NodeLost` (set when Pods are evicted from an unreachable node); on current clusters such Pods more often show `Terminating`. The seed describes what users may see in kubectl output, not what the YAML field normally contains.",
    links: [`${POD_LIFECYCLE}#pod-phase`, `${K8S}/reference/node/node-status/#condition`, `${K8S}/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions`],
  },

  // ---------------------------------------------------------------- container status
  'ContainerStatus.ready': {
    what: "Whether this container currently passes its readiness probe (or, without one, has started and is running). The Pod is Ready, and in the Service endpoints, only when every container is ready.",
    trap: "`state: running` with `ready: false` means the process is up but not serving: the Pod receives no Service traffic. This is the seed's \"Running but stopped serving\" case, visible as `0/1` in the READY column.",
    instead: "Check the readiness probe's events (`Readiness probe failed`) in `kubectl describe pod`, and call the probe endpoint yourself with `kubectl exec` or `kubectl port-forward`.",
    links: [`${POD_LIFECYCLE}#container-probes`, PROBES_TASK],
  },
  'ContainerStatus.restartCount': {
    what: "How many times the kubelet has restarted this container inside this Pod, whether after a crash, an OOM kill or a failed liveness probe.",
    trap: "A climbing count is a crash loop even when the phase is `Running` and the container happens to be up at the moment you look. It resets only when the Pod is replaced, not when the app recovers.",
    instead: "Look at `lastState.terminated` (`reason`, `exitCode`, `finishedAt`) and at the logs of the previous run with `kubectl logs <pod> -c <container> --previous`.",
    links: [`${POD_LIFECYCLE}#container-restarts`, DEBUG_PODS],
  },
  'ContainerStatus.lastState': {
    what: "How the previous run of this container ended: usually a `terminated` block with `reason`, `exitCode`, `signal`, `startedAt` and `finishedAt`. Empty if the container has never restarted.",
    trap: "It keeps only the last termination, and the current logs belong to the new run: the error that killed the container is in the previous run's logs, not in `kubectl logs`.",
    instead: "Read `lastState.terminated.reason` and `exitCode` (e.g. `OOMKilled`/137) and run `kubectl logs <pod> -c <container> --previous`.",
    links: [`${POD_LIFECYCLE}#container-states`, TERMINATION_REASON],
  },
  'ContainerStateWaiting.reason': {
    what: "Why this container is not running yet: a short CamelCase code such as `ContainerCreating`, `PodInitializing`, `ErrImagePull`, `ImagePullBackOff`, `CreateContainerConfigError` or `CrashLoopBackOff`; `message` holds the details.",
    trap: "`ContainerCreating` that lasts minutes is itself a symptom (volume mount, missing Secret or ConfigMap volume, CNI or sandbox trouble), and the real error is only in the events.",
    instead: "Read `message` next to it and the Events of `kubectl describe pod <pod>`.",
    links: [`${POD_LIFECYCLE}#container-state-waiting`, DEBUG_PODS],
  },
  'ContainerStateWaiting.reason=CrashLoopBackOff': {
    what: "The container keeps exiting and the kubelet is waiting before the next restart. The delay doubles from 10 seconds up to a cap of 5 minutes and resets after the container has run for 10 minutes without trouble.",
    trap: "`CrashLoopBackOff` is the symptom, not the cause: the app exits by itself (bad config, missing env var, exception at start-up), is OOM-killed, or is killed by a failing liveness or startup probe. A server that exits with code 0 also loops, because `restartPolicy: Always` restarts it.",
    instead: "Read `lastState.terminated.reason` and `exitCode`, then `kubectl logs <pod> -c <container> --previous`; if the logs are empty, check probe events and the command/args in `kubectl describe pod`.",
    links: [`${POD_LIFECYCLE}#container-restarts`, DEBUG_PODS],
  },
  'ContainerStateWaiting.reason=ImagePullBackOff': {
    what: "Pulling the image has failed and the kubelet is now backing off (up to 5 minutes) before it tries again.",
    trap: "The cause is almost always in the first error (`ErrImagePull`) shown in the events: a wrong image name or tag, a private registry without credentials, a registry rate limit, or no image for the node's CPU architecture.",
    instead: "Check the `Failed to pull image` event in `kubectl describe pod`, verify the reference with `docker pull`/`crane manifest`, and add `imagePullSecrets` (or attach them to the ServiceAccount) for private registries.",
    links: [`${K8S}/concepts/containers/images/#imagepullbackoff`, `${K8S}/concepts/containers/images/#specifying-imagepullsecrets-on-a-pod`],
  },
  'ContainerStateWaiting.reason=ErrImagePull': {
    what: "The latest attempt to pull the image failed; after repeated failures the reason turns into `ImagePullBackOff`.",
    trap: "The message tells you which case it is: `not found` or `manifest unknown` (name or tag), `unauthorized` or `denied` (credentials), `toomanyrequests` (rate limit), `no match for platform` (architecture), or a timeout (network or proxy from the node).",
    instead: "Fix the image reference or `imagePullSecrets` (a Secret of type `kubernetes.io/dockerconfigjson` in the Pod's namespace); pin images by tag or digest rather than `latest`.",
    links: [`${K8S}/concepts/containers/images/`, `${K8S}/tasks/configure-pod-container/pull-image-private-registry/`],
  },
  'ContainerStateWaiting.reason=CreateContainerConfigError': {
    what: "The kubelet could not build the container's configuration, so the container was never created. The usual cause is a ConfigMap or Secret (or one of its keys) referenced from `env` or `envFrom` that does not exist in the Pod's namespace.",
    trap: "The kubelet keeps retrying instead of failing, so the Pod waits until the object appears (and then starts by itself). Another common cause is `runAsNonRoot: true` with an image whose user is root (or a non-numeric user).",
    instead: "Read the message (e.g. `configmap \"app-config\" not found` or `couldn't find key`), create the object or key in the same namespace, or mark the reference `optional: true`.",
    links: [`${K8S}/concepts/configuration/configmap/`, `${K8S}/concepts/configuration/secret/`],
  },
  'ContainerStateTerminated.reason': {
    what: "Why a run of this container ended: `Completed` (exit 0), `Error` (non-zero exit), `OOMKilled` (memory limit), `ContainerCannotRun` or `StartError` (could not start), among others; it comes with `exitCode` and the start and finish times.",
    trap: "`Error` only says the exit code was not 0; the meaning is in `exitCode`, `signal`, `message` and the logs of that run.",
    instead: "Combine it with `exitCode` and run `kubectl logs <pod> -c <container> --previous`.",
    links: [`${POD_LIFECYCLE}#container-state-terminated`, TERMINATION_REASON],
  },
  'ContainerStateTerminated.reason=OOMKilled': {
    what: "The kernel's OOM killer stopped the container because it used more memory than its `resources.limits.memory` (or, less often, because the whole node ran out of memory). The exit code is 137 (SIGKILL).",
    trap: "For a JVM the heap is only part of it: metaspace, thread stacks, direct buffers and the JIT add to the total, so `-Xmx` equal to the limit almost certainly gets killed. Raising the limit without knowing the real footprint only delays the next kill.",
    instead: "Measure actual usage (`kubectl top pod`, metrics), set the limit above the peak, and size the JVM from the container with `-XX:MaxRAMPercentage=75` rather than a fixed `-Xmx`.",
    links: [`${K8S}/tasks/configure-pod-container/assign-memory-resource/#exceed-a-container-s-memory-limit`, `${K8S}/concepts/configuration/manage-resources-containers/`],
  },
  'ContainerStateTerminated.reason=Error': {
    what: "The container's main process exited with a non-zero code that has no more specific reason; `exitCode` tells you how.",
    trap: "`Error` with 137 or 143 is often not an application bug: it is Kubernetes stopping the container (a failed liveness probe, a deletion, or a grace period that ran out).",
    instead: "Read `exitCode` and `kubectl logs --previous`, and look for `Liveness probe failed` or `Killing` events in `kubectl describe pod`.",
    links: [TERMINATION_REASON, DEBUG_PODS],
  },
  'ContainerStateTerminated.reason=Completed': {
    what: "The process exited with code 0: the program ended normally. For a Job or an init container this is success.",
    trap: "In a Deployment it is a bug: the main process returned (for example it started a daemon in the background and exited, or the command was just a shell) and `restartPolicy: Always` restarts it, leading to `CrashLoopBackOff` with reason `Completed`.",
    instead: "Make the main process run in the foreground (e.g. `nginx -g 'daemon off;'`), or move the task into a Job.",
    links: [`${POD_LIFECYCLE}#restart-policy`, `${K8S}/concepts/workloads/controllers/job/`],
  },
  'ContainerStateTerminated.exitCode': {
    what: "The exit status of that run. Values above 128 mean the process died from signal (code - 128): 137 is SIGKILL (OOM kill, or the grace period ran out), 143 is SIGTERM (asked to stop and did not handle it), 139 is SIGSEGV; 1 is a generic application error, and 126/127 come from a shell that could not execute or find a command.",
    trap: "137 with `reason: OOMKilled` is a memory problem; 137 with `reason: Error` usually means the kubelet had to SIGKILL after `terminationGracePeriodSeconds`. A process running as PID 1 is not killed by SIGTERM unless it installs a handler, and shell wrappers do not pass the signal on, so such containers always end with 137 after the full grace period.",
    instead: "Use `exec` in wrapper scripts (or a tiny init such as `tini`) so the app receives SIGTERM, and read the previous logs with `kubectl logs --previous`.",
    links: [TERMINATION_REASON, `${POD_LIFECYCLE}#pod-termination`],
  },
};
