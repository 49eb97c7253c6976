import { describe, expect, it } from 'vitest';
import {
  createSeededRandom,
  decodeScalingValue,
  encodeScalingValue,
  exportIso19794_7,
  InkError,
  importIso19794_7,
  readIsoRecord,
  writeIsoRecord,
} from '../src/index';
import { makePadDocument, makePenDocument } from './sample-documents';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof InkError) return error.code;
    throw error;
  }
  return undefined;
}

describe('ISO/IEC 19794-7:2007 scaling value', () => {
  it('encodes 2^(E-16)·(1+F/2048) and keeps the common scalings exact', () => {
    expect(encodeScalingValue(1)).toBe(16 << 11);
    expect(encodeScalingValue(100)).toBe((22 << 11) | 1152);
    for (const v of [1000, 10_000, 500, 250, 100, 50, 10, 200])
      expect(decodeScalingValue(encodeScalingValue(v))).toBe(v);
    const approx = decodeScalingValue(encodeScalingValue(96 / 25.4));
    expect(Math.abs(approx / (96 / 25.4) - 1)).toBeLessThan(1 / 2048);
    expect(codeOf(() => encodeScalingValue(70_000))).toBe('VALUE_OUT_OF_RANGE');
  });
});

describe('ISO/IEC 19794-7:2007 record', () => {
  it('writes the header, inclusion field and channel descriptions byte for byte', () => {
    const bytes = exportIso19794_7(makePadDocument());
    expect([...bytes.subarray(0, 8)]).toEqual([0x53, 0x44, 0x49, 0x00, 0x20, 0x31, 0x30, 0x00]);
    // X, Y, T, F, S included: bits 15, 14, 8, 6, 5.
    expect((bytes[8]! << 8) | bytes[9]!).toBe(0x8000 | 0x4000 | 0x0100 | 0x0040 | 0x0020);
    // X: preamble "scaling present", scaling 200 units/mm (0.01 mm units subdivided by 2).
    expect(bytes[10]).toBe(0x80);
    expect(decodeScalingValue((bytes[11]! << 8) | bytes[12]!)).toBe(200);
    const record = readIsoRecord(bytes);
    expect(record.descriptions.map((d) => d.channel)).toEqual(['x', 'y', 't', 'f', 's']);
    expect(record.descriptions[3]).toEqual({ channel: 'f', min: 0, max: 1023 });
    // three strokes of 80 samples joined by two pen-up samples
    expect(record.sampleCount).toBe(242);
    expect(record.values.s!.filter((s) => s === 0)).toHaveLength(2);
  });

  it('round-trips pad ink exactly (integer units, ms clock, 1024 levels)', () => {
    const doc = makePadDocument();
    const origin = doc.strokes[0]!.samples[0]!.t;
    const back = importIso19794_7(exportIso19794_7(doc), {
      timeOriginMs: origin,
      units: doc.context.units,
      source: doc.context.source,
    });
    expect(back.strokes.map((s) => s.samples)).toEqual(doc.strokes.map((s) => s.samples));
    expect(back.context.pressure.levels).toBe(1024);
  });

  it('round-trips pen ink with tilt within one quantisation step', () => {
    const doc = makePenDocument();
    const origin = doc.strokes[0]!.samples[0]!.t;
    const back = importIso19794_7(exportIso19794_7(doc), { timeOriginMs: origin, units: doc.context.units });
    const record = readIsoRecord(exportIso19794_7(doc));
    expect(record.descriptions.map((d) => d.channel)).toEqual(['x', 'y', 't', 'f', 's', 'tx', 'ty']);
    expect(back.strokes).toHaveLength(2);
    back.strokes.forEach((stroke, k) => {
      stroke.samples.forEach((s, i) => {
        const o = doc.strokes[k]!.samples[i]!;
        expect(Math.abs(s.x - o.x)).toBeLessThan(0.02);
        expect(Math.abs(s.y - o.y)).toBeLessThan(0.02);
        expect(Math.abs(s.t - o.t)).toBeLessThanOrEqual(0.05);
        expect(Math.abs(s.pressure - o.pressure)).toBeLessThan(1e-4);
        expect(s.tiltX).toBeCloseTo(o.tiltX!, 5);
        expect(s.tiltY).toBeCloseTo(o.tiltY!, 5);
      });
    });
  });

  it('parses records written from explicit channel data, including DT and descriptive statistics', () => {
    const bytes = writeIsoRecord({
      descriptions: [
        { channel: 'x', scaling: 100, min: -5, max: 300, mean: 20, std: 7 },
        { channel: 'y', scaling: 100, isConstant: true },
        { channel: 'dt', scaling: 1000 },
      ],
      values: { x: [-5, 10, 300], y: [4, 4, 4], dt: [0, 5, 5] },
      sampleCount: 3,
      extendedData: Uint8Array.from([1, 2, 3]),
    });
    const record = readIsoRecord(bytes);
    expect(record.descriptions[0]).toEqual({ channel: 'x', scaling: 100, min: -5, max: 300, mean: 20, std: 7 });
    expect(record.descriptions[1]).toEqual({ channel: 'y', scaling: 100, isConstant: true });
    expect(record.values.x).toEqual([-5, 10, 300]);
    expect([...record.extendedData!]).toEqual([1, 2, 3]);
    const doc = importIso19794_7(bytes, { timeOriginMs: 1000 });
    expect(doc.strokes[0]!.samples.map((s) => s.t)).toEqual([1000, 1005, 1010]);
    expect(doc.context.pressure.kind).toBe('synthetic');
  });

  it('never throws anything but InkError on random bytes after a valid header', () => {
    const random = createSeededRandom(19_794);
    const codes = new Set<string | undefined>();
    for (let round = 0; round < 300; round++) {
      const junk = new Uint8Array(10 + (round % 90));
      for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(random() * 256);
      junk.set([0x53, 0x44, 0x49, 0x00, 0x20, 0x31, 0x30, 0x00]);
      // codeOf rethrows anything that is not an InkError, failing the test
      codes.add(codeOf(() => importIso19794_7(junk, { sampleRateHz: 100 })));
    }
    expect(codes.has('TRUNCATED')).toBe(true);
    expect(codes.has('MALFORMED')).toBe(true);
  });

  it('gives typed errors for truncated, foreign and out-of-range data', () => {
    const bytes = exportIso19794_7(makePadDocument());
    for (const cut of [2, 7, 9, 11, 30, bytes.length - 1])
      expect(codeOf(() => readIsoRecord(bytes.subarray(0, cut)))).toBe('TRUNCATED');
    expect(codeOf(() => readIsoRecord(new TextEncoder().encode('FMR\0 20\0')))).toBe('BAD_MAGIC');
    const v2 = bytes.slice();
    v2.set([0x30, 0x32, 0x30, 0x00], 4);
    expect(codeOf(() => readIsoRecord(v2))).toBe('UNSUPPORTED_VERSION');
    const noY = bytes.slice();
    noY[8] = 0x80;
    expect(codeOf(() => readIsoRecord(noY))).toBe('MALFORMED');
    expect(codeOf(() => writeIsoRecord({ descriptions: [], values: { x: [40_000], y: [0] }, sampleCount: 1 }))).toBe(
      'VALUE_OUT_OF_RANGE',
    );
    expect(codeOf(() => exportIso19794_7({ ...makePadDocument(), strokes: [] }))).toBe('EMPTY_INK');
  });
});
