import type { TInkStroke } from '../model/ink-document';

export interface KinematicPoint {
  /** ms since the first sample of the series */
  t: number;
  strokeId: number;
  pressure: number;
  /** document units per second */
  speed: number;
  /** document units per second² */
  acceleration: number;
}

/**
 * Speed, acceleration and pressure over time for review plots. Speeds use central differences inside each
 * stroke; samples sharing a timestamp (coalesced duplicates) reuse the neighbouring speed.
 */
export function getKinematicSeries(strokes: readonly TInkStroke[]): KinematicPoint[] {
  const t0 = strokes.find((s) => s.samples.length > 0)?.samples[0]?.t ?? 0;
  const out: KinematicPoint[] = [];
  for (const stroke of strokes) {
    const s = stroke.samples;
    const speeds = s.map((_, i) => {
      const a = s[Math.max(0, i - 1)]!;
      const b = s[Math.min(s.length - 1, i + 1)]!;
      const dt = (b.t - a.t) / 1000;
      return dt > 0 ? Math.hypot(b.x - a.x, b.y - a.y) / dt : 0;
    });
    s.forEach((sample, i) => {
      const a = Math.max(0, i - 1);
      const b = Math.min(s.length - 1, i + 1);
      const dt = (s[b]!.t - s[a]!.t) / 1000;
      out.push({
        t: sample.t - t0,
        strokeId: stroke.id,
        pressure: sample.pressure,
        speed: speeds[i]!,
        acceleration: dt > 0 ? (speeds[b]! - speeds[a]!) / dt : 0,
      });
    });
  }
  return out;
}
