import type { TInkDocument } from '@inkproof/ink';

const STEP_MS = 10;

/**
 * Non-biometric path (PIPL Art. 29 consent refused): keep only the shape of the signature. Pressure becomes
 * synthetic 0.5, tilt/twist are dropped and samples are re-timed on a uniform 10 ms grid so neither speed nor
 * rhythm (the dynamic, biometric features) leave the device. Clear/undo events keep their order.
 */
export function stripDynamics(doc: TInkDocument): TInkDocument {
  const origin = doc.strokes[0]?.samples[0]?.t ?? 0;
  let i = 0;
  const strokes = doc.strokes.map((stroke) => ({
    ...stroke,
    samples: stroke.samples.map((s) => ({ t: origin + STEP_MS * i++, x: s.x, y: s.y, pressure: 0.5 })),
  }));
  const lastT = origin + STEP_MS * i;
  const context = { ...doc.context, pressure: { kind: 'synthetic' as const }, sampleRate: {} };
  const events = doc.events.map((e, k) => ({ ...e, t: lastT + k }));
  return { ...doc, context, strokes, events };
}
