import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { generateSyntheticCard, writeFakeCameraFile } from '../../packages/idcard/src/index';
import { fakeHidInitScript, type PadReportStream } from '../../packages/ink-capture/src/sim/install-fake-hid';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { penSignOn, shot, signedIn } from './helpers';
import { HIS_HEADERS } from './verify-outputs';

/** What the kiosk suites share: the fake camera and pad, enrollment, launching, and the steps of a sitting. */

export const stu540 = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'packages', 'ink-capture', 'fixtures', 'stu-540-signature.json'),
    'utf8',
  ),
) as PadReportStream;

let cardNumber = '';
/** The ID number on the synthetic card the fake camera films. */
export const filmedCardNumber = () => cardNumber;

/**
 * Call at the top of a spec: the fake camera films a synthetic ID card (a random relative's, not the patient's, seed
 * 7031) from `fileName` in the temp directory; getUserMedia is auto-granted.
 */
export function useFilmedIdCard(fileName: string) {
  const video = join(tmpdir(), fileName);
  test.beforeAll(async () => {
    const card = await generateSyntheticCard(7031, { level: 'clean' });
    cardNumber = card.identity.idNumber;
    await writeFakeCameraFile(video, card.jpeg, { format: 'mjpeg', frames: 2 });
  });
  test.use({
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        ...CHROMIUM_ARGS,
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${video}`,
      ],
    },
  });
}

/** Admin makes a code for bed 01; a fresh kiosk context enrolls with it and shows its idle screen. */
export async function enrollKiosk(
  browser: Browser,
  deviceName: string,
  options: { fingerprintBridge?: string; beforeEnroll?: (kiosk: Page) => Promise<void> } = {},
): Promise<{ context: BrowserContext; kiosk: Page }> {
  const admin = await signedIn(browser, 'admin');
  await admin.goto('/console/devices');
  await admin.fill('#device-name', deviceName);
  await admin.locator('#device-bed').selectOption({ label: '01' });
  await admin.getByRole('button', { name: '生成注册码' }).click();
  const code = (await admin.getByTestId('enrollment-code').textContent())!.trim();
  await admin.context().close();

  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const kiosk = await context.newPage();
  await kiosk.addInitScript(fakeHidInitScript({ stream: stu540 }));
  // Reading times are minutes long; the fake clock lets the test jump over them (time still flows).
  await kiosk.clock.install();
  await options.beforeEnroll?.(kiosk);
  await kiosk.goto(`/kiosk?enroll=${encodeURIComponent(code)}`);
  if (options.fingerprintBridge) await kiosk.fill('#fingerprint-bridge', options.fingerprintBridge);
  await kiosk.getByRole('button', { name: /注册/ }).click();
  await expect(kiosk.getByTestId('kiosk-idle')).toContainText('心胸外科一病区');
  await expect(kiosk.getByTestId('kiosk-status')).toContainText('在线');
  return { context, kiosk };
}

/** The HIS launches forms for 张建国 (ZY2026001) to the kiosk, as a hospital system would. */
export async function launch(
  request: APIRequestContext,
  kiosk: Page,
  templates: string[],
  withDoctor = true,
): Promise<string> {
  const me = await (await kiosk.request.get('/api/device/me')).json();
  const data: Record<string, Record<string, string>> = {
    'surgery-consent': {
      diagnosis: '右肺上叶肺癌',
      procedureName: '胸腔镜右肺上叶切除术',
      procedureDate: '2026-11-25',
      anesthesiaMethod: '全身麻醉',
      surgeon: '李明',
      alternatives: '立体定向放疗；化疗',
    },
    'transfusion-consent': {
      diagnosis: '右肺上叶肺癌',
      bloodType: 'A',
      rhType: '阳性',
      components: '悬浮红细胞 2U',
      indication: '术中出血预期较多',
      preTransfusionTests: '乙肝、丙肝、梅毒、HIV 检测均阴性',
      transfusionHistory: '无',
    },
  };
  const res = await request.post('/api/v1/envelopes', {
    headers: HIS_HEADERS,
    data: {
      patientMrn: 'ZY2026001',
      channel: 'device',
      deviceId: me.id,
      documents: templates.map((templateKey) => ({ templateKey, data: data[templateKey] ?? {} })),
      signers: [{ role: 'patient', name: '张建国' }, ...(withDoctor ? [{ role: 'doctor', name: '李明' }] : [])],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id as string;
}

/** The consenting signer of an envelope as the HIS sees it (its role becomes the one who actually signed). */
export async function consenter(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/v1/envelopes/${id}`, { headers: HIS_HEADERS });
  const env = await res.json();
  return (env.signers as { role: string; status: string }[]).find((s) => s.role !== 'doctor');
}

/** A handwritten-looking name with a real pen on the surface with this test id. */
export const penSign = (page: Page, testId: string) => penSignOn(page, page.getByTestId(testId));

/**
 * Camera → server OCR → fields to confirm. `read`: the card is read and confirmed (a relative's card is recorded);
 * `staff`: the card does not match the patient, so the photo is kept for the staff to check.
 */
export async function identity(kiosk: Page, expected: 'read' | 'staff', withFace: boolean) {
  await expect(kiosk.getByTestId('step-idcard')).toBeVisible();
  await kiosk.getByRole('button', { name: '拍照' }).click();
  await expect(kiosk.getByTestId('idcard-fields').or(kiosk.getByTestId('ocr-error'))).toBeVisible({ timeout: 60_000 });
  await shot(kiosk, `kiosk-idcard-${expected}`);
  if (expected === 'read') {
    const masked = `${cardNumber.slice(0, 6)}********${cardNumber.slice(14)}`;
    await expect(kiosk.getByTestId('idcard-fields')).toContainText(masked);
    await kiosk.getByRole('button', { name: '信息正确，继续' }).click();
  } else {
    await expect(kiosk.getByText('与患者登记信息不一致')).toBeVisible();
    await expect(kiosk.getByRole('button', { name: '信息正确，继续' })).toBeDisabled();
    await kiosk.getByRole('button', { name: /保留照片由医护人员核对/ }).click();
  }
  if (withFace) {
    await expect(kiosk.getByTestId('step-face')).toBeVisible();
    await kiosk.getByRole('button', { name: '拍照' }).click();
    await kiosk.getByRole('button', { name: '使用此照片' }).click();
  }
}

/** Reads one document: pages rendered, scrolled to the end, notices accepted, question answered, time passed. */
export async function read(kiosk: Page, title: string, screenshot?: string) {
  const step = kiosk.getByTestId('step-read');
  await expect(step.getByTestId('reading-title')).toHaveText(title);
  await expect(step.locator('canvas[data-rendered="true"]').first()).toBeVisible({ timeout: 30_000 });
  await expect(step.getByRole('button', { name: '已阅读，去签名' })).toBeDisabled();
  if (screenshot) await shot(kiosk, screenshot);
  await step.getByTestId('reader').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  for (const box of await step.locator('.notice-accept input').all()) await box.check();
  const quiz = step.getByTestId('quiz');
  if (await quiz.count()) await quiz.locator('label').first().click();
  await kiosk.clock.fastForward('02:00');
  await step.getByRole('button', { name: '已阅读，去签名' }).click();
}

/**
 * The vendor's capture bridge, simulated at the browser boundary (the product code talks HTTP to it as to a real one):
 * the status, then each capture answers from `script` — an HTTP status (no finger: 504) or image bytes.
 */
export async function simulateFingerprintBridge(
  kiosk: Page,
  base: string,
  script: (number | { type: string; body: Uint8Array })[],
) {
  const captures: string[] = [];
  await kiosk.route(`${base}/**`, async (route) => {
    const url = new URL(route.request().url());
    const cors = { 'access-control-allow-origin': new URL(route.request().headers().origin ?? kiosk.url()).origin };
    if (url.pathname.endsWith('/status'))
      return route.fulfill({
        status: 200,
        headers: cors,
        contentType: 'application/json',
        body: JSON.stringify({ model: 'Live20R', vendor: 'ZKTeco', ready: true, dpi: 500 }),
      });
    captures.push(`${route.request().method()} ${url.pathname}${url.search}`);
    const next = script.shift() ?? 504;
    if (typeof next === 'number') return route.fulfill({ status: next, headers: cors, body: '' });
    return route.fulfill({ status: 200, headers: cors, contentType: next.type, body: Buffer.from(next.body) });
  });
  return captures;
}
