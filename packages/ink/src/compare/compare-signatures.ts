import { resampleStroke } from '../metrics/resample-stroke';
import type { TInkDocument, TInkStroke } from '../model/ink-document';
import { getVisibleStrokes } from '../model/visible-strokes';

export interface CompareOptions {
  /** Resampling step before comparison, ms. Default 10. */
  intervalMs?: number;
  /** Cap on points per signature (keeps DTW at O(n²) ≤ 40k cells). Default 200. */
  maxPoints?: number;
  /** Feature weights for x, y, pressure, speed. Default all 1. */
  weights?: [number, number, number, number];
}

type Feature = [number, number, number, number];

/**
 * Dissimilarity of two signatures: dynamic time warping over per-sample features (x, y normalised for
 * position and size; pressure and speed z-scored per signature), divided by the two lengths. Lower is more
 * alike. A review aid for records staff only — no accuracy claim beyond the synthetic-set EER in the bench.
 */
export function compareSignatures(a: TInkDocument, b: TInkDocument, options: CompareOptions = {}): number {
  const fa = extractFeatures(getVisibleStrokes(a), options);
  const fb = extractFeatures(getVisibleStrokes(b), options);
  if (fa.length === 0 || fb.length === 0) return Number.POSITIVE_INFINITY;
  return dtw(fa, fb, options.weights ?? [1, 1, 1, 1]) / (fa.length + fb.length);
}

export function extractFeatures(strokes: readonly TInkStroke[], options: CompareOptions = {}): Feature[] {
  const interval = options.intervalMs ?? 10;
  const maxPoints = options.maxPoints ?? 200;
  const raw: [number, number, number, number][] = [];
  for (const stroke of strokes) {
    const s = resampleStroke(stroke, interval).samples;
    s.forEach((p, i) => {
      const q = s[Math.max(0, i - 1)]!;
      const dt = p.t - q.t;
      raw.push([p.x, p.y, p.pressure, dt > 0 ? Math.hypot(p.x - q.x, p.y - q.y) / dt : 0]);
    });
  }
  const step = Math.max(1, raw.length / maxPoints);
  const picked: Feature[] = [];
  for (let i = 0; i < raw.length; i += step) picked.push(raw[Math.floor(i)]!);
  if (picked.length === 0) return picked;
  const mean = (k: number) => picked.reduce((acc, f) => acc + f[k]!, 0) / picked.length;
  const std = (k: number, m: number) => Math.sqrt(picked.reduce((acc, f) => acc + (f[k]! - m) ** 2, 0) / picked.length);
  const [mx, my, mp, mv] = [mean(0), mean(1), mean(2), mean(3)];
  const radius =
    Math.sqrt(picked.reduce((acc, f) => acc + (f[0] - mx) ** 2 + (f[1] - my) ** 2, 0) / picked.length) || 1;
  const sp = Math.max(std(2, mp), 0.05);
  const sv = std(3, mv) || 1;
  return picked.map((f) => [(f[0] - mx) / radius, (f[1] - my) / radius, (f[2] - mp) / sp, (f[3] - mv) / sv]);
}

function dtw(a: Feature[], b: Feature[], w: Feature): number {
  const m = b.length;
  let prev = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
  let curr = new Float64Array(m + 1);
  prev[0] = 0;
  for (let i = 1; i <= a.length; i++) {
    curr.fill(Number.POSITIVE_INFINITY);
    const p = a[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const q = b[j - 1]!;
      const cost = Math.sqrt(
        w[0] * (p[0] - q[0]) ** 2 + w[1] * (p[1] - q[1]) ** 2 + w[2] * (p[2] - q[2]) ** 2 + w[3] * (p[3] - q[3]) ** 2,
      );
      curr[j] = cost + Math.min(prev[j]!, curr[j - 1]!, prev[j - 1]!);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[m]!;
}
