/**
 * "Did you mean": the known field closest to a misspelt one. Case slips
 * (`hostpid`) always match; otherwise an edit distance within a third of the
 * word's length (`sharedProcessNamespace` -> `shareProcessNamespace`).
 */
export function closestField(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const caseSlip = known.find((k) => k.toLowerCase() === lower);
  if (caseSlip) return caseSlip;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    if (Math.abs(k.length - key.length) >= bestDistance) continue;
    const d = distance(lower, k.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal
 * string alignment: `vaule` is one from `value`), giving up once it exceeds `limit`.
 */
function distance(a: string, b: string, limit: number): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}
