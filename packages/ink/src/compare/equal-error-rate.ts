/**
 * Equal error rate of a score-based verifier (lower score = accept): the point where the false-reject rate
 * of genuine scores meets the false-accept rate of forgery scores, found by sweeping every threshold.
 */
export function computeEqualErrorRate(genuine: readonly number[], forgery: readonly number[]): number {
  if (genuine.length === 0 || forgery.length === 0) return Number.NaN;
  const thresholds = [...genuine, ...forgery].sort((a, b) => a - b);
  let best = { gap: Number.POSITIVE_INFINITY, eer: 1 };
  for (const th of thresholds) {
    const frr = genuine.filter((s) => s > th).length / genuine.length;
    const far = forgery.filter((s) => s <= th).length / forgery.length;
    const gap = Math.abs(frr - far);
    if (gap < best.gap) best = { gap, eer: (frr + far) / 2 };
  }
  return best.eer;
}
