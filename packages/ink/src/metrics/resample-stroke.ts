import type { TInkSample, TInkStroke } from '../model/ink-document';

/**
 * Resamples a stroke at a fixed time step by linear interpolation (display, comparison and plots only —
 * evidence keeps the raw samples). Optional channels are interpolated when both neighbours have them.
 */
export function resampleStroke(stroke: TInkStroke, intervalMs: number): TInkStroke {
  const s = stroke.samples;
  if (s.length < 2 || !(intervalMs > 0)) return { ...stroke, samples: s.map((x) => ({ ...x })) };
  const out: TInkSample[] = [];
  const start = s[0]!.t;
  const end = s[s.length - 1]!.t;
  let j = 0;
  for (let t = start; t <= end + 1e-9; t += intervalMs) {
    while (j < s.length - 2 && s[j + 1]!.t < t) j++;
    out.push(interpolate(s[j]!, s[j + 1]!, t));
  }
  if (out[out.length - 1]!.t < end) out.push({ ...s[s.length - 1]! });
  return { ...stroke, samples: out };
}

function interpolate(a: TInkSample, b: TInkSample, t: number): TInkSample {
  const span = b.t - a.t;
  const k = span > 0 ? Math.min(1, Math.max(0, (t - a.t) / span)) : 0;
  const lerp = (p: number, q: number) => p + (q - p) * k;
  const sample: TInkSample = { t, x: lerp(a.x, b.x), y: lerp(a.y, b.y), pressure: lerp(a.pressure, b.pressure) };
  for (const key of ['tiltX', 'tiltY', 'twist'] as const) {
    const p = a[key];
    const q = b[key];
    if (p !== undefined && q !== undefined) sample[key] = lerp(p, q);
  }
  return sample;
}
