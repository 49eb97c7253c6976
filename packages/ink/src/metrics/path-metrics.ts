import type { TInkSample, TInkStroke } from '../model/ink-document';

/** Sum of segment lengths inside strokes (pen-up jumps between strokes do not count), in document units. */
export function getPathLength(strokes: readonly TInkStroke[]): number {
  let total = 0;
  for (const stroke of strokes) {
    for (let i = 1; i < stroke.samples.length; i++) {
      const a = stroke.samples[i - 1]!;
      const b = stroke.samples[i]!;
      total += Math.hypot(b.x - a.x, b.y - a.y);
    }
  }
  return total;
}

/** Time from the first to the last sample, in ms (includes pen-up pauses between strokes). */
export function getDuration(strokes: readonly TInkStroke[]): number {
  const samples = strokes.flatMap((s) => s.samples);
  if (samples.length < 2) return 0;
  return samples[samples.length - 1]!.t - samples[0]!.t;
}

/** Time the pen touched the surface, in ms. */
export function getPenDownDuration(strokes: readonly TInkStroke[]): number {
  return strokes.reduce((sum, s) => sum + (s.samples.length > 1 ? s.samples.at(-1)!.t - s.samples[0]!.t : 0), 0);
}

/** Mean sample rate over the pen-down time, in Hz (the "measured" rate of the capture context). */
export function measureSampleRate(strokes: readonly TInkStroke[]): number | undefined {
  const intervals = strokes.reduce((n, s) => n + Math.max(0, s.samples.length - 1), 0);
  const time = getPenDownDuration(strokes);
  return intervals > 0 && time > 0 ? (intervals * 1000) / time : undefined;
}

export type { TInkSample };
