import { InkError } from '../../ink-error';
import type { TInkDocument } from '../../model/ink-document';
import { getVisibleStrokes } from '../../model/visible-strokes';
import type { IsoChannelDescription, IsoSignatureRecord } from './iso-channels';
import { quantizeScalingValue } from './scaling-value';
import { writeIsoRecord } from './write-iso-record';

/** Tilt channel scaling: units per degree. 100 encodes exactly (2^6 · 1.5625). */
const TILT_UNITS_PER_DEGREE = 100;
/** Candidate T scalings in units per second, finest first; all are exact in the 5+11-bit encoding. */
const TIME_SCALINGS = [10_000, 1000, 500, 250, 100, 50, 10];
const INT16_BUDGET = 30_000;

/**
 * Exports the visible strokes as an ISO/IEC 19794-7:2007 record with channels X, Y (units per mm),
 * T (units per second since the first sample), F (0..max, min/max given, no physical scaling),
 * S (tip switch) and TX/TY (units per degree) when every sample has tilt. Strokes are joined by one
 * pen-up sample (S = 0, F = 0) at the lift position, timed at the next pen-down; the importer drops it.
 */
export function exportIso19794_7(doc: TInkDocument): Uint8Array {
  const strokes = getVisibleStrokes(doc);
  const samples = strokes.flatMap((s) => s.samples);
  const first = samples[0];
  if (!first) throw new InkError('EMPTY_INK', '没有可导出的笔迹 / No ink to export');
  const perMm = doc.context.units.perMm;
  const maxAbs = samples.reduce((m, s) => Math.max(m, Math.abs(s.x), Math.abs(s.y)), 1);
  // Finest power-of-two subdivision of the document unit that still fits a signed 16-bit channel.
  const k = Math.min(64, 2 ** Math.floor(Math.log2(INT16_BUDGET / maxAbs)));
  const xyScaling = quantizeScalingValue(perMm * k);
  const duration = samples[samples.length - 1]!.t - first.t;
  const tScaling = TIME_SCALINGS.find((s) => (duration * s) / 1000 <= 65_535);
  if (tScaling === undefined) throw new InkError('VALUE_OUT_OF_RANGE', '签名时间过长 / Signature lasts too long');
  const levels = doc.context.pressure.levels;
  const fMax = levels ? levels - 1 : 65_535;
  const hasTilt = samples.every((s) => s.tiltX !== undefined && s.tiltY !== undefined);

  const cols = {
    x: [] as number[],
    y: [] as number[],
    t: [] as number[],
    f: [] as number[],
    s: [] as number[],
    tx: [] as number[],
    ty: [] as number[],
  };
  const push = (x: number, y: number, t: number, p: number, down: boolean, tx?: number, ty?: number) => {
    cols.x.push(Math.round((x / perMm) * xyScaling));
    cols.y.push(Math.round((y / perMm) * xyScaling));
    cols.t.push(Math.round(((t - first.t) * tScaling) / 1000));
    cols.f.push(Math.round(p * fMax));
    cols.s.push(down ? 1 : 0);
    cols.tx.push(Math.round((tx ?? 0) * TILT_UNITS_PER_DEGREE));
    cols.ty.push(Math.round((ty ?? 0) * TILT_UNITS_PER_DEGREE));
  };
  strokes.forEach((stroke, i) => {
    if (i > 0) {
      const last = strokes[i - 1]!.samples.at(-1)!;
      push(last.x, last.y, stroke.samples[0]!.t, 0, false, last.tiltX, last.tiltY);
    }
    for (const s of stroke.samples) push(s.x, s.y, s.t, s.pressure, true, s.tiltX, s.tiltY);
  });

  const descriptions: IsoChannelDescription[] = [
    { channel: 'x', scaling: xyScaling },
    { channel: 'y', scaling: xyScaling },
    { channel: 't', scaling: tScaling },
    { channel: 'f', min: 0, max: fMax },
    { channel: 's' },
  ];
  const record: IsoSignatureRecord = {
    descriptions,
    values: { x: cols.x, y: cols.y, t: cols.t, f: cols.f, s: cols.s },
    sampleCount: cols.x.length,
  };
  if (hasTilt) {
    descriptions.push(
      { channel: 'tx', scaling: TILT_UNITS_PER_DEGREE },
      { channel: 'ty', scaling: TILT_UNITS_PER_DEGREE },
    );
    record.values.tx = cols.tx;
    record.values.ty = cols.ty;
  }
  return writeIsoRecord(record);
}
