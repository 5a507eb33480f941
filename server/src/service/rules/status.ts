/** Status explainers: informational findings on `kubectl get -o yaml` output. */
import { containerOomKilled } from './container-oom-killed';
import { containerRestarting } from './container-restarting';
import { podPhaseUnknown } from './pod-phase-unknown';
import { podRunningNotReady } from './pod-running-not-ready';
import type { Rule } from './types';

export const statusRules: readonly Rule[] = [podRunningNotReady, containerRestarting, containerOomKilled, podPhaseUnknown];
