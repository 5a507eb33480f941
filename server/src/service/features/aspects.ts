import type { Locale } from '../l10n';

/** The aspects of a pod spec, in outline order. */
export type Aspect = 'network' | 'storage' | 'security' | 'scheduling' | 'processes' | 'lifecycle';

export const ASPECT_NAMES: Readonly<Record<Locale, Readonly<Record<Aspect, string>>>> = {
  en: {
    network: 'network',
    storage: 'storage',
    security: 'security',
    scheduling: 'scheduling',
    processes: 'processes',
    lifecycle: 'lifecycle',
  },
  'zh-cn': {
    network: '网络',
    storage: '存储',
    security: '安全',
    scheduling: '调度',
    processes: '进程',
    lifecycle: '生命周期',
  },
};

export interface AspectFields {
  readonly aspect: Aspect;
  /** Pod spec fields. */
  readonly pod: readonly string[];
  /** Container fields, shown as `field (container)`. */
  readonly container: readonly string[];
  /** Fields of a container's `lifecycle` (the hooks). */
  readonly hooks?: readonly string[];
}

/** Which pod spec and container fields belong to which aspect (hostPID is both a security and a process matter). */
export const ASPECTS: readonly AspectFields[] = [
  {
    aspect: 'network',
    pod: ['hostNetwork', 'dnsPolicy', 'dnsConfig', 'hostAliases', 'hostname', 'hostnameOverride', 'subdomain', 'setHostnameAsFQDN'],
    container: ['ports'],
  },
  { aspect: 'storage', pod: ['volumes'], container: ['volumeMounts', 'volumeDevices'] },
  {
    aspect: 'security',
    pod: ['securityContext', 'hostPID', 'hostIPC', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'hostUsers'],
    container: ['securityContext'],
  },
  {
    aspect: 'scheduling',
    pod: [
      'nodeName',
      'nodeSelector',
      'affinity',
      'tolerations',
      'priorityClassName',
      'priority',
      'topologySpreadConstraints',
      'schedulerName',
      'runtimeClassName',
    ],
    container: [],
  },
  { aspect: 'processes', pod: ['shareProcessNamespace', 'hostPID'], container: [] },
  {
    aspect: 'lifecycle',
    pod: ['terminationGracePeriodSeconds', 'restartPolicy', 'activeDeadlineSeconds'],
    container: ['startupProbe', 'readinessProbe', 'livenessProbe'],
    hooks: ['postStart', 'preStop'],
  },
];

