import {
  getDuration,
  getKinematicSeries,
  getPathLength,
  getPenDownDuration,
  measureSampleRate,
  type TInkDocument,
} from '@inkproof/ink';

export interface InkSummary {
  strokeCount: number;
  sampleCount: number;
  /** First to last sample, ms. */
  durationMs: number;
  penDownMs: number;
  pathLength: number;
  sampleRateHz: number | null;
  pressureKind: 'real' | 'synthetic';
  /** Columns for the plots: t (ms from the first sample), speed (units/s), pressure (0..1). */
  series: { t: number[]; speed: number[]; pressure: number[] };
}

/** Stroke count, timing and the kinematic series of one signature, for the review panel and plots. */
export function summarizeInk(ink: TInkDocument): InkSummary {
  const points = getKinematicSeries(ink.strokes);
  return {
    strokeCount: ink.strokes.length,
    sampleCount: ink.strokes.reduce((n, s) => n + s.samples.length, 0),
    durationMs: getDuration(ink.strokes),
    penDownMs: getPenDownDuration(ink.strokes),
    pathLength: getPathLength(ink.strokes),
    sampleRateHz: measureSampleRate(ink.strokes) ?? null,
    pressureKind: ink.context.pressure.kind,
    series: {
      t: points.map((p) => p.t),
      speed: points.map((p) => p.speed),
      pressure: points.map((p) => p.pressure),
    },
  };
}
