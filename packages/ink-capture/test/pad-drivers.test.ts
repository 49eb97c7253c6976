import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildStuReportStream,
  decodeEsp370uReport,
  decodePenDataTimeCountSequence,
  encodePenDataTimeCountSequence,
  fakeHidInitScript,
  HanvonEsp370uDriver,
  layoutPadPrompt,
  type PadAction,
  PadInkRecorder,
  type PadReportStream,
  WacomStuDriver,
} from '../src/index';
import { fastForward, installFakeHidInNode } from './fake-hid-env';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8')) as PadReportStream;
const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)));

describe('Wacom STU driver against the simulated STU-540', () => {
  it('reads capabilities, uploads the prompt and keeps every pen-down report as one sample', async () => {
    const stream = fixture('stu-540-signature.json');
    const { hid, handle } = installFakeHidInNode({ stream: fastForward(stream, 20) });
    const driver = new WacomStuDriver({ hid });
    const caps = await driver.connect();
    expect(caps).toMatchObject({
      model: 'Wacom STU-540',
      maxX: 10_800,
      maxY: 6480,
      maxPressure: 1023,
      screen: { width: 800, height: 480 },
      reportRateHz: 200,
      hasDeviceClock: true,
    });
    expect(caps.unitsPerMm).toBeCloseTo(100, 9);
    const layout = layoutPadPrompt(caps.screen!);
    const image = { width: 800, height: 480, data: new Uint8Array(800 * 480 * 4).fill(255) };
    await driver.showPrompt({ ...layout, image });
    const ids = handle.featureLog.map((f) => f.reportId);
    expect(ids).toEqual(expect.arrayContaining([0x32, 0x25, 0x26, 0x27, 0x2a]));
    expect(handle.featureLog.find((f) => f.reportId === 0x25)!.bytes).toEqual([0x04]);
    expect(handle.imageBytes).toBe(800 * 480 * 3);
    const recorder = new PadInkRecorder(driver, caps, {}, () => layout.buttons);
    await driver.startCapture();
    const sent = await handle.finished;
    expect(sent).toBe(stream.reports.length);

    const down = stream.reports
      .map(([, , hex]) => decodePenDataTimeCountSequence(hexBytes(hex)))
      .filter((p) => p.rdy && p.sw !== 0);
    const doc = recorder.toDocument();
    const kept = doc.strokes.flatMap((s) => s.samples);
    expect(kept).toHaveLength(down.length);
    expect(recorder.stats.kept).toBe(down.length);
    const t0 = kept[0]!.t;
    let wraps = 0;
    kept.forEach((s, i) => {
      const p = down[i]!;
      if (i > 0 && p.timeCount < down[i - 1]!.timeCount) wraps += 65_536;
      expect([s.x, s.y, s.pressure * 1023]).toEqual([p.x, p.y, p.pressure]);
      expect(s.t - t0).toBeCloseTo(p.timeCount + wraps - down[0]!.timeCount, 6);
    });
    expect(doc.context).toMatchObject({
      source: { kind: 'pad', model: 'Wacom STU-540' },
      pressure: { kind: 'real', levels: 1024 },
      time: { source: 'device-counter' },
    });
    await driver.disconnect();
  });

  it('maps pen taps on the OK / Clear areas to actions and keeps cleared ink as evidence', async () => {
    const layout = layoutPadPrompt({ width: 800, height: 480 });
    const tapAt = (area: { x: number; y: number; width: number; height: number }) => ({
      x: Math.round(((area.x + area.width / 2) * 10_800) / 800),
      y: Math.round(((area.y + area.height / 2) * 6480) / 480),
    });
    const report = (t: number, sw: number, p: { x: number; y: number }, pressure = 300): [number, number, string] => [
      t,
      0x34,
      Array.from(
        encodePenDataTimeCountSequence({
          rdy: true,
          sw,
          pressure: sw ? pressure : 0,
          x: p.x,
          y: p.y,
          timeCount: t,
          sequence: t,
        }),
        (b) => b.toString(16).padStart(2, '0'),
      ).join(''),
    ];
    const ink = { x: 3000, y: 3000 };
    const clear = tapAt(layout.buttons.find((b) => b.action === 'clear')!);
    const ok = tapAt(layout.buttons.find((b) => b.action === 'ok')!);
    const stream: PadReportStream = {
      model: 'stu-540',
      rateHz: 200,
      reports: [
        report(0, 1, ink),
        report(1, 1, { x: 3100, y: 3050 }),
        report(2, 0, ink),
        report(3, 1, clear),
        report(4, 0, clear),
        report(5, 1, ink),
        report(6, 0, ink),
        report(7, 1, ok),
        report(8, 0, ok),
      ],
    };
    const { hid, handle } = installFakeHidInNode({ stream });
    const driver = new WacomStuDriver({ hid });
    const caps = await driver.connect();
    const actions: PadAction[] = [];
    let strokeEnds = 0;
    const recorder = new PadInkRecorder(
      driver,
      caps,
      { onAction: (a) => actions.push(a), onStrokeEnd: () => strokeEnds++ },
      () => layout.buttons,
    );
    await driver.startCapture();
    await handle.finished;
    expect(actions).toEqual(['clear', 'ok']);
    expect(strokeEnds).toBe(2);
    const doc = recorder.toDocument();
    expect(doc.strokes.map((s) => s.samples.length)).toEqual([2, 1]);
    expect(doc.events).toEqual([expect.objectContaining({ kind: 'clear', strokeIds: [0] })]);
    expect(handle.featureLog.some((f) => f.reportId === 0x20)).toBe(true);
  });
});

describe('Hanvon ESP370U driver against the simulated pad', () => {
  it('opens with feature 5, stamps host time and keeps every pen-down report', async () => {
    const stream = fixture('esp370u-signature.json');
    const { hid, handle } = installFakeHidInNode({ stream: fastForward(stream, 20) });
    const driver = new HanvonEsp370uDriver({ hid, maxX: 10_800, maxY: 6480 });
    const caps = await driver.connect();
    expect(caps.hasDeviceClock).toBe(false);
    const recorder = new PadInkRecorder(driver, caps);
    await driver.startCapture();
    await handle.finished;
    expect(handle.featureLog[0]).toEqual({ reportId: 5, bytes: [0x11, 0x70] });
    await driver.clear();
    expect(handle.featureLog.at(-1)).toEqual({ reportId: 5, bytes: [0x33, 0x70] });
    let down = false;
    const expected = stream.reports
      .map(([, , hex]) => decodeEsp370uReport(hexBytes(hex)))
      .filter((r) => {
        if (r.state === 'down') down = true;
        if (r.state === 'up') down = false;
        return down;
      });
    const kept = recorder.toDocument().strokes.flatMap((s) => s.samples);
    expect(kept.map((s) => [s.x, s.y, Math.round(s.pressure * 1023)])).toEqual(
      expected.map((r) => [r.x, r.y, r.pressure]),
    );
    expect(recorder.toDocument().context.time.source).toBe('host');
  });
});

describe('simulated pad script', () => {
  it('is self-contained: evaluates from its source text alone', () => {
    const stream = buildStuReportStream(JSON.parse(JSON.stringify(fixtureDoc())));
    const script = fakeHidInitScript({ stream, autoplay: false });
    const g = globalThis as unknown as { Navigator?: { prototype: object } };
    g.Navigator ??= class {} as unknown as { prototype: object };
    new Function(script)();
    expect((g.Navigator!.prototype as { hid: unknown }).hid).toBeDefined();
  });
});

function fixtureDoc() {
  return {
    mediaType: 'application/vnd.inkproof.ink+json',
    version: 1,
    context: {
      source: { kind: 'pad' },
      units: { name: '0.01mm', perMm: 100 },
      surface: { width: 10_800, height: 6480 },
      sampleRate: {},
      pressure: { kind: 'real', levels: 1024 },
      time: { source: 'device-counter' },
    },
    strokes: [{ id: 0, samples: [{ t: 0, x: 1, y: 2, pressure: 0.5 }] }],
    events: [],
  } as const;
}
