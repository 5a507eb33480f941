/**
 * In an ascending sequence of `length` numbers read through `at`, the index of
 * the last one at most `value`; 0 when none is (the callers' sequences start
 * at 0: line starts, document starts, first lines).
 */
export function lastAtMost(length: number, at: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (at(mid) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
