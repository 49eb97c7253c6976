import { describe, expect, it } from 'vitest';
import { InkSession, isDuplicateSample, PalmRejection, toInkSample, toPointerKind } from '../src/index';

const context = {
  source: { kind: 'pen' as const },
  units: { name: 'css-px', perMm: 96 / 25.4 },
  surface: { width: 400, height: 200 },
  sampleRate: {},
  pressure: { kind: 'real' as const },
  time: { source: 'performance' as const, originMs: 1000 },
};

describe('pointer samples', () => {
  const pen = {
    pointerType: 'pen',
    timeStamp: 12.5,
    clientX: 110.25,
    clientY: 60.5,
    pressure: 0.42,
    tiltX: 30,
    tiltY: -5,
    twist: 90,
    buttons: 1,
  };

  it('stamps timeOrigin + event.timeStamp and keeps tilt/twist for pens only', () => {
    expect(toInkSample(pen, { left: 10, top: 20 }, 1_700_000_000_000.5)).toEqual({
      t: 1_700_000_000_013,
      x: 100.25,
      y: 40.5,
      pressure: 0.42,
      tiltX: 30,
      tiltY: -5,
      twist: 90,
      buttons: 1,
    });
    const touch = toInkSample({ ...pen, pointerType: 'touch' }, { left: 0, top: 0 }, 0);
    expect(touch.tiltX).toBeUndefined();
    expect(toPointerKind('touch')).toBe('touch');
    expect(toPointerKind('unknown')).toBe('mouse');
  });

  it('drops only true repeats (pointermove replaying pointerrawupdate), never nearby points', () => {
    const a = toInkSample(pen, { left: 0, top: 0 }, 0);
    const b = { ...a, x: a.x + 3 };
    // regression: rawupdate delivered A, B with one timestamp; pointermove's coalesced list repeats A, B
    expect(isDuplicateSample([a, b], { ...a })).toBe(true);
    expect(isDuplicateSample([a, b], { ...b })).toBe(true);
    expect(isDuplicateSample([a, b], { ...a, x: a.x + 0.01 })).toBe(false);
    expect(isDuplicateSample([a, b], { ...a, t: a.t + 0.1 })).toBe(false);
    // regression: after a long stall the repeats reach further back than any fixed window
    expect(isDuplicateSample([{ ...a, t: a.t + 500 }], { ...a, x: a.x + 9 })).toBe(true);
  });
});

describe('palm rejection', () => {
  it('ignores touch while a pen is near, and a second pointer while one is inking', () => {
    const palm = new PalmRejection({ penWindowMs: 500 });
    palm.notePointer('pen', 100);
    expect(palm.canStart(2, 'touch', 300)).toBe(false);
    expect(palm.canStart(1, 'pen', 310)).toBe(true);
    expect(palm.canStart(3, 'mouse', 320)).toBe(false);
    palm.release(1);
    expect(palm.canStart(2, 'touch', 900)).toBe(true);
    const off = new PalmRejection({ penWindowMs: 0 });
    off.notePointer('pen', 100);
    expect(off.canStart(2, 'touch', 101)).toBe(true);
  });
});

describe('ink session', () => {
  it('hands samples later than a lift over to the next stroke', () => {
    const session = new InkSession(context);
    session.beginStroke('pen');
    for (const t of [10, 20, 30, 40]) session.addSample({ t, x: t, y: 0, pressure: 0.5 });
    expect(session.takeSamplesAfter(25).map((s) => s.t)).toEqual([30, 40]);
    session.endStroke();
    expect(session.toDocument().strokes[0]!.samples.map((s) => s.t)).toEqual([10, 20]);
    expect(session.takeSamplesAfter(0)).toEqual([]);
  });

  it('builds strokes and records clear/undo as events without deleting ink', () => {
    const session = new InkSession(context);
    let changes = 0;
    session.onChange(() => changes++);
    for (const id of [0, 1, 2]) {
      session.beginStroke('pen');
      session.addSample({ t: 1000 + id * 100, x: id, y: id, pressure: 0.5 });
      session.addSample({ t: 1005 + id * 100, x: id + 1, y: id, pressure: 0.5 });
      session.endStroke();
    }
    session.undo(2000);
    session.clear(2100);
    session.undo(2200);
    const doc = session.toDocument();
    expect(doc.strokes).toHaveLength(3);
    expect(doc.events).toEqual([
      { t: 2000, kind: 'undo', strokeIds: [2] },
      { t: 2100, kind: 'clear', strokeIds: [0, 1] },
      { t: 2200, kind: 'undo', strokeIds: [] },
    ]);
    expect(doc.context.sampleRate.measuredHz).toBe(200);
    expect(changes).toBeGreaterThan(6);
  });
});
