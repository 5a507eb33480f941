/** Rules from common practice (kube-linter, Pod Security Standards, the probes guide). */
import { initContainerLifecycle } from './init-container-lifecycle';
import { latestTag } from './latest-tag';
import { noLivenessProbe } from './no-liveness-probe';
import { noReadinessProbe } from './no-readiness-probe';
import { privilegedContainer } from './privileged-container';
import { probePortNotExposed } from './probe-port-not-exposed';
import { restartPolicyForKind } from './restart-policy-for-kind';
import { statusInManifest } from './status-in-manifest';
import { removedApiVersion } from './removed-api-version';
import type { Rule } from './types';

export const practiceRules: readonly Rule[] = [
  privilegedContainer,
  latestTag,
  noReadinessProbe,
  noLivenessProbe,
  probePortNotExposed,
  initContainerLifecycle,
  restartPolicyForKind,
  statusInManifest,
  removedApiVersion,
];
