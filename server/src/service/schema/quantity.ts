/** Kubernetes resource quantities: `500m`, `1.5Gi`, `2e3`; not `500mb`. */
export const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?\d+)?$/;

const SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A Kubernetes quantity as a number of base units, or undefined when it does not parse. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\+?(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1] + (m[2] ?? ''));
  const total = n * SUFFIX[m[3] ?? ''];
  return Number.isFinite(total) ? total : undefined;
}

/** CPU in cores as Kubernetes prints it: `250m`, `1500m`, `2`. */
export function formatCpu(cores: number): string {
  const millis = Math.ceil(cores * 1000 - 1e-6);
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

const BYTE_UNITS: readonly [string, number][] = [
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
];

/** Bytes in the largest unit that divides them: `512Mi`, `1500M`. */
export function formatBytes(bytes: number): string {
  const whole = Math.ceil(bytes - 1e-6);
  for (const [suffix, unit] of BYTE_UNITS) if (whole >= unit && whole % unit === 0) return `${whole / unit}${suffix}`;
  return String(whole);
}

