import { describe, expect, it } from 'vitest';
import {
  checkSignatureValidity,
  createInkDocument,
  getBoundingBox,
  getDuration,
  getKinematicSeries,
  getPathLength,
  getPenDownDuration,
  getVisibleStrokes,
  measureSampleRate,
  resampleStroke,
  type TInkSample,
} from '../src/index';
import { makePadDocument } from './sample-documents';

const context = makePadDocument().context;
const line = (n: number, dt: number, f: (i: number) => [number, number], t0 = 1000): TInkSample[] =>
  Array.from({ length: n }, (_, i) => ({ t: t0 + i * dt, x: f(i)[0], y: f(i)[1], pressure: 0.5 }));
const docOf = (...strokes: TInkSample[][]) =>
  createInkDocument(
    context,
    strokes.map((samples, id) => ({ id, samples })),
  );

describe('geometry and metrics', () => {
  it('measures box, length, duration and rate', () => {
    const doc = docOf(
      line(11, 5, (i) => [i * 30, 0]),
      line(5, 5, (i) => [0, 100 + i * 40], 1080),
    );
    expect(getBoundingBox(getVisibleStrokes(doc).flatMap((s) => s.samples))).toEqual({
      minX: 0,
      minY: 0,
      maxX: 300,
      maxY: 260,
      width: 300,
      height: 260,
    });
    expect(getPathLength(doc.strokes)).toBe(300 + 160);
    expect(getDuration(doc.strokes)).toBe(100);
    expect(getPenDownDuration(doc.strokes)).toBe(70);
    expect(measureSampleRate(doc.strokes)).toBe(200);
  });

  it('derives speed and acceleration series', () => {
    const doc = docOf(line(6, 10, (i) => [i * i * 10, 0]));
    const series = getKinematicSeries(doc.strokes);
    expect(series).toHaveLength(6);
    expect(series[2]!.speed).toBeCloseTo(((90 - 10) / 20) * 1000);
    expect(series[3]!.acceleration).toBeGreaterThan(0);
  });

  it('resamples by time with linear interpolation', () => {
    const stroke = { id: 0, samples: line(3, 10, (i) => [i * 10, 0]) };
    const out = resampleStroke(stroke, 5).samples;
    expect(out.map((s) => s.t)).toEqual([1000, 1005, 1010, 1015, 1020]);
    expect(out[1]!.x).toBeCloseTo(5);
  });

  it('hides cleared and undone strokes but keeps them', () => {
    const doc = docOf(
      line(3, 5, (i) => [i, i]),
      line(3, 5, (i) => [i, 9]),
    );
    doc.events.push({ t: 2000, kind: 'undo', strokeIds: [1] });
    expect(getVisibleStrokes(doc).map((s) => s.id)).toEqual([0]);
    expect(doc.strokes).toHaveLength(2);
  });
});

describe('signature validity', () => {
  const codes = (doc: ReturnType<typeof docOf>, options = {}) =>
    checkSignatureValidity(doc, options).reasons.map((r) => r.code);

  it('accepts a real signature', () => {
    const result = checkSignatureValidity(makePadDocument());
    expect(result).toEqual({ isValid: true, reasons: [] });
  });

  it('refuses empty, dot, straight line and too fast ink with bilingual reasons', () => {
    expect(codes(docOf())).toEqual(['EMPTY']);
    expect(codes(docOf(line(200, 5, (i) => [5000 + (i % 3) * 20, 3000])))).toEqual(['DOT']);
    expect(codes(docOf(line(200, 5, (i) => [1000 + i * 30, 2000 + i * 5 + (i % 2)])))).toEqual(['STRAIGHT_LINE']);
    const quick = docOf(line(20, 5, (i) => [1000 + i * 200, 2000 + Math.sin(i) * 800]));
    expect(codes(quick)).toEqual(['TOO_FAST']);
    expect(codes(quick, { minDurationMs: 50 })).toEqual([]);
    const message = checkSignatureValidity(quick).reasons[0]!.message;
    expect(message.indexOf('签名')).toBeLessThan(message.indexOf('signature'));
  });

  it('ignores undone ink when judging', () => {
    const doc = makePadDocument();
    doc.events.push({ t: 0, kind: 'clear', strokeIds: doc.strokes.map((s) => s.id) });
    expect(codes(doc)).toEqual(['EMPTY']);
  });
});
