import { InkError } from '../../ink-error';
import {
  createInkDocument,
  type TInkCaptureContext,
  type TInkDocument,
  type TInkSample,
  type TInkStroke,
} from '../../model/ink-document';
import type { IsoChannel, IsoSignatureRecord } from './iso-channels';
import { readIsoRecord } from './read-iso-record';

export interface IsoImportOptions {
  /** Epoch ms of the first sample (the 2007 record carries relative time only). Default 0. */
  timeOriginMs?: number;
  /** Target coordinate units; default: the record's own X scaling (units per mm) named "iso-unit". */
  units?: TInkCaptureContext['units'];
  /** Used when the record has neither T nor DT. */
  sampleRateHz?: number;
  source?: TInkCaptureContext['source'];
}

/** Imports an ISO/IEC 19794-7:2007 record as an ink document; S = 0 samples split strokes and are dropped. */
export function importIso19794_7(data: Uint8Array, options: IsoImportOptions = {}): TInkDocument {
  const record = readIsoRecord(data);
  const scaling = (c: IsoChannel) => record.descriptions.find((d) => d.channel === c)?.scaling;
  const xScale = scaling('x') ?? 1;
  const yScale = scaling('y') ?? xScale;
  const units = options.units ?? { name: 'iso-unit', perMm: xScale };
  const times = readTimes(record, options);
  const fDesc = record.descriptions.find((d) => d.channel === 'f');
  const fMax = fDesc?.max ?? 65_535;
  const col = (c: IsoChannel, i: number) => record.values[c]?.[i];
  const tiltScale = { tx: scaling('tx') ?? 1, ty: scaling('ty') ?? 1 };

  const strokes: TInkStroke[] = [];
  let current: TInkSample[] | undefined;
  for (let i = 0; i < record.sampleCount; i++) {
    const down = record.values.s ? col('s', i) !== 0 : (col('f', i) ?? 1) > 0;
    if (!down) {
      current = undefined;
      continue;
    }
    if (!current) {
      current = [];
      strokes.push({ id: strokes.length, pointerType: options.source?.kind ?? 'pen', samples: current });
    }
    const sample: TInkSample = {
      t: times[i]!,
      x: col('x', i)! * (units.perMm / xScale),
      y: col('y', i)! * (units.perMm / yScale),
      pressure: record.values.f ? Math.min(1, Math.max(0, col('f', i)! / fMax)) : 0.5,
    };
    if (record.values.tx) sample.tiltX = col('tx', i)! / tiltScale.tx;
    if (record.values.ty) sample.tiltY = col('ty', i)! / tiltScale.ty;
    current.push(sample);
  }
  const all = strokes.flatMap((s) => s.samples);
  const maxX = all.reduce((m, s) => Math.max(m, s.x), 1);
  const maxY = all.reduce((m, s) => Math.max(m, s.y), 1);
  return createInkDocument(
    {
      source: options.source ?? { kind: 'pen' },
      units,
      surface: { width: maxX, height: maxY },
      sampleRate: options.sampleRateHz ? { declaredHz: options.sampleRateHz } : {},
      pressure: record.values.f
        ? { kind: 'real', ...(fMax + 1 >= 2 ? { levels: fMax + 1 } : {}) }
        : { kind: 'synthetic' },
      time: { source: 'device-counter' },
    },
    strokes,
  );
}

function readTimes(record: IsoSignatureRecord, options: IsoImportOptions): number[] {
  const origin = options.timeOriginMs ?? 0;
  const scalingOf = (c: IsoChannel) => record.descriptions.find((d) => d.channel === c)?.scaling ?? 1000;
  if (record.values.t) {
    const s = scalingOf('t');
    return record.values.t.map((v) => origin + (v * 1000) / s);
  }
  if (record.values.dt) {
    const s = scalingOf('dt');
    let acc = 0;
    return record.values.dt.map((v) => {
      acc += v;
      return origin + (acc * 1000) / s;
    });
  }
  if (!options.sampleRateHz) {
    throw new InkError(
      'UNSUPPORTED_CHANNEL',
      '记录没有时间通道，请提供采样率 / Record has no time channel; give the sample rate',
    );
  }
  return Array.from({ length: record.sampleCount }, (_, i) => origin + (i * 1000) / options.sampleRateHz!);
}
