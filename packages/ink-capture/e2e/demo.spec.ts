import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TInkDocument, TInkSample } from '@inkproof/ink';
import { expect, type Page, test } from '@playwright/test';
import { buildDemo } from '../demo/build';
import { decodeEsp370uReport } from '../src/pads/hanvon/esp370u-reports';
import { decodePenDataTimeCountSequence } from '../src/pads/wacom-stu/stu-reports';
import type { PadReportStream } from '../src/sim/install-fake-hid';
import { fakeHidInitScript } from '../src/sim/install-fake-hid';
import { startDemoServer } from './demo-server';
import { drawWithPen, drawWithTouch, penPath, type SentSample, surfaceOrigin } from './input-drivers';

const here = dirname(fileURLToPath(import.meta.url));
let server: Awaited<ReturnType<typeof startDemoServer>>;

test.beforeAll(async () => {
  server = await startDemoServer(await buildDemo());
});
test.afterAll(async () => server?.close());

const recorded = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { inkDemo: { getDocument(): TInkDocument } }).inkDemo.getDocument());

function compareOneByOne(kept: TInkSample[], sent: SentSample[], options: { tilt: boolean }) {
  const firstMismatch = sent.findIndex(
    (s, i) => !kept[i] || Math.abs(kept[i]!.x - s.x) > 0.05 || Math.abs(kept[i]!.y - s.y) > 0.05,
  );
  expect(kept, `kept ${kept.length} of ${sent.length}; first mismatch at ${firstMismatch}`).toHaveLength(sent.length);
  kept.forEach((k, i) => {
    const s = sent[i]!;
    expect(k.x, `sample ${i} x`).toBeCloseTo(s.x, 1);
    expect(k.y, `sample ${i} y`).toBeCloseTo(s.y, 1);
    expect(k.pressure, `sample ${i} pressure`).toBeCloseTo(s.pressure, 3);
    if (options.tilt) {
      // +0 folds the -0 Chromium reports for a zero tilt.
      expect((k.tiltX ?? Number.NaN) + 0, `sample ${i} tiltX`).toBe(s.tiltX);
      expect((k.tiltY ?? Number.NaN) + 0, `sample ${i} tiltY`).toBe(s.tiltY);
    }
    if (i > 0) expect(k.t).toBeGreaterThanOrEqual(kept[i - 1]!.t);
  });
}

test('pen at 240 Hz with pressure and tilt: every sample kept, one by one', async ({ page }) => {
  await page.goto(server.url);
  const cdp = await page.context().newCDPSession(page);
  const sent = await drawWithPen(cdp, await surfaceOrigin(page), penPath(2, 180), 240);
  const doc = await recorded(page);
  expect(doc.context.source.kind).toBe('pen');
  expect(doc.context.pressure.kind).toBe('real');
  expect(doc.strokes).toHaveLength(2);
  compareOneByOne(
    doc.strokes.flatMap((s) => s.samples),
    sent,
    { tilt: true },
  );
  const t = doc.strokes[0]!.samples.map((s) => s.t);
  expect(Math.abs(t[0]! - Date.now())).toBeLessThan(60_000);
});

test('touch: every sample kept, pressure flagged synthetic', async ({ page }) => {
  await page.goto(server.url);
  const cdp = await page.context().newCDPSession(page);
  const strokes = penPath(2, 90).map((s) => s.map(({ x, y, pressure }) => ({ x, y, pressure })));
  const sent = await drawWithTouch(cdp, await surfaceOrigin(page), strokes);
  const doc = await recorded(page);
  expect(doc.context.source.kind).toBe('touch');
  expect(doc.context.pressure.kind).toBe('synthetic');
  compareOneByOne(
    doc.strokes.flatMap((s) => s.samples),
    sent,
    { tilt: false },
  );
});

test('palm rejection: touch is ignored while a pen hovers, accepted once it has left', async ({ page }) => {
  await page.goto(server.url);
  const cdp = await page.context().newCDPSession(page);
  const origin = await surfaceOrigin(page);
  const palm = penPath(1, 30).map((s) => s.map(({ x, y, pressure }) => ({ x, y, pressure })));
  await cdp.send('Input.dispatchMouseEvent', {
    type: 'mouseMoved',
    x: origin.x + 300,
    y: origin.y + 60,
    buttons: 0,
    pointerType: 'pen',
  });
  await drawWithTouch(cdp, origin, palm);
  expect((await recorded(page)).strokes).toHaveLength(0);
  await page.waitForTimeout(700);
  const sent = await drawWithTouch(cdp, origin, palm);
  const doc = await recorded(page);
  expect(doc.strokes).toHaveLength(1);
  expect(doc.strokes[0]!.samples).toHaveLength(sent.length);
});

test('simulated STU-540 at 200 reports/s: every pen-down report kept with the pad clock', async ({ page }) => {
  const stream = JSON.parse(
    readFileSync(join(here, '..', 'fixtures', 'stu-540-signature.json'), 'utf8'),
  ) as PadReportStream;
  await page.addInitScript(fakeHidInitScript({ stream }));
  await page.goto(server.url);
  await page.check('input[value=hid-stu]');
  await page.click('#connect');
  await expect(page.locator('#status')).toContainText('STU-540', { timeout: 20_000 });
  const sent = await page.evaluate(
    () => (globalThis as unknown as { __inkproofFakeHid: { finished: Promise<number> } }).__inkproofFakeHid.finished,
  );
  expect(sent).toBe(stream.reports.length);
  const down = stream.reports
    .map(([, , hex]) =>
      decodePenDataTimeCountSequence(Uint8Array.from(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)))),
    )
    .filter((p) => p.rdy && p.sw !== 0);
  const doc = await recorded(page);
  const kept = doc.strokes.flatMap((s) => s.samples);
  expect(kept).toHaveLength(down.length);
  let wraps = 0;
  kept.forEach((s, i) => {
    const p = down[i]!;
    if (i > 0 && p.timeCount < down[i - 1]!.timeCount) wraps += 65_536;
    expect([s.x, s.y, Math.round(s.pressure * 1023)]).toEqual([p.x, p.y, p.pressure]);
    expect(s.t - kept[0]!.t).toBeCloseTo(p.timeCount + wraps - down[0]!.timeCount, 6);
  });
  const log = await page.evaluate(() =>
    (
      globalThis as unknown as { __inkproofFakeHid: { featureLog: { reportId: number }[] } }
    ).__inkproofFakeHid.featureLog.map((f) => f.reportId),
  );
  expect(log).toEqual(expect.arrayContaining([0x32, 0x25, 0x26, 0x27, 0x2a, 0x21]));
});

test('demo switch "simulated ESP370U": host-timed samples, every pen-down report kept', async ({ page }) => {
  const stream = JSON.parse(
    readFileSync(join(here, '..', 'fixtures', 'esp370u-signature.json'), 'utf8'),
  ) as PadReportStream;
  await page.goto(server.url);
  await page.check('input[value=sim-esp]');
  await page.click('#connect');
  await page.evaluate(
    () => (globalThis as unknown as { __inkproofFakeHid: { finished: Promise<number> } }).__inkproofFakeHid.finished,
  );
  let down = false;
  const expected = stream.reports
    .map(([, , hex]) => decodeEsp370uReport(Uint8Array.from(hex.match(/../g)!.map((h) => Number.parseInt(h, 16)))))
    .filter((r) => {
      if (r.state === 'down') down = true;
      if (r.state === 'up') down = false;
      return down;
    });
  const doc = await recorded(page);
  const kept = doc.strokes.flatMap((s) => s.samples);
  expect(kept.map((s) => [s.x, s.y, Math.round(s.pressure * 1023)])).toEqual(
    expected.map((r) => [r.x, r.y, r.pressure]),
  );
  expect(doc.context.time.source).toBe('host');
});

test('downloads JSON, binary, ISO 19794-7, SVG and PDF after drawing', async ({ page }) => {
  await page.goto(server.url);
  const cdp = await page.context().newCDPSession(page);
  await drawWithPen(cdp, await surfaceOrigin(page), penPath(1, 120), 240);
  const sizes: Record<string, number> = {};
  for (const format of ['json', 'bin', 'iso', 'svg', 'pdf']) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-format=${format}]`)]);
    const path = await download.path();
    const bytes = readFileSync(path!);
    sizes[format] = bytes.length;
    if (format === 'iso') expect([...bytes.subarray(0, 4)]).toEqual([0x53, 0x44, 0x49, 0]);
    if (format === 'pdf') expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (format === 'svg') expect(bytes.toString()).toContain('<path d="M');
  }
  expect(sizes.bin!).toBeLessThan(sizes.json!);
});
