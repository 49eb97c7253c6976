import type { TInkDocument } from '@inkproof/ink';
import { encodeEsp370uReport } from '../pads/hanvon/esp370u-reports';
import { encodePenDataTimeCountSequence } from '../pads/wacom-stu/stu-reports';
import type { PadReportStream } from './install-fake-hid';

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

interface Tick {
  t: number;
  x: number;
  y: number;
  raw: number;
  isDown: boolean;
}

/**
 * The report-by-report timeline a pad would send for a document in its own units (0.01 mm, raw pressure
 * = pressure × maxPressure): 20 hover reports before, every sample as a tip-down report, hover reports
 * across pen-up gaps (interpolated), and 20 hover reports after — all at the pad's fixed period.
 */
function toTicks(doc: TInkDocument, rateHz: number, maxPressure: number): Tick[] {
  const period = 1000 / rateHz;
  const strokes = doc.strokes.filter((s) => s.samples.length > 0);
  const ticks: Tick[] = [];
  const first = strokes[0]!.samples[0]!;
  for (let k = 20; k > 0; k--) ticks.push({ t: first.t - k * period, x: first.x, y: first.y, raw: 0, isDown: false });
  strokes.forEach((stroke, i) => {
    for (const s of stroke.samples)
      ticks.push({ t: s.t, x: s.x, y: s.y, raw: Math.round(s.pressure * maxPressure), isDown: true });
    const next = strokes[i + 1]?.samples[0];
    const last = stroke.samples.at(-1)!;
    const end = next ? next.t : last.t + 21 * period;
    for (let t = last.t + period; t < end - period / 2; t += period) {
      const k = next ? (t - last.t) / (next.t - last.t) : 0;
      ticks.push({
        t,
        x: Math.round(last.x + (next ? next.x - last.x : 0) * k),
        y: Math.round(last.y + (next ? next.y - last.y : 0) * k),
        raw: 0,
        isDown: false,
      });
    }
  });
  return ticks;
}

/** STU-540 report 0x34 stream; the time counter starts at `counterStart` (default 64000, so it wraps). */
export function buildStuReportStream(
  doc: TInkDocument,
  options: { rateHz?: number; counterStart?: number; description?: string } = {},
): PadReportStream {
  const rateHz = options.rateHz ?? 200;
  const ticks = toTicks(doc, rateHz, 1023);
  const t0 = ticks[0]!.t;
  const counterStart = options.counterStart ?? 64_000;
  const reports = ticks.map((tick, sequence): [number, number, string] => [
    Math.round((tick.t - t0) * 1000) / 1000,
    0x34,
    toHex(
      encodePenDataTimeCountSequence({
        rdy: true,
        sw: tick.isDown ? 1 : 0,
        pressure: tick.raw,
        x: tick.x,
        y: tick.y,
        timeCount: (counterStart + Math.round(tick.t - t0)) & 0xffff,
        sequence: sequence & 0xffff,
      }),
    ),
  ]);
  return { model: 'stu-540', rateHz, reports, ...(options.description ? { description: options.description } : {}) };
}

/** Hanvon ESP370U report 2 stream (down on the first tip sample, up after the last). */
export function buildEsp370uReportStream(
  doc: TInkDocument,
  options: { rateHz?: number; description?: string } = {},
): PadReportStream {
  const rateHz = options.rateHz ?? 200;
  const ticks = toTicks(doc, rateHz, 1023);
  const t0 = ticks[0]!.t;
  const reports: [number, number, string][] = [];
  ticks.forEach((tick, i) => {
    const previous = ticks[i - 1];
    const state = tick.isDown && !previous?.isDown ? 'down' : !tick.isDown && previous?.isDown ? 'up' : 'move';
    reports.push([
      Math.round((tick.t - t0) * 1000) / 1000,
      2,
      toHex(encodeEsp370uReport({ state, x: tick.x, y: tick.y, pressure: tick.raw }, tick.isDown ? 0xa1 : 0xa0)),
    ]);
  });
  return { model: 'esp370u', rateHz, reports, ...(options.description ? { description: options.description } : {}) };
}
