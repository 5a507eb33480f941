import type { KnowledgeTable } from './types';

/**
 * PodSense 自有说明，简体中文。键与链接必须与 en.ts 保持一致。
 * 内容依据种子笔记（shared/seed）撰写，并对照 kubernetes.io 核实；键的格式见 types.ts。
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

export const zhCn: KnowledgeTable = {
  // ---------------------------------------------------------------- Pod 即“机器”
  'PodSpec': {
    what: '可以把 Pod 的 spec 理解成一台“机器”的配置，而不是某个程序：网络相关字段是它的网卡，`volumes` 是它的磁盘，`securityContext` 是它的防火墙和权限，调度相关字段决定它跑在哪台物理服务器上；`containers` 才是装在这台机器上的程序。凡是和 Linux namespace 打交道的配置都在 Pod 这一级：Pod 的设计就是让里面的容器尽可能多地共享 namespace（网络、IPC、UTS 始终共享，PID 可选共享），只保留必要的隔离。',
    trap: 'Pod 不是可以迁移的虚拟机：它一旦绑定到某个节点就终生留在那里，出问题时是被“替换”（新名字、新 IP），而不是被“搬走”。创建之后，spec 的大部分字段也不能再改。',
    instead: '把这台“机器”写成 Deployment、StatefulSet、DaemonSet 或 Job 里的 Pod 模板，由控制器负责替换 Pod；可以用 `kubectl explain pod.spec` 查看各个字段。',
    links: [`${K8S}/concepts/workloads/pods/`, POD_LIFECYCLE],
  },

  // ---------------------------------------------------------------- 调度
  'PodSpec.nodeName': {
    what: '这台机器所在的物理服务器。一旦设置，Pod 就被视为已经绑定到该节点：调度器不再管它，由该节点上的 kubelet 直接尝试把它跑起来。正常情况下这个字段是调度器绑定时自己填上的，所以在 `kubectl get pod -o yaml` 的输出里总能看到它。',
    trap: '手动设置就等于绕过调度器：资源是否够用、`NoSchedule` 污点、亲和性、拓扑分布，统统没人检查。kubelet 只会复核少数几项（资源、hostPort、nodeSelector 与节点亲和性、`NoExecute` 污点），不满足就直接把 Pod 置为终态 `Failed`，原因类似 `OutOfcpu`、`OutOfmemory`；如果节点根本不存在，Pod 永远起不来，还可能被自动删除。',
    instead: '只在调试时使用。想把 Pod 固定到某个节点、又不想绕过调度器，请用带 `kubernetes.io/hostname` 标签的 `nodeSelector`，或者 required 级别的节点亲和性。',
    links: [`${K8S}/concepts/scheduling-eviction/assign-pod-node/#nodename`, `${K8S}/concepts/scheduling-eviction/taint-and-toleration/`],
  },

  // ---------------------------------------------------------------- 网络：/etc/hosts
  'PodSpec.hostAliases': {
    what: '给这台机器的 hosts 文件追加几行。kubelet 会把每个条目写进 Pod 的 `/etc/hosts`，放在默认内容之后、`# Entries added by HostAliases.` 注释下面，于是 Pod 内所有容器对这些名字的解析结果都一致；种子笔记的例子把 `foo.remote` 和 `bar.remote` 解析到 `10.1.2.3`。',
    trap: '`/etc/hosts` 由 kubelet 管理：在容器里（或用 init 容器）手工改的内容，容器一重建就没了。`nslookup`、`dig` 直接查 DNS，根本不读 `/etc/hosts`，所以用它们看不到这些条目，验证时请用 `getent hosts foo.remote`。',
    instead: '`hostAliases` 适合少量只对本 Pod 生效的覆盖；整个集群都要用的域名应该交给 DNS（Service、`ExternalName` 类型的 Service，或 CoreDNS 的 `hosts` 配置）。',
    upstreamDiffers: '一些老笔记和 Kubernetes 1.7 的文档说 `hostNetwork: true` 的 Pod 不能用 hostAliases（1.7 会直接拒绝这种组合）。从 Kubernetes 1.8 起已经支持：对使用主机网络的 Pod，kubelet 会复制节点的 `/etc/hosts` 再把这些别名追加进去；当前上游的字段说明也没有任何针对 `hostNetwork` 的例外。',
    links: [HOSTS_TASK],
  },
  'HostAlias.ip': {
    what: 'hosts 文件中一行的地址部分：`hostnames` 里的每个名字都会写在这个 IP 后面。必填。',
    trap: '必须是字面的 IPv4 或 IPv6 地址，例如 `10.1.2.3` 或 `fd00::10`；填主机名、CIDR 或 `ip:port` 都会被 API server 拒绝。条目是静态的，目标地址变了，已有 Pod 仍然用旧地址，直到被重建。',
    instead: '指向不会变的地址（VIP 或固定的服务器）；会变的目标请通过 DNS 解析。',
    links: [HOSTS_TASK],
  },
  'HostAlias.hostnames': {
    what: '在 Pod 内要解析到本条目 `ip` 的域名；kubelet 把它们和 IP 写在同一行，比如 `10.1.2.3 foo.remote bar.remote`。',
    trap: '每个名字都必须是合法的小写 DNS 名称（RFC 1123 子域名）：不能有大写、下划线、结尾的点、端口或 `http://` 前缀。同一个名字写在两个 IP 下不会报错，但解析器通常只取第一个匹配，第二条会被悄悄忽略。',
    instead: '一个名字只对应一个 IP，写完用 `kubectl exec <pod> -- cat /etc/hosts` 确认结果。',
    links: [HOSTS_TASK],
  },

  // ---------------------------------------------------------------- namespace
  'PodSpec.shareProcessNamespace': {
    what: '让 Pod 内所有容器共用一个 PID namespace，就像同一台机器上的多个程序：任何容器都能用 `ps` 看到其他容器的进程，也能用 `kill` 给它们发信号。种子笔记的例子（nginx 加一个开了 `stdin` 和 `tty` 的 busybox shell）里，在 shell 容器中执行 `ps`，能看到 PID 1 是 `/pause`，后面是 nginx 的 master、worker 进程和几个 sh。',
    trap: '基础设施容器的 `pause` 进程成了 PID 1，你的应用就不再是 PID 1：依赖 PID 1 的镜像（systemd、执行 `kill -HUP 1` 的脚本）会出问题，僵尸进程也改由 `pause` 回收。其他容器还能读到你的 `/proc` 信息（命令行参数、环境变量），并通过 `/proc/<pid>/root` 访问你的文件系统，只靠普通的 Unix 权限保护；另外它不能和 `hostPID` 同时使用。',
    instead: '适用于紧密配合的辅助容器或调试用 sidecar；临时排查更推荐 `kubectl debug -it <pod> --image=busybox --target=<container>`，它以临时容器的方式加入，不用改 Pod 的 spec。',
    links: [SHARE_PID_TASK, DEBUG_RUNNING],
  },
  'PodSpec.hostNetwork': {
    what: '把这台机器自己的网卡换成节点的网卡：Pod 的所有容器都加入宿主机的网络 namespace，与节点上的所有进程共享，Pod IP 就是节点 IP，监听的端口直接开在节点的网卡上。',
    trap: '监听同一端口的两个副本不能跑在同一个节点上；要把端口声明出来（使用 `hostNetwork` 时 `hostPort` 默认等于 `containerPort`），调度器才能避开冲突。Pod 可以访问只绑定在节点 `localhost` 上的服务，权限够的话还能抓节点上的流量，NetworkPolicy 对它的行为也没有定义（通常不生效）；默认的 `ClusterFirst` DNS 策略会悄悄退化成使用节点的解析配置，要继续用集群 DNS 必须设置 `dnsPolicy: ClusterFirstWithHostNet`。',
    instead: '只留给确实需要主机网络的节点级组件（CNI 插件、kube-proxy、节点监控类 DaemonSet）；普通应用请用 Service，只暴露单个端口可以用 `hostPort`。Baseline 级别的 Pod 安全标准禁止该字段。',
    links: [POD_SECURITY, DNS_POLICY],
  },
  'PodSpec.hostIPC': {
    what: '不用 Pod 自己的 IPC namespace，而是加入节点的：Pod 的所有容器与节点上的所有进程共享 System V 共享内存、信号量以及 POSIX 消息队列（正常情况下 IPC 只在 Pod 内的容器之间共享）。',
    trap: 'Pod 里的任何进程都能列出（`ipcs`）、读取、修改甚至删除其他工作负载和节点自身在用的共享内存，可能导致数据泄露或把别人搞崩。应用几乎从不需要它，Baseline 级别的 Pod 安全标准也禁止它。',
    instead: '保持关闭即可；容器之间需要共享内存时，同一个 Pod 内本来就能共享，也可以用 `medium: Memory` 的 `emptyDir`。',
    links: [POD_SECURITY],
  },
  'PodSpec.hostPID': {
    what: '加入节点的 PID namespace：Pod 的所有容器都能看到节点上（包括其他 Pod 里）的所有进程，权限足够时还能给它们发信号、读取它们的 `/proc/<pid>/environ`、访问它们的文件系统。',
    trap: '这是经典的容器逃逸路径之一：再配上 root 或 `privileged`，容器就能 `kill` 掉节点上的守护进程，或者用 `nsenter` 进入宿主机。它不能和 `shareProcessNamespace` 同时使用，Baseline 级别的 Pod 安全标准也禁止它。',
    instead: '只用于确实要观察宿主机进程的节点级组件，比如监控或安全类 DaemonSet；只是想看本 Pod 内的进程，请用 `shareProcessNamespace`。',
    links: [POD_SECURITY, SHARE_PID_TASK],
  },
  'PodSpec.dnsPolicy': {
    what: '决定这台机器用哪个 DNS：`ClusterFirst`（默认）走集群 DNS，`Default` 继承节点的解析配置，`ClusterFirstWithHostNet` 让 `hostNetwork` 的 Pod 也走集群 DNS，`None` 则完全由 `dnsConfig` 指定。',
    trap: '`Default` 并不是默认值。`hostNetwork: true` 时，`ClusterFirst` 会悄悄按 `Default` 处理，Service 名字就解析不了，除非改成 `ClusterFirstWithHostNet`；`None` 必须配上至少一个 nameserver 的 `dnsConfig`，否则会被拒绝。',
    instead: '普通 Pod 不用设置；需要解析 Service 名称的主机网络 Pod 用 `ClusterFirstWithHostNet`；额外的搜索域或解析选项放到 `dnsConfig` 里。',
    links: [DNS_POLICY],
  },

  // ---------------------------------------------------------------- 生命周期钩子
  'Container.lifecycle': {
    what: 'kubelet 在这个程序生命中的两个时间点执行的钩子：`postStart` 在容器创建后立即执行，`preStop` 在容器停止前执行。种子笔记的例子里，`postStart` 用 `/bin/sh -c` 写入 `/usr/share/message`，`preStop` 执行 `nginx -s quit` 实现优雅退出。',
    trap: '两个钩子的行为不一样：`postStart` 与 ENTRYPOINT 同时执行，不保证先后顺序；`preStop` 则会阻塞停止信号，直到它执行完。钩子“至少投递一次”，可能被执行两次；它们的输出也不在 `kubectl logs` 里，失败时只会留下 `FailedPostStartHook` 或 `FailedPreStopHook` 事件。',
    instead: '钩子要短小、可重复执行；怀疑钩子没生效时，去看 `kubectl describe pod` 里的事件。',
    links: [HOOKS, `${K8S}/tasks/configure-pod-container/attach-handler-lifecycle-event/`],
  },
  'Lifecycle.postStart': {
    what: '容器创建后立即执行，和镜像的 ENTRYPOINT 同时启动。在钩子执行完之前，容器不会被标记为 `Running`。',
    trap: '它并不排在 ENTRYPOINT 之后：钩子运行时主进程可能还没启动，更谈不上初始化完成，所以不能假设应用已经就绪。钩子失败时，kubelet 会杀掉容器并按 `restartPolicy` 重启，看起来就像 CrashLoop。',
    instead: '必须先完成的一次性准备工作放到 init 容器里，等待应用就绪用 `startupProbe`；`postStart` 只用来做些小的附带任务，比如向外部系统注册。',
    links: [HOOKS, `${K8S}/concepts/workloads/pods/init-containers/`],
  },
  'Lifecycle.preStop': {
    what: '容器因为 API 请求（删除、滚动更新、缩容、驱逐）或管理事件（存活探针、启动探针失败，抢占等）而被停止之前执行。它是同步的：钩子执行完，kubelet 才会发送 TERM 信号，像 `nginx -s quit` 这样的优雅退出正是靠这一点实现的。',
    trap: '容器自己崩溃或退出时不会调用它。它的耗时计入 `terminationGracePeriodSeconds`（默认 30 秒）：时间用完钩子还在跑，kubelet 会一次性额外给 2 秒，然后杀掉容器，留给应用处理 SIGTERM 的时间几乎为零。',
    instead: '把 `terminationGracePeriodSeconds` 设成“钩子耗时 + 应用自身退出耗时”；在这里先 `sleep` 几秒，可以让负载均衡在 SIGTERM 之前停止转发流量。',
    links: [HOOKS, `${POD_LIFECYCLE}#pod-termination`],
  },
  'LifecycleHandler.exec': {
    what: '在容器内部执行一条命令，运行在容器的 namespace 和 cgroup 里，使用容器的文件系统，资源消耗也计入容器的限额。命令退出码为 0 即视为成功。',
    trap: '命令是直接执行的，不经过 shell：要用管道、`&&` 或 `>`，必须显式写成 `["/bin/sh", "-c", "..."]`，而且二进制文件必须存在于镜像中（distroless 镜像往往没有 shell，也没有 `sleep`）。一个处理器只能设置一种动作：`exec`、`httpGet` 或 `sleep`。',
    instead: '只是想等待几秒，用 `sleep` 动作，不要用 `exec` 去调 sleep 命令；命令先用 `kubectl exec <pod> -c <container> -- <命令>` 试一遍。',
    links: [HOOKS],
  },
  'LifecycleHandler.httpGet': {
    what: '由 kubelet 自己从节点上发出 HTTP GET；不填 `host` 时，请求发往 Pod IP 上指定的 `port` 和 `path`。适合应用已经提供关停或预热接口、而镜像里又没有 shell 或客户端去调用的情况。',
    trap: '请求来自节点上的 kubelet，而不是 Pod 内部，所以应用必须监听在 Pod IP 上（不能只监听 `127.0.0.1`），NetworkPolicy 或 mTLS sidecar 也可能挡住它。把 `host` 设成 Pod 之外的名字，钩子就会打到别处，这通常不是你想要的。',
    instead: '在容器端口上提供专门的接口（比如给 `preStop` 用的 `/shutdown`），`host` 留空。',
    links: [HOOKS],
  },
  'LifecycleHandler.tcpSocket': {
    what: '已废弃。TCP 检查对探针有意义，但不是生命周期钩子支持的动作；这个字段留在 schema 里只是为了向后兼容。',
    trap: 'API server 不校验它，所以带 `tcpSocket` 钩子的清单能被接受，可 kubelet 根本无法执行：钩子会在运行时失败（`postStart` 失败会导致容器被杀掉并重启；`preStop` 失败起不到任何作用，只留下一条事件）。',
    instead: '钩子请用 `exec`、`httpGet` 或 `sleep`；`tcpSocket` 只在 `livenessProbe`、`readinessProbe`、`startupProbe` 里使用。',
    links: [HOOKS],
  },
  'LifecycleHandler.sleep': {
    what: '让 kubelet 等待 `seconds` 秒后再认为钩子完成，不在容器里执行任何东西。常用于 `preStop`：在应用收到 SIGTERM 之前，先给负载均衡和 kube-proxy 留出摘除流量的时间，即使镜像里没有 `sleep` 命令也能用。',
    trap: '需要较新的集群：Kubernetes 1.29 引入为 Alpha（特性门控 `PodLifecycleSleepAction`），1.30 起为 Beta 并默认开启，1.34 正式 GA；更老的 API server 会拒绝或丢弃这个字段。`seconds` 不能超过 `terminationGracePeriodSeconds`，设为 `0` 要到 1.33 才默认允许（`PodLifecycleSleepActionAllowZero`）。',
    instead: '老版本集群上改用 `exec` 调用镜像里现成的 sleep 命令；睡眠时间要比宽限期短，给应用留出退出的时间。',
    links: [HOOKS, `${K8S}/reference/command-line-tools-reference/feature-gates/`],
  },
  'SleepAction.seconds': {
    what: '`sleep` 钩子等待的秒数（整数）；等待发生在 kubelet 里，而不是容器里。',
    trap: '这个值不能大于 Pod 的 `terminationGracePeriodSeconds`，而且这里花掉的每一秒，都是从应用处理 SIGTERM 的时间里扣的。值为 0 时，除非开启 `PodLifecycleSleepActionAllowZero`（Kubernetes 1.33 起默认开启），否则会被拒绝。',
    instead: '一般 5 到 15 秒就足够让端点摘除传播开；需要更久就相应调大 `terminationGracePeriodSeconds`。',
    links: [HOOKS],
  },
  'PodSpec.terminationGracePeriodSeconds': {
    what: '这台机器的关机预算：从 Pod 开始终止到用 SIGKILL 结束残余进程之间的秒数（默认 30）。所有 `preStop` 钩子和应用处理 SIGTERM 共用这一个预算。',
    trap: '`preStop` 的时间不是额外加上去的：30 秒的预算里钩子用掉 25 秒，留给 SIGTERM 的就只剩 5 秒左右。设为 `0` 就完全没有宽限（跳过 `preStop`、立即杀掉，Pod 对象也会像强制删除那样立刻消失）；`kubectl delete --grace-period` 可以在单次删除时缩短它。',
    instead: '按“preStop 耗时 + 需要处理完的最长请求或任务 + 几秒余量”来设置；实际测一下应用收到 SIGTERM 后要多久才能退出。',
    links: [`${POD_LIFECYCLE}#pod-termination`, HOOKS],
  },

  // ---------------------------------------------------------------- 探针（种子笔记第 9 点）
  'Container.livenessProbe': {
    what: '回答“这个程序是不是卡死了”。`Running` 只说明进程还在；JVM 可能进程活着，却已经死锁、线程耗尽或者卡在 Full GC 里。探针连续失败 `failureThreshold` 次（默认 3 次，每 `periodSeconds` 检查一次，默认 10 秒）后，kubelet 会杀掉容器并按 `restartPolicy` 重启。',
    trap: '存活探针千万不要检查依赖（数据库、下游接口）：依赖一挂，所有副本同时被重启，故障反而被放大。超时设得太激进（`timeoutSeconds` 默认只有 1 秒）或没有配 `startupProbe`，也会让启动慢、GC 停顿长的应用被反复杀掉。',
    instead: '探测一个只检查进程自身、开销很小的接口；启动慢就加 `startupProbe`；“暂时不能接流量”交给 `readinessProbe` 表达。',
    links: [PROBES_TASK, `${POD_LIFECYCLE}#container-probes`],
  },
  'Container.readinessProbe': {
    what: '回答“现在该不该给这个程序导流量”。探针失败期间，容器处于未就绪状态，Pod 的 Ready 条件为 false，它的 IP 会从所有匹配 Service 的端点中摘除；不会触发重启，而且探针在容器整个生命周期内一直运行。',
    trap: '没有就绪探针时，容器一运行就被当作就绪，于是还在预热、或者线程池已经耗尽的 JVM 照样会收到流量。反过来，如果所有副本都检查同一个共享依赖，这个依赖一出问题，所有副本会同时被摘出 Service。',
    instead: '检查的是“这个实例能否提供服务”（缓存已预热、还有空闲工作线程、必需的后端可用）；存活探针要比就绪探针简单。',
    links: [PROBES_TASK, `${POD_LIFECYCLE}#container-probes`],
  },
  'Container.startupProbe': {
    what: '回答“这个程序启动完了没有”。它成功之前，存活探针和就绪探针都不会执行；如果在 `failureThreshold` × `periodSeconds` 内一直没成功，容器会被杀掉并重启。',
    trap: '没有它，启动慢的应用（大型 JVM、缓存预热、数据库迁移）只能给存活探针设很长的 `initialDelaySeconds`，这又会拖慢日后对真正卡死的发现；有了它，窗口也要给足，否则应用还没起来就被杀了。',
    instead: '复用存活探针的接口，例如 `periodSeconds: 10`、`failureThreshold: 30`（最多给 5 分钟启动），存活探针本身保持严格。',
    links: [PROBES_TASK],
  },

  // ---------------------------------------------------------------- Pod 状态（kubectl get -o yaml）
  'PodStatus.phase': {
    what: '用一个词概括 Pod 处在生命周期的哪个阶段：`Pending`、`Running`、`Succeeded`、`Failed` 或 `Unknown`。它几乎不反映健康状况，细节在 `conditions` 和每个 `containerStatuses` 条目里。',
    trap: '`kubectl get pods` 的 STATUS 列并不是 phase：`CrashLoopBackOff`、`ImagePullBackOff`、`Terminating`、`Completed` 这些都是 kubectl 根据容器状态算出来的，一个在 CrashLoop 的 Pod，phase 通常还是 `Running`。',
    instead: '看 `status.conditions`（尤其是 `Ready`）以及 `containerStatuses[]` 的 `state`、`lastState`、`restartCount`；`kubectl describe pod` 会把这些连同事件一起列出来。',
    links: [`${POD_LIFECYCLE}#pod-phase`, DEBUG_PODS],
  },
  'PodStatus.phase=Pending': {
    what: 'Pod 已被系统接受，但至少有一个容器还没启动：可能在等待调度、下载镜像、挂载卷，或者等待 init 容器执行完。',
    trap: '长时间 `Pending` 一定不正常。如果 `spec.nodeName` 为空，说明调度器找不到合适的节点（看 `FailedScheduling` 事件：CPU 或内存不足、污点不容忍、亲和性不满足、PVC 未绑定）；已经有 `nodeName`，就去查镜像拉取、卷挂载或 init 容器。',
    instead: '执行 `kubectl describe pod <pod>`，先看最底部的 Events，再看各容器的 `waiting.reason`。',
    links: [`${POD_LIFECYCLE}#pod-phase`, DEBUG_PODS],
  },
  'PodStatus.phase=Running': {
    what: 'Pod 已绑定到节点，所有容器都已创建，至少有一个正在运行或正在重启。用“机器”的说法，就是服务器通上电了，仅此而已。',
    trap: '`Running` 不等于在提供服务：应用可能死锁、线程耗尽、卡在 GC 或连不上依赖；容器处于 `CrashLoopBackOff` 时，Pod 也照样是 `Running`。要看 READY 列（比如 `0/1`）和重启次数。',
    instead: '看 `Ready` 条件以及 `containerStatuses[]` 的 `ready` 和 `restartCount`；配置存活探针和就绪探针，让 Kubernetes 能分清“进程在跑”和“服务可用”。',
    links: [`${POD_LIFECYCLE}#pod-phase`, PROBES_TASK],
  },
  'PodStatus.phase=Succeeded': {
    what: '所有容器都以退出码 0 结束，且不会再被重启：这是 Job 或一次性任务的正常结局。',
    trap: '常驻服务不会走到这一步：`restartPolicy: Always`（默认值，也是 Deployment 唯一允许的值）下，退出码为 0 的容器也会被重启，Pod 会显示 `Completed`，接着变成 `CrashLoopBackOff`。',
    instead: '只跑一次的任务请用 Job，并设置 `restartPolicy: OnFailure` 或 `Never`；如果是服务，用 `kubectl logs --previous` 查明主进程为什么退出。',
    links: [`${POD_LIFECYCLE}#pod-phase`, `${POD_LIFECYCLE}#restart-policy`],
  },
  'PodStatus.phase=Failed': {
    what: '所有容器都已终止，且至少有一个是失败退出（非零退出码或被系统杀掉），也不会再被重启。kubelet 拒绝运行 Pod（`OutOfcpu`、`NodeAffinity`）、Pod 被驱逐，或者超过 `activeDeadlineSeconds` 时，Pod 也会被置为 `Failed`。',
    trap: '默认的 `restartPolicy: Always` 下，崩溃的容器会被重启而不是让 Pod 失败，所以 `Failed` 通常出现在 Job、`restartPolicy` 为 `Never`/`OnFailure` 的裸 Pod 上，或者原因出在节点而不是你的代码。从 Kubernetes 1.27 起，被删除的 Pod 在消失之前也会先进入终态阶段。',
    instead: '先看 `status.reason` 和 `status.message`（例如 `Evicted`），再看各容器 `state.terminated` 的 `reason` 和 `exitCode`，以及 `kubectl logs <pod> -c <container>`。',
    links: [`${POD_LIFECYCLE}#pod-phase`, TERMINATION_REASON],
  },
  'PodStatus.phase=Unknown': {
    what: '一种异常状态：拿不到 Pod 的真实状态，因为它所在节点上的 kubelet 没法持续向 API server 汇报，通常是节点与控制面之间的通信出了问题（节点宕机、网络分区、kubelet 停了）。',
    trap: 'API 看不到，不代表 Pod 没在跑：它可能仍在那个节点上运行，这时删掉它或在别处拉起替代者，可能出现两份实例同时存活，对 StatefulSet 或持有锁、独占卷的应用尤其危险。',
    instead: '用 `kubectl get nodes`、`kubectl describe node <node>` 检查节点（Ready 条件、`node.kubernetes.io/unreachable` 污点），再去修 kubelet 或网络；只有确认节点真的没了，才强制删除 Pod。',
    upstreamDiffers: '上游 API 的枚举说明把 `Unknown` 标为已废弃，并称自 2015 年起就不再设置：节点失联时，控制面会把其上的 Pod 标记为未就绪并给节点打污点，`status.phase` 则保留最后一次上报的值。但 `kubectl get pods` 的 STATUS 列仍可能显示 `Unknown`：这一列是 kubectl 算出来的，对于正在被删除、且 `status.reason` 为 `NodeLost`（从失联节点驱逐 Pod 时设置）的 Pod，它就显示 `Unknown`；在较新的集群上，这类 Pod 更常显示为 `Terminating`。所以种子笔记描述的是用户在 kubectl 输出里可能看到的现象，而不是 YAML 字段里通常的取值。',
    links: [`${POD_LIFECYCLE}#pod-phase`, `${K8S}/reference/node/node-status/#condition`, `${K8S}/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions`],
  },

  // ---------------------------------------------------------------- 容器状态
  'ContainerStatus.ready': {
    what: '该容器当前是否通过了就绪探针（没有就绪探针时，则看它是否已启动并在运行）。只有所有容器都就绪，Pod 才是 Ready，才会出现在 Service 的端点里。',
    trap: '`state: running` 加上 `ready: false`，说明进程在跑但不提供服务：这个 Pod 收不到任何 Service 流量。这正是种子笔记里“Running 但已停止服务”的情形，READY 列会显示 `0/1`。',
    instead: '在 `kubectl describe pod` 里找就绪探针的事件（`Readiness probe failed`），再用 `kubectl exec` 或 `kubectl port-forward` 亲自请求一下探针接口。',
    links: [`${POD_LIFECYCLE}#container-probes`, PROBES_TASK],
  },
  'ContainerStatus.restartCount': {
    what: 'kubelet 在这个 Pod 里重启该容器的次数，不管是因为崩溃、OOM 被杀，还是存活探针失败。',
    trap: '次数不断上涨就是在 CrashLoop，哪怕 phase 是 `Running`、你看的那一刻容器恰好是起来的。只有 Pod 被替换时计数才会清零，应用恢复正常并不会清零。',
    instead: '看 `lastState.terminated`（`reason`、`exitCode`、`finishedAt`），并用 `kubectl logs <pod> -c <container> --previous` 查看上一次运行的日志。',
    links: [`${POD_LIFECYCLE}#container-restarts`, DEBUG_PODS],
  },
  'ContainerStatus.lastState': {
    what: '该容器上一次运行是怎么结束的：通常是一个 `terminated` 块，包含 `reason`、`exitCode`、`signal`、`startedAt` 和 `finishedAt`。容器从没重启过时为空。',
    trap: '它只保留最近一次终止；而当前日志属于新的一轮运行：导致容器挂掉的错误在上一轮的日志里，直接 `kubectl logs` 是看不到的。',
    instead: '看 `lastState.terminated.reason` 和 `exitCode`（比如 `OOMKilled`/137），再执行 `kubectl logs <pod> -c <container> --previous`。',
    links: [`${POD_LIFECYCLE}#container-states`, TERMINATION_REASON],
  },
  'ContainerStateWaiting.reason': {
    what: '容器为什么还没运行：一个驼峰式的简短代码，如 `ContainerCreating`、`PodInitializing`、`ErrImagePull`、`ImagePullBackOff`、`CreateContainerConfigError`、`CrashLoopBackOff`；详细信息在 `message` 里。',
    trap: '持续好几分钟的 `ContainerCreating` 本身就是症状（卷挂载失败、缺少作为卷挂载的 Secret 或 ConfigMap、CNI 或 sandbox 出错），真正的错误只在事件里。',
    instead: '看旁边的 `message`，以及 `kubectl describe pod <pod>` 的 Events。',
    links: [`${POD_LIFECYCLE}#container-state-waiting`, DEBUG_PODS],
  },
  'ContainerStateWaiting.reason=CrashLoopBackOff': {
    what: '容器反复退出，kubelet 正在等待下一次重启。等待时间从 10 秒起成倍增长，最长 5 分钟；容器正常运行满 10 分钟后重新计时。',
    trap: '`CrashLoopBackOff` 是症状而不是原因：应用自己退出了（配置错误、缺环境变量、启动时抛异常），被 OOM 杀掉了，或者被失败的存活探针、启动探针杀掉了。以退出码 0 结束的服务也会循环，因为 `restartPolicy: Always` 会把它重新拉起。',
    instead: '先看 `lastState.terminated.reason` 和 `exitCode`，再看 `kubectl logs <pod> -c <container> --previous`；日志为空的话，去 `kubectl describe pod` 里查探针事件和 command/args。',
    links: [`${POD_LIFECYCLE}#container-restarts`, DEBUG_PODS],
  },
  'ContainerStateWaiting.reason=ImagePullBackOff': {
    what: '镜像拉取已经失败，kubelet 正在退避等待（最长 5 分钟）后再重试。',
    trap: '原因几乎都写在事件里第一次的错误（`ErrImagePull`）中：镜像名或 tag 写错、私有仓库没配凭据、仓库限流，或者没有适合节点 CPU 架构的镜像。',
    instead: '查看 `kubectl describe pod` 中 `Failed to pull image` 事件，用 `docker pull`/`crane manifest` 核对镜像引用；私有仓库要配置 `imagePullSecrets`（或挂到 ServiceAccount 上）。',
    links: [`${K8S}/concepts/containers/images/#imagepullbackoff`, `${K8S}/concepts/containers/images/#specifying-imagepullsecrets-on-a-pod`],
  },
  'ContainerStateWaiting.reason=ErrImagePull': {
    what: '最近一次拉取镜像失败；多次失败后，原因会变成 `ImagePullBackOff`。',
    trap: '看报错信息就能判断是哪种情况：`not found` 或 `manifest unknown`（名字或 tag 不对）、`unauthorized` 或 `denied`（凭据问题）、`toomanyrequests`（被限流）、`no match for platform`（架构不匹配），或者超时（节点到仓库的网络、代理有问题）。',
    instead: '修正镜像引用或 `imagePullSecrets`（Pod 所在命名空间里类型为 `kubernetes.io/dockerconfigjson` 的 Secret）；镜像用固定的 tag 或 digest，别用 `latest`。',
    links: [`${K8S}/concepts/containers/images/`, `${K8S}/tasks/configure-pod-container/pull-image-private-registry/`],
  },
  'ContainerStateWaiting.reason=CreateContainerConfigError': {
    what: 'kubelet 无法生成容器配置，容器根本没被创建。最常见的原因是 `env` 或 `envFrom` 引用的 ConfigMap、Secret（或其中某个 key）在 Pod 所在命名空间里不存在。',
    trap: 'kubelet 会一直重试而不是直接失败，所以 Pod 会一直等到对象出现（出现后会自动启动）。另一个常见原因是设置了 `runAsNonRoot: true`，而镜像的用户是 root（或者是非数字的用户名）。',
    instead: '看报错信息（例如 `configmap "app-config" not found` 或 `couldn\'t find key`），在同一命名空间里补上对象或 key，或者把引用标记为 `optional: true`。',
    links: [`${K8S}/concepts/configuration/configmap/`, `${K8S}/concepts/configuration/secret/`],
  },
  'ContainerStateTerminated.reason': {
    what: '容器这一轮运行为什么结束：`Completed`（退出码 0）、`Error`（非零退出码）、`OOMKilled`（超出内存限制）、`ContainerCannotRun` 或 `StartError`（没能启动）等；同时附带 `exitCode` 以及开始、结束时间。',
    trap: '`Error` 只说明退出码不是 0；具体含义要看 `exitCode`、`signal`、`message` 以及那一轮的日志。',
    instead: '结合 `exitCode` 一起看，并执行 `kubectl logs <pod> -c <container> --previous`。',
    links: [`${POD_LIFECYCLE}#container-state-terminated`, TERMINATION_REASON],
  },
  'ContainerStateTerminated.reason=OOMKilled': {
    what: '容器用的内存超过了 `resources.limits.memory`（少数情况下是整个节点内存耗尽），被内核的 OOM killer 杀掉。退出码是 137（SIGKILL）。',
    trap: '对 JVM 来说，堆只是一部分：元空间、线程栈、直接内存、JIT 都要占内存，`-Xmx` 设得和 limit 一样大几乎必然被杀。不清楚真实占用就调大 limit，只是把下一次被杀往后推。',
    instead: '先测出实际用量（`kubectl top pod`、监控指标），把 limit 设在峰值之上；JVM 用 `-XX:MaxRAMPercentage=75` 按容器内存来定堆大小，而不是写死 `-Xmx`。',
    links: [`${K8S}/tasks/configure-pod-container/assign-memory-resource/#exceed-a-container-s-memory-limit`, `${K8S}/concepts/configuration/manage-resources-containers/`],
  },
  'ContainerStateTerminated.reason=Error': {
    what: '容器主进程以非零退出码结束，且没有更具体的原因；退出方式看 `exitCode`。',
    trap: '退出码是 137 或 143 的 `Error` 往往不是应用 bug，而是 Kubernetes 在停止容器（存活探针失败、Pod 被删除，或宽限期用完）。',
    instead: '看 `exitCode` 和 `kubectl logs --previous`，并在 `kubectl describe pod` 里找 `Liveness probe failed` 或 `Killing` 事件。',
    links: [TERMINATION_REASON, DEBUG_PODS],
  },
  'ContainerStateTerminated.reason=Completed': {
    what: '进程以退出码 0 结束：程序正常跑完了。对 Job 或 init 容器来说，这就是成功。',
    trap: '出现在 Deployment 里就是 bug：主进程返回了（比如把守护进程放到后台就退出了，或者 command 只是个执行完就结束的 shell），`restartPolicy: Always` 又会重启它，最后变成原因为 `Completed` 的 `CrashLoopBackOff`。',
    instead: '让主进程在前台运行（例如 `nginx -g \'daemon off;\'`），或者把这个任务改成 Job。',
    links: [`${POD_LIFECYCLE}#restart-policy`, `${K8S}/concepts/workloads/controllers/job/`],
  },
  'ContainerStateTerminated.exitCode': {
    what: '这一轮运行的退出状态。大于 128 表示进程死于信号（退出码减 128）：137 是 SIGKILL（OOM，或宽限期用完被强杀），143 是 SIGTERM（被要求停止，且没有自行处理），139 是 SIGSEGV；1 是一般性的应用错误，126/127 来自 shell，表示命令无法执行或找不到。',
    trap: '137 配 `reason: OOMKilled` 是内存问题；137 配 `reason: Error` 通常说明 kubelet 在 `terminationGracePeriodSeconds` 用完后只能 SIGKILL。作为 PID 1 运行的进程如果没有注册信号处理，SIGTERM 杀不死它，shell 包装脚本也不会把信号转发给应用，这类容器每次都是等满宽限期后以 137 结束。',
    instead: '包装脚本里用 `exec` 启动应用（或用 `tini` 这类小型 init），让应用能收到 SIGTERM；用 `kubectl logs --previous` 查看上一轮日志。',
    links: [TERMINATION_REASON, `${POD_LIFECYCLE}#pod-termination`],
  },
};
