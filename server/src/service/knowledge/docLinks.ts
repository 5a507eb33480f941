/**
 * The Kubernetes documentation page for fields and types whose upstream
 * description links none and that have no note of ours: hover shows it with
 * the others. Keyed `Type.field`, or `Type` for every field of that type.
 */
const DOCS = 'https://kubernetes.io/docs/';

const LINKS: Readonly<Record<string, string>> = {
  'PodSpec.containers': `${DOCS}concepts/containers/`,
  'PodSpec.affinity': `${DOCS}concepts/scheduling-eviction/assign-pod-node/#affinity-and-anti-affinity`,
  Affinity: `${DOCS}concepts/scheduling-eviction/assign-pod-node/#affinity-and-anti-affinity`,
  NodeAffinity: `${DOCS}concepts/scheduling-eviction/assign-pod-node/#node-affinity`,
  PodAffinity: `${DOCS}concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity`,
  PodAntiAffinity: `${DOCS}concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity`,
  'PodSpec.nodeSelector': `${DOCS}concepts/scheduling-eviction/assign-pod-node/#nodeselector`,
  'PodSpec.tolerations': `${DOCS}concepts/scheduling-eviction/taint-and-toleration/`,
  Toleration: `${DOCS}concepts/scheduling-eviction/taint-and-toleration/`,
  'PodSpec.topologySpreadConstraints': `${DOCS}concepts/scheduling-eviction/topology-spread-constraints/`,
  TopologySpreadConstraint: `${DOCS}concepts/scheduling-eviction/topology-spread-constraints/`,
  'PodSpec.priorityClassName': `${DOCS}concepts/scheduling-eviction/pod-priority-preemption/`,
  'PodSpec.securityContext': `${DOCS}tasks/configure-pod-container/security-context/`,
  'Container.securityContext': `${DOCS}tasks/configure-pod-container/security-context/`,
  PodSecurityContext: `${DOCS}tasks/configure-pod-container/security-context/`,
  SecurityContext: `${DOCS}tasks/configure-pod-container/security-context/`,
  'PodSpec.serviceAccountName': `${DOCS}tasks/configure-pod-container/configure-service-account/`,
  'PodSpec.imagePullSecrets': `${DOCS}tasks/configure-pod-container/pull-image-private-registry/`,
  'Container.env': `${DOCS}tasks/inject-data-application/define-environment-variable-container/`,
  EnvVar: `${DOCS}tasks/inject-data-application/define-environment-variable-container/`,
  'Container.envFrom': `${DOCS}tasks/configure-pod-container/configure-pod-configmap/`,
  EnvFromSource: `${DOCS}tasks/configure-pod-container/configure-pod-configmap/`,
  ObjectFieldSelector: `${DOCS}concepts/workloads/pods/downward-api/`,
  ResourceFieldSelector: `${DOCS}concepts/workloads/pods/downward-api/`,
  DownwardAPIVolumeSource: `${DOCS}concepts/workloads/pods/downward-api/`,
  'Container.ports': `${DOCS}reference/kubernetes-api/workload-resources/pod-v1/#ports`,
  ContainerPort: `${DOCS}reference/kubernetes-api/workload-resources/pod-v1/#ports`,
  'Container.volumeMounts': `${DOCS}concepts/storage/volumes/`,
  VolumeMount: `${DOCS}concepts/storage/volumes/`,
  'PodSpec.volumes': `${DOCS}concepts/storage/volumes/`,
  Volume: `${DOCS}concepts/storage/volumes/`,
  'Container.resources': `${DOCS}concepts/configuration/manage-resources-containers/`,
  ResourceRequirements: `${DOCS}concepts/configuration/manage-resources-containers/`,
  Probe: `${DOCS}tasks/configure-pod-container/configure-liveness-readiness-startup-probes/`,
  Lifecycle: `${DOCS}concepts/containers/container-lifecycle-hooks/`,
  LifecycleHandler: `${DOCS}concepts/containers/container-lifecycle-hooks/`,
};

/** Our documentation link for a field (its own, else its owner type's, else its value type's), if any. */
export function docLink(owner: string, field: string, valueType?: string): string | undefined {
  return LINKS[`${owner}.${field}`] ?? LINKS[owner] ?? (valueType ? LINKS[valueType] : undefined);
}
