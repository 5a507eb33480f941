/** Rules that come from the seed notes (shared/seed/README.md). */
import { hostIpc } from './host-ipc';
import { hostNetwork } from './host-network';
import { hostNetworkDnsPolicy } from './host-network-dns-policy';
import { hostNetworkHostPort } from './host-network-host-port';
import { hostPid } from './host-pid';
import { lifecycleHandlerActions } from './lifecycle-handler-actions';
import { lifecycleTcpSocket } from './lifecycle-tcp-socket';
import { nodeNameSet } from './node-name-set';
import { prestopExceedsGracePeriod } from './prestop-exceeds-grace-period';
import { shareProcessNamespace } from './share-process-namespace';
import { shareProcessNamespaceWithHostPid } from './share-process-namespace-with-host-pid';
import type { Rule } from './types';

export const seedRules: readonly Rule[] = [
  nodeNameSet,
  shareProcessNamespaceWithHostPid,
  shareProcessNamespace,
  hostNetwork,
  hostPid,
  hostIpc,
  hostNetworkDnsPolicy,
  hostNetworkHostPort,
  lifecycleHandlerActions,
  lifecycleTcpSocket,
  prestopExceedsGracePeriod,
];
