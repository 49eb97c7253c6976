// `npm run bench -w @inkproof/ink-capture`: drives the built demo in Debian chromium and prints, per input path,
// `ink-fidelity source=<pen|touch|pad> sent=N kept=M` and the event-to-ink latency of the live canvas.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TInkDocument } from '@inkproof/ink';
import { chromium, type Page } from '@playwright/test';
import { buildDemo } from '../demo/build';
import { startDemoServer } from '../e2e/demo-server';
import { drawWithPen, drawWithTouch, penPath, surfaceOrigin } from '../e2e/input-drivers';
import { decodePenDataTimeCountSequence } from '../src/pads/wacom-stu/stu-reports';
import { fakeHidInitScript, type PadReportStream } from '../src/sim/install-fake-hid';

const here = dirname(fileURLToPath(import.meta.url));
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

type Demo = { inkDemo: { getDocument(): TInkDocument; getLatencies(): number[] } };
const keptCount = async (page: Page) =>
  page.evaluate(() =>
    (globalThis as unknown as Demo).inkDemo.getDocument().strokes.reduce((n, s) => n + s.samples.length, 0),
  );
const latencies = async (page: Page) => page.evaluate(() => (globalThis as unknown as Demo).inkDemo.getLatencies());

function report(source: string, sent: number, kept: number, lat: number[]): void {
  const sorted = lat.slice().sort((a, b) => a - b);
  const pick = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : Number.NaN;
  console.log(`ink-fidelity source=${source} sent=${sent} kept=${kept}`);
  console.log(
    `render-latency source=${source} p50=${pick(0.5).toFixed(1)}ms p95=${pick(0.95).toFixed(1)}ms max=${pick(1).toFixed(1)}ms (event timeStamp → ink painted into the canvas, shown at the next frame; headless chromium, no GPU)`,
  );
}

const server = await startDemoServer(await buildDemo());
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  for (const source of ['pen', 'touch'] as const) {
    const page = await browser.newPage();
    await page.goto(server.url);
    const cdp = await page.context().newCDPSession(page);
    const origin = await surfaceOrigin(page);
    const strokes = penPath(3, 240);
    const sent =
      source === 'pen' ? await drawWithPen(cdp, origin, strokes, 240) : await drawWithTouch(cdp, origin, strokes, 120);
    await page.waitForTimeout(100);
    report(source, sent.length, await keptCount(page), await latencies(page));
    await page.close();
  }
  const stream = JSON.parse(
    readFileSync(join(here, '..', 'fixtures', 'stu-540-signature.json'), 'utf8'),
  ) as PadReportStream;
  const page = await browser.newPage();
  await page.addInitScript(fakeHidInitScript({ stream }));
  await page.goto(server.url);
  await page.check('input[value=hid-stu]');
  await page.click('#connect');
  await page.evaluate(
    () => (globalThis as unknown as { __inkproofFakeHid: { finished: Promise<number> } }).__inkproofFakeHid.finished,
  );
  await page.waitForTimeout(100);
  const down = stream.reports.filter(([, , hex]) => {
    const p = decodePenDataTimeCountSequence(Uint8Array.from(hex.match(/../g)!.map((h) => Number.parseInt(h, 16))));
    return p.rdy && p.sw !== 0;
  }).length;
  report('pad', down, await keptCount(page), await latencies(page));
} finally {
  await browser.close();
  await server.close();
}
