import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  type Request,
  test,
  type Worker,
} from '@playwright/test';
import { maskIdNumber } from '../../packages/idcard/src/index';
import { penSignOn, shot } from './helpers';
import { enrollKiosk, filmedCardNumber, launch, useFilmedIdCard } from './kiosk-helpers';
import { HIS_HEADERS } from './verify-outputs';

// The ID-card step reads the card on the device (tesseract.js in Web Workers, everything served by the product)
// while the server reads it; the server's reading stays the authoritative one.
useFilmedIdCard('inkproof-e2e-kiosk-ocr-prerun.mjpeg');
const cardNumber = () => filmedCardNumber();
const masked = () => maskIdNumber(filmedCardNumber());

/**
 * An enrolled kiosk that keeps every request it makes and every CSP violation (the OCR worker, core and models must
 * load under the kiosk's CSP).
 */
async function enrollWatchedKiosk(
  browser: Browser,
  deviceName: string,
): Promise<{ context: BrowserContext; kiosk: Page; requests: Request[] }> {
  const requests: Request[] = [];
  const { context, kiosk } = await enrollKiosk(browser, deviceName, {
    beforeEnroll: async (page) => {
      page.context().on('request', (r) => requests.push(r));
      await page.addInitScript(() => {
        const seen: string[] = [];
        (globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
        document.addEventListener('securitypolicyviolation', (e) =>
          seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
        );
      });
    },
  });
  return { context, kiosk, requests };
}

/** The HIS launches the surgery consent for 张建国 (ZY2026001); the kiosk shows it. */
async function launchSurgeryConsent(request: APIRequestContext, kiosk: Page): Promise<string> {
  const id = await launch(request, kiosk, ['surgery-consent']);
  await expect(kiosk.getByTestId('kiosk-envelope')).toContainText('手术知情同意书');
  return id;
}

const isOcrAsset = (url: string) => new URL(url).pathname.startsWith('/kiosk/ocr/');

/**
 * No load was blocked by the kiosk's CSP. zod probes once whether `new Function` works (caught; it then validates
 * without generated code): that `eval` report from the app bundle is expected and is no load.
 */
async function expectNoCspViolation(kiosk: Page) {
  const seen = await kiosk.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(seen.filter((v) => !/^script-src eval \S+\/kiosk\/assets\/index-[\w-]+\.js:/.test(v))).toEqual([]);
}

/** Every request went to the product's own origin; the OCR worker, a wasm core and both models among them. */
function expectOwnOriginOnly(requests: Request[], baseURL: string) {
  const origin = new URL(baseURL).origin;
  const urls = requests.map((r) => r.url()).filter((u) => !u.startsWith('data:'));
  expect(urls.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  const assets = urls.filter(isOcrAsset).map((u) => new URL(u).pathname.slice('/kiosk/ocr/'.length));
  expect(assets).toContain('worker.min.js');
  expect(assets.some((a) => /^tesseract-core(-simd|-relaxedsimd)?-lstm\.wasm\.js$/.test(a))).toBe(true);
  expect(assets).toEqual(expect.arrayContaining(['chi_sim.traineddata', 'eng.traineddata']));
}

/** The OCR Web Workers of the page (pdf.js has its own worker), as they start and stop. */
function trackOcrWorkers(kiosk: Page): { running: () => number; started: () => number } {
  const live = new Set<Worker>();
  let started = 0;
  kiosk.on('worker', (worker) => {
    if (!isOcrAsset(worker.url())) return;
    started++;
    live.add(worker);
    worker.on('close', () => live.delete(worker));
  });
  return { running: () => live.size, started: () => started };
}

test('the device reading (masked number) appears first; the server answer replaces it and alone decides the match', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const { context, kiosk, requests } = await enrollWatchedKiosk(browser, '01床本机识别');
  const workers = trackOcrWorkers(kiosk);
  await launchSurgeryConsent(request, kiosk);
  await kiosk.getByRole('button', { name: '开始' }).click();
  // The patient signs personally (the card filmed is someone else's) and refuses biometric processing.
  await kiosk.getByRole('button', { name: '下一步' }).click();
  await expect(kiosk.getByTestId('step-consent')).toBeVisible();
  // Nothing of the OCR is loaded before the ID-card step: not at page load, idle or in the first steps.
  expect(requests.map((r) => r.url()).filter(isOcrAsset)).toEqual([]);
  expect(workers.started()).toBe(0);
  await kiosk.getByRole('button', { name: '我不同意' }).click();
  await expect(kiosk.getByTestId('step-idcard')).toBeVisible();

  // The server's answer is held back until the device reading is on screen.
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let serverOcrRequests = 0;
  await kiosk.route(
    (url) => url.pathname === '/api/device/idcard/ocr',
    async (route) => {
      serverOcrRequests++;
      await held;
      await route.continue();
    },
  );
  await expect(kiosk.getByTestId('step-idcard')).toHaveAttribute('data-local-ocr', 'ready', { timeout: 60_000 });
  await kiosk.getByRole('button', { name: '拍照' }).click();

  const fields = kiosk.getByTestId('idcard-fields');
  await expect(fields).toHaveAttribute('data-source', 'device', { timeout: 60_000 });
  await expect(fields).toContainText(masked());
  await expect(kiosk.getByTestId('idcard-preliminary')).toBeVisible();
  await expect(kiosk.getByRole('button', { name: '信息正确，继续' })).toBeDisabled();
  // No match claimed on the device's reading.
  await expect(kiosk.getByText('与患者登记信息')).toHaveCount(0);
  expect(serverOcrRequests).toBe(1);
  await shot(kiosk, 'kiosk-idcard-preliminary');
  // Masked on screen: the full number appears nowhere on the page.
  expect(await kiosk.locator('body').textContent()).not.toContain(cardNumber());

  release();
  await expect(fields).toHaveAttribute('data-source', 'server', { timeout: 60_000 });
  await expect(fields).toContainText(masked());
  await expect(kiosk.getByTestId('idcard-preliminary')).toHaveCount(0);
  await expect(kiosk.getByText('与患者登记信息不一致')).toBeVisible();
  await expect(kiosk.getByRole('button', { name: '信息正确，继续' })).toBeDisabled();
  expect(workers.started()).toBeGreaterThan(0);
  expect(workers.running()).toBeGreaterThan(0);
  await kiosk.getByRole('button', { name: /保留照片由医护人员核对/ }).click();
  await expect(kiosk.getByTestId('step-read')).toBeVisible();
  // Leaving the step ends the on-device reader: its workers are terminated.
  await expect.poll(() => workers.running()).toBe(0);

  expectOwnOriginOnly(requests, baseURL!);
  await expectNoCspViolation(kiosk);
  await context.close();
});

test('offline at the ID-card step, the device reading can be confirmed and the submission says it was local', async ({
  browser,
  request,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const { context, kiosk, requests } = await enrollWatchedKiosk(browser, '01床离线识别');
  const envelopeId = await launchSurgeryConsent(request, kiosk);
  await kiosk.getByRole('button', { name: '开始' }).click();
  await kiosk.getByText('监护人', { exact: true }).click();
  await kiosk.fill('#signer-name', '张伟');
  await kiosk.fill('#signer-relationship', '儿子');
  await kiosk.fill('#signer-reason', '患者意识不清或无民事行为能力');
  await kiosk.getByRole('button', { name: '下一步' }).click();
  await kiosk.getByRole('button', { name: '我不同意' }).click();

  // The models are loaded while online (the step starts the reader); then the network goes.
  await expect(kiosk.getByTestId('step-idcard')).toHaveAttribute('data-local-ocr', 'ready', { timeout: 60_000 });
  await context.setOffline(true);
  await kiosk.getByRole('button', { name: '拍照' }).click();
  const fields = kiosk.getByTestId('idcard-fields');
  await expect(fields).toHaveAttribute('data-source', 'device', { timeout: 60_000 });
  await expect(fields).toContainText(masked());
  await expect(kiosk.getByTestId('idcard-local-only')).toBeVisible();
  await expect(kiosk.getByTestId('idcard-preliminary')).toHaveCount(0);
  await shot(kiosk, 'kiosk-idcard-offline-local');
  // Back online for the rest of the sitting (the reading step loads pdf.js's worker), the device reading confirmed;
  // the submission carries how the card was read.
  await context.setOffline(false);
  await kiosk.getByRole('button', { name: '信息正确，继续' }).click();
  await expect(kiosk.getByTestId('step-read')).toBeVisible();
  const step = kiosk.getByTestId('step-read');
  await expect(step.locator('canvas[data-rendered="true"]').first()).toBeVisible({ timeout: 30_000 });
  await step.getByTestId('reader').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  for (const box of await step.locator('.notice-accept input').all()) await box.check();
  const quiz = step.getByTestId('quiz');
  if (await quiz.count()) await quiz.locator('label').first().click();
  await kiosk.clock.fastForward('02:00');
  await step.getByRole('button', { name: '已阅读，去签名' }).click();
  await penSignOn(kiosk, kiosk.getByTestId('sign-surface'));
  await kiosk.getByRole('button', { name: '确认签名' }).click();
  await kiosk.getByRole('button', { name: '跳过此步' }).click();
  await expect(kiosk.getByTestId('step-confirm')).toBeVisible();
  const submitted = kiosk.waitForRequest(
    (r) => new URL(r.url()).pathname === '/api/device/submissions' && r.method() === 'POST',
  );
  await kiosk.getByRole('button', { name: '确认提交' }).click();
  const body = (await submitted).postDataJSON() as {
    identity: { idCard?: { ocr: Record<string, unknown>; confirmed: boolean } };
    timeline: { type: string; detail?: Record<string, unknown> }[];
  };
  expect(body.identity.idCard?.confirmed).toBe(true);
  expect(body.identity.idCard?.ocr).toMatchObject({ source: 'device', idNumberMasked: masked(), idNumberValid: true });
  expect(body.timeline.find((e) => e.type === 'identity.idcard')?.detail).toMatchObject({ source: 'device' });
  expect(body.timeline.find((e) => e.type === 'identity.idcard.local-reading')?.detail).toMatchObject({
    idNumberValid: true,
  });
  // The device never sends the number it read, only its masked form.
  expect(JSON.stringify(body)).not.toContain(cardNumber());
  await expect(kiosk.getByTestId('kiosk-done')).toContainText('已完成');
  // The server accepts it (and re-reads the stored photo when it seals).
  await expect
    .poll(async () => {
      const res = await request.get(`/api/v1/envelopes/${envelopeId}`, {
        headers: HIS_HEADERS,
      });
      const env = (await res.json()) as { signers: { role: string; status: string }[] };
      return env.signers.find((s) => s.role !== 'doctor')?.status;
    })
    .toBe('signed');

  expectOwnOriginOnly(requests, baseURL!);
  await expectNoCspViolation(kiosk);
  await context.close();
});

test('the OCR assets are served from the product: listed files only, long-cached, typed', async ({ request }) => {
  const worker = await request.get('/kiosk/ocr/worker.min.js');
  expect(worker.status()).toBe(200);
  expect(worker.headers()['content-type']).toBe('text/javascript; charset=utf-8');
  expect(worker.headers()['cache-control']).toBe('public, max-age=604800, stale-while-revalidate=2592000');
  expect(worker.headers()['content-security-policy']).toContain("connect-src 'self'");
  expect((await worker.body()).length).toBeGreaterThan(50_000);
  const etag = worker.headers().etag!;
  expect((await request.get('/kiosk/ocr/worker.min.js', { headers: { 'if-none-match': etag } })).status()).toBe(304);

  const core = await request.get('/kiosk/ocr/tesseract-core-simd-lstm.wasm.js');
  expect(core.status()).toBe(200);
  expect(core.headers()['content-type']).toBe('text/javascript; charset=utf-8');
  expect((await core.body()).length).toBeGreaterThan(1_000_000);
  expect((await request.head('/kiosk/ocr/eng.traineddata')).status()).toBe(200);
  const model = await request.head('/kiosk/ocr/chi_sim.traineddata');
  expect(model.headers()['content-type']).toBe('application/octet-stream');
  expect(model.headers()['cache-control']).toContain('max-age=604800');
  const gz = await request.head('/kiosk/ocr/chi_sim.traineddata.gz');
  expect(gz.headers()['content-type']).toBe('application/gzip');
  expect(gz.headers()['content-encoding']).toBeUndefined();

  // Nothing else: other models, the non-wasm builds, package files, paths out of the directory.
  for (const path of [
    '/kiosk/ocr/osd.traineddata',
    '/kiosk/ocr/tesseract-core.js',
    '/kiosk/ocr/package.json',
    '/kiosk/ocr/..%2F..%2Fpackage.json',
    '/kiosk/ocr/%2Fetc%2Fpasswd',
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
