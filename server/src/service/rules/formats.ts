/** Rules on names, ports, addresses and downward API references that the API server validates, and on duplicates it rejects or silently merges. */
import { duplicateContainerName } from './duplicate-container-name';
import { duplicateContainerPort } from './duplicate-container-port';
import { downwardApiField } from './downward-api-field';
import { duplicateEnvName } from './duplicate-env-name';
import { duplicateVolume } from './duplicate-volume';
import { invalidContainerName } from './invalid-container-name';
import { invalidFileMode } from './invalid-file-mode';
import { invalidHostAlias } from './invalid-host-alias';
import { invalidPortName } from './invalid-port-name';
import { invalidPortNumber } from './invalid-port-number';
import type { Rule } from './types';
import { unknownVolumeMount } from './unknown-volume-mount';

export const formatRules: readonly Rule[] = [
  invalidContainerName,
  invalidPortName,
  invalidPortNumber,
  invalidHostAlias,
  duplicateContainerName,
  duplicateEnvName,
  duplicateContainerPort,
  downwardApiField,
  unknownVolumeMount,
  duplicateVolume,
  invalidFileMode,
];
