import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { generateSyntheticCard, writeFakeCameraFile } from '../../packages/idcard/src/index';
import { buildBmp, buildGreyPng } from '../../packages/ink-capture/src/fingerprint/test-images';
import { fakeHidInitScript, type PadReportStream } from '../../packages/ink-capture/src/sim/install-fake-hid';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { doctorSignsInConsole, shot, signedIn, startWebhookReceiver } from './helpers';
import { independentPdfChecks, inkproof } from './verify-outputs';

const HIS_KEY = 'ink_demo_0f3c9a7e5b1d4c2a8e6f0b9d7c5a3e1f';
const here = import.meta.dirname;
const stu540 = JSON.parse(
  readFileSync(join(here, '..', '..', 'packages', 'ink-capture', 'fixtures', 'stu-540-signature.json'), 'utf8'),
) as PadReportStream;

// The fake camera films a synthetic ID card (a random relative's, not the patient's); getUserMedia is auto-granted.
const CARD_VIDEO = join(tmpdir(), 'inkproof-e2e-kiosk-idcard.mjpeg');
const CARD_SEED = 7031;
let cardNumber = '';
test.beforeAll(async () => {
  const card = await generateSyntheticCard(CARD_SEED, { level: 'clean' });
  cardNumber = card.identity.idNumber;
  await writeFakeCameraFile(CARD_VIDEO, card.jpeg, { format: 'mjpeg', frames: 2 });
});

test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${CARD_VIDEO}`,
    ],
  },
});

/** Admin makes a code for bed 01; a fresh kiosk context enrolls with it and shows its idle screen. */
async function enrollKiosk(
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
async function launch(
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
    headers: { authorization: `Bearer ${HIS_KEY}` },
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
async function consenter(request: APIRequestContext, id: string) {
  const res = await request.get(`/api/v1/envelopes/${id}`, { headers: { authorization: `Bearer ${HIS_KEY}` } });
  const env = await res.json();
  return (env.signers as { role: string; status: string }[]).find((s) => s.role !== 'doctor');
}

/** A handwritten-looking name with a real pen (CDP pointerType pen, pressure, tilt), ~1 s of ink. */
async function penSign(page: Page, testId: string) {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const send = (type: string, x: number, y: number, force: number) =>
    cdp.send('Input.dispatchMouseEvent', {
      type: type as 'mouseMoved',
      x,
      y,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      clickCount: 1,
      pointerType: 'pen',
      force,
      tiltX: 10,
      tiltY: -5,
    });
  for (const [k, stroke] of [0, 1, 2].entries()) {
    const x0 = box.x + box.width * (0.15 + 0.25 * stroke);
    const y0 = box.y + box.height * 0.5;
    await send('mousePressed', x0, y0, 0.4);
    for (let i = 1; i <= 40; i++) {
      const a = (i / 40) * Math.PI * 3;
      await send(
        'mouseMoved',
        x0 + i * 3 + Math.sin(a) * 25,
        y0 + Math.cos(a * 1.3) * 40 * (k + 1) * 0.5,
        0.3 + (i % 7) / 20,
      );
      await page.waitForTimeout(8);
    }
    await send('mouseReleased', x0 + 120, y0, 0);
  }
  await cdp.detach();
}

/**
 * Camera → server OCR → fields to confirm. `read`: the card is read and confirmed (a relative's card is recorded);
 * `staff`: the card does not match the patient, so the photo is kept for the staff to check.
 */
async function identity(kiosk: Page, expected: 'read' | 'staff', withFace: boolean) {
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
async function read(kiosk: Page, title: string, screenshot?: string) {
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

test('a guardian reads and signs two forms at the bedside (pad + pen), submits, and the kiosk forgets them', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const { context, kiosk } = await enrollKiosk(browser, '01床签署终端');
  // The nurse launches both forms from the console; the forms need the doctor's signature, so a doctor row appears.
  const nurse = await signedIn(browser, 'nurse');
  await nurse.getByRole('link', { name: '张建国' }).click();
  await nurse.getByTestId('template-surgery-consent').check();
  await nurse.getByTestId('template-transfusion-consent').check();
  await nurse.fill('#f-diagnosis', '右肺上叶肺癌');
  await nurse.fill('#f-procedureName', '胸腔镜右肺上叶切除术');
  await nurse.fill('#f-procedureDate', '2026-11-25');
  await nurse.locator('#f-anesthesiaMethod').selectOption('全身麻醉');
  await nurse.fill('#f-surgeon', '李明');
  await nurse.fill('#f-alternatives', '立体定向放疗；化疗');
  await nurse.locator('#f-bloodType').selectOption('A');
  await nurse.locator('#f-rhType').selectOption('阳性');
  await nurse.fill('#f-components', '悬浮红细胞 2U');
  await nurse.fill('#f-indication', '术中出血预期较多');
  await nurse.fill('#f-preTransfusionTests', '乙肝、丙肝、梅毒、HIV 检测均阴性');
  await nurse.locator('#f-transfusionHistory').selectOption('无');
  await expect(nurse.locator('#role-1')).toHaveValue('doctor');
  await nurse.fill('#name-1', '李明');
  await nurse.locator('#device').selectOption({ label: '01床签署终端' });
  await nurse.getByRole('button', { name: '发送' }).click();
  await expect(nurse.getByRole('status')).toHaveText('已发送');
  const row = nurse.locator('tr[data-testid^="envelope-"]').first();
  await expect(row).toContainText('输血治疗知情同意书');
  const envelopeId = (await row.getAttribute('data-testid'))!.slice('envelope-'.length);
  await nurse.goto('/console/envelopes');
  await expect(nurse.getByTestId(`envelope-${envelopeId}`).getByTestId('envelope-status')).toHaveAttribute(
    'data-status',
    /sent|opened/,
  );
  await expect(kiosk.getByTestId('kiosk-envelope')).toContainText('手术知情同意书');
  await expect(kiosk.getByTestId('kiosk-envelope')).toContainText('张建国');
  await kiosk.getByRole('button', { name: '开始' }).click();

  // 1. Who signs: a guardian, with relationship and the reason the patient does not sign.
  await kiosk.getByText('监护人', { exact: true }).click();
  await expect(kiosk.getByRole('button', { name: '下一步' })).toBeDisabled();
  await kiosk.fill('#signer-name', '张伟');
  await kiosk.fill('#signer-relationship', '儿子');
  await kiosk.fill('#signer-reason', '患者意识不清或无民事行为能力');
  await shot(kiosk, 'kiosk-signer');
  await kiosk.getByRole('button', { name: '下一步' }).click();

  // 2. Separate biometric notice (PIPL Art. 29), in English and back.
  await expect(kiosk.getByTestId('step-consent')).toContainText('个人信息保护法');
  await kiosk.getByRole('button', { name: 'English' }).click();
  await expect(kiosk.getByTestId('step-consent')).toContainText('PIPL Art. 29');
  await shot(kiosk, 'kiosk-consent-en');
  await kiosk.getByRole('button', { name: '中文' }).click();
  await kiosk.getByRole('button', { name: '我同意' }).click();

  // 3. Identity.
  await identity(kiosk, 'read', true);

  // 4./5. Document 1: read, then sign on the simulated STU-540.
  await read(kiosk, '手术知情同意书', 'kiosk-reading');
  await expect(kiosk.getByTestId('step-sign')).toHaveAttribute('data-field', 'sig_guardian');
  await kiosk.getByRole('button', { name: '使用签名板' }).click();
  await expect(kiosk.getByTestId('pad-status')).toContainText('STU-540');
  await kiosk.evaluate(
    () => (globalThis as unknown as { __inkproofFakeHid: { finished: Promise<number> } }).__inkproofFakeHid.finished,
  );
  await expect(kiosk.getByTestId('sign-surface')).not.toHaveAttribute('data-samples', '0');
  await shot(kiosk, 'kiosk-sign-pad');
  await kiosk.getByRole('button', { name: '确认签名' }).click();

  // Document 2: read, then a too-short scribble is refused with a reason, then a proper pen signature.
  await read(kiosk, '输血治疗知情同意书');
  await expect(kiosk.getByTestId('step-sign')).toBeVisible();
  await kiosk.getByRole('button', { name: '确认签名' }).click();
  await expect(kiosk.getByTestId('signature-problem')).toContainText('未检测到签名');
  await penSign(kiosk, 'sign-surface');
  await shot(kiosk, 'kiosk-sign-pen');
  await kiosk.getByRole('button', { name: '确认签名' }).click();

  // Hand-copied phrase.
  await expect(kiosk.getByTestId('step-phrase')).toBeVisible();
  await penSign(kiosk, 'phrase-surface');
  await kiosk.getByRole('button', { name: '确认签名' }).click();

  // 7. Confirm and submit. The first upload reaches the server but its answer is lost: the retry gets 200.
  await expect(kiosk.getByTestId('step-confirm')).toContainText('输血治疗知情同意书');
  await shot(kiosk, 'kiosk-confirm');
  const statuses: number[] = [];
  let first = true;
  await kiosk.route('**/api/device/submissions', async (route) => {
    const response = await route.fetch();
    statuses.push(response.status());
    if (first) {
      first = false;
      await route.abort('connectionreset');
    } else await route.fulfill({ response });
  });
  await kiosk.getByRole('button', { name: '确认提交' }).click();
  await expect(kiosk.getByTestId('kiosk-done')).toContainText('已完成');
  await expect.poll(() => statuses).toEqual([202, 200]);
  await shot(kiosk, 'kiosk-done');
  expect(await consenter(request, envelopeId)).toMatchObject({ role: 'guardian', status: 'signed' });

  // Back to idle: nothing about the patient or the guardian is left on the page or in storage.
  await kiosk.getByRole('button', { name: 'OK' }).click();
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  const text = await kiosk.locator('body').textContent();
  expect(text).not.toContain('张建国');
  expect(text).not.toContain('张伟');
  const stored = await kiosk.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('inkproof-kiosk');
        open.onsuccess = () => {
          const req = open.result.transaction('submissions').objectStore('submissions').count();
          req.onsuccess = () => resolve(req.result);
        };
      }),
  );
  expect(stored).toBe(0);
  await context.close();

  // 8. The guardian's part is sealed; the envelope waits for the doctor, who signs both forms in the console.
  await expect(nurse.getByTestId(`envelope-${envelopeId}`).locator('[data-testid=signer-progress]')).toHaveCount(2);
  await expect(
    nurse.getByTestId(`envelope-${envelopeId}`).locator('[data-testid=signer-progress][data-status=signed]'),
  ).toHaveCount(1);
  await expect(nurse.getByTestId(`envelope-${envelopeId}`).getByTestId('envelope-status')).toHaveAttribute(
    'data-status',
    'signing',
  );
  const doctor = await doctorSignsInConsole(browser, envelopeId, 2);
  await doctor.context().close();

  // 9. The server seals in the background; the console shows the envelope completed, live, with both documents signed.
  await expect(nurse.getByTestId(`envelope-${envelopeId}`).getByTestId('envelope-status')).toHaveAttribute(
    'data-status',
    'completed',
    {
      timeout: 90_000,
    },
  );
  await expect(
    nurse.getByTestId(`envelope-${envelopeId}`).locator('[data-testid=document-download][data-signed=yes]'),
  ).toHaveCount(2);
  await shot(nurse, 'console-completed');
  const hisHeaders = { authorization: `Bearer ${HIS_KEY}` };
  let sealed: { documents: { id: string; signed: boolean }[]; bundles: { id: string }[]; status: string } = {
    documents: [],
    bundles: [],
    status: '',
  };
  await expect
    .poll(
      async () => {
        sealed = await (await request.get(`/api/v1/envelopes/${envelopeId}`, { headers: hisHeaders })).json();
        return sealed.bundles.length;
      },
      { timeout: 90_000 },
    )
    // One evidence bundle for the guardian's sitting, one for the doctor's.
    .toBe(2);
  expect(sealed.documents.map((d) => d.signed)).toEqual([true, true]);
  expect(sealed.status).toBe('completed');
  const rootPem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(await (await request.get('/pki/root.cer')).body()).toString('base64')}\n-----END CERTIFICATE-----\n`;
  const out = mkdtempSync(join(tmpdir(), 'e2e-sealed-'));
  writeFileSync(join(out, 'root.pem'), rootPem);
  for (const doc of sealed.documents) {
    const pdf = new Uint8Array(
      await (await request.get(`/api/v1/envelopes/${envelopeId}/documents/${doc.id}`, { headers: hisHeaders })).body(),
    );
    writeFileSync(join(out, `${doc.id}.pdf`), pdf);
    const cli = inkproof(
      'verify',
      join(out, `${doc.id}.pdf`),
      '--trust',
      join(out, 'root.pem'),
      '--data-dir',
      join(out, 'none'),
    );
    expect(cli.code, cli.out).toBe(0);
    const checks = independentPdfChecks(pdf, rootPem);
    expect(checks.openssl.length).toBeGreaterThan(0);
    for (const o of checks.openssl) expect(o).toContain('Verification successful');
    // The guardian's and the doctor's signature in each document, both valid.
    expect(checks.openssl).toHaveLength(2);
    expect(checks.pdfsig.match(/Signature is Valid/g)).toHaveLength(2);
    expect(checks.pdfsig).not.toMatch(/Digest Mismatch|Signature is Invalid/);
  }
  const zip = new Uint8Array(
    await (
      await request.get(`/api/v1/envelopes/${envelopeId}/bundles/${sealed.bundles[0]!.id}`, { headers: hisHeaders })
    ).body(),
  );
  writeFileSync(join(out, 'evidence.zip'), zip);
  const dataDir = join(tmpdir(), `inkproof-e2e-${process.env.E2E_PORT ?? 3210}`);
  const bundle = inkproof(
    'bundle',
    'verify',
    join(out, 'evidence.zip'),
    '--trust',
    join(out, 'root.pem'),
    '--escrow-key',
    join(dataDir, 'escrow', 'escrow-key.pem'),
    '--data-dir',
    join(out, 'none'),
  );
  expect(bundle.code, bundle.out).toBe(0);
  expect(bundle.out).toContain('有效 VALID');
});

test('a submission made offline survives a reload and reaches the server exactly once', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { context, kiosk } = await enrollKiosk(browser, '01床离线测试');
  const envelopeId = await launch(request, kiosk, ['surgery-consent']);
  await kiosk.getByRole('button', { name: '开始' }).click();
  // The patient signs personally and refuses biometric processing: no face photo, shape-only ink.
  await kiosk.getByRole('button', { name: '下一步' }).click();
  await kiosk.getByRole('button', { name: '我不同意' }).click();
  await identity(kiosk, 'staff', false);
  await read(kiosk, '手术知情同意书');
  await penSign(kiosk, 'sign-surface');
  await kiosk.getByRole('button', { name: '确认签名' }).click();
  await kiosk.getByRole('button', { name: '跳过此步' }).click();
  await expect(kiosk.getByTestId('step-confirm')).toBeVisible();

  const statuses: number[] = [];
  context.on('response', (r) => {
    if (r.url().endsWith('/api/device/submissions') && r.request().method() === 'POST') statuses.push(r.status());
  });
  await context.setOffline(true);
  await kiosk.getByRole('button', { name: '确认提交' }).click();
  await expect(kiosk.getByTestId('saved-offline')).toBeVisible({ timeout: 20_000 });
  await shot(kiosk, 'kiosk-saved-offline');
  await kiosk.getByRole('button', { name: 'OK' }).click();
  await expect(kiosk.getByTestId('kiosk-pending-uploads')).toHaveAttribute('data-count', '1');
  // Reloading while offline fails (no page), the stored submission does not.
  await kiosk.reload().catch(() => undefined);
  await context.setOffline(false);
  await kiosk.goto('/kiosk');
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-pending-uploads')).toHaveCount(0, { timeout: 30_000 });
  await expect.poll(async () => (await consenter(request, envelopeId))?.status).toBe('signed');
  // Chromium's offline emulation may still deliver a request whose answer it then drops, and an answer arriving
  // while the page reloads is not reported at all; whatever the browser saw, every answer it got was 202 or 200 and
  // the server holds exactly one sealed signing for the patient.
  expect(statuses.every((s) => s === 200 || s === 202)).toBe(true);
  await expect
    .poll(
      async () =>
        (
          (await (
            await request.get(`/api/v1/envelopes/${envelopeId}`, { headers: { authorization: `Bearer ${HIS_KEY}` } })
          ).json()) as { bundles: unknown[] }
        ).bundles.length,
      { timeout: 90_000 },
    )
    .toBe(1);
  expect(statuses.filter((s) => s === 202).length).toBeLessThanOrEqual(1);
  await expect(kiosk.getByTestId('kiosk-rejected-uploads')).toHaveCount(0);

  // The patient has signed; only the doctor's signature (from the console) is left: the kiosk stays idle, even after
  // a reload, instead of offering a sitting with no slot to fill.
  const his = await (
    await request.get(`/api/v1/envelopes/${envelopeId}`, { headers: { authorization: `Bearer ${HIS_KEY}` } })
  ).json();
  expect((his.signers as { role: string; status: string }[]).find((s) => s.role === 'doctor')?.status).toBe('pending');
  await kiosk.reload();
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-envelope')).toHaveCount(0);
  await context.close();
});

test('a decline made offline survives a reload and declines the envelope exactly once', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const hisHeaders = { authorization: `Bearer ${HIS_KEY}` };
  const receiver = await startWebhookReceiver();
  const hook = await request.post('/api/v1/webhooks', {
    headers: hisHeaders,
    data: { url: receiver.url, events: ['envelope.declined'] },
  });
  expect(hook.status(), await hook.text()).toBe(201);
  const { context, kiosk } = await enrollKiosk(browser, '01床离线拒签');
  const envelopeId = await launch(request, kiosk, ['surgery-consent']);
  const envelope = async () => (await request.get(`/api/v1/envelopes/${envelopeId}`, { headers: hisHeaders })).json();
  await kiosk.getByRole('button', { name: '开始' }).click();
  await kiosk.getByRole('button', { name: '下一步' }).click();
  await expect(kiosk.getByTestId('step-consent')).toBeVisible();

  // Offline; and since Chromium's offline emulation may still deliver a request in flight, declines are also cut
  // at the browser boundary until the network is back.
  let networkBack = false;
  // Back online, the first upload reaches the server but its answer is lost; the retry of the same stored decline
  // is answered as a success (replayed), not an error.
  const answers: { http: number; replayed?: boolean }[] = [];
  await kiosk.route(`**/api/device/envelopes/${envelopeId}/decline`, async (route) => {
    if (!networkBack) return route.abort('internetdisconnected');
    const response = await route.fetch();
    answers.push({ http: response.status(), replayed: (await response.json()).replayed });
    if (answers.length === 1) await route.abort('connectionreset');
    else await route.fulfill({ response });
  });
  await context.setOffline(true);
  await kiosk.getByRole('button', { name: '拒绝签署' }).click();
  await kiosk.fill('#decline-reason', '想再和家人商量');
  await kiosk.getByRole('button', { name: '确认拒绝' }).click();
  await expect(kiosk.getByTestId('kiosk-declined')).toBeVisible({ timeout: 20_000 });
  await expect(kiosk.getByTestId('saved-offline')).toBeVisible();
  await shot(kiosk, 'kiosk-declined-offline');
  expect((await envelope()).status).not.toBe('declined');
  await kiosk.getByRole('button', { name: 'OK' }).click();
  // Waiting in the outbox: counted on the idle screen, and the envelope is not offered again meanwhile.
  await expect(kiosk.getByTestId('kiosk-pending-declines')).toHaveAttribute('data-count', '1');
  await expect(kiosk.getByTestId('kiosk-envelope')).toHaveCount(0);
  await kiosk.reload().catch(() => undefined);
  networkBack = true;
  await context.setOffline(false);
  await kiosk.goto('/kiosk');
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-pending-declines')).toHaveCount(0, { timeout: 30_000 });
  // (Which answer says `replayed: false` depends on whether the fetch layer itself retried the lost one.)
  expect(answers.length).toBeGreaterThanOrEqual(2);
  expect(answers.every((a) => a.http === 200)).toBe(true);
  expect(answers.at(-1)?.replayed).toBe(true);
  await expect(kiosk.getByTestId('kiosk-rejected-uploads')).toHaveCount(0);
  expect(await envelope()).toMatchObject({ status: 'declined', statusReason: '想再和家人商量' });
  expect(await consenter(request, envelopeId)).toMatchObject({ status: 'declined' });

  // Exactly once for the hospital system (one envelope.declined event) and in the console.
  const declinedEvents = () =>
    receiver.events.filter((e) => e.event === 'envelope.declined' && e.data.envelopeId === envelopeId);
  await expect.poll(() => declinedEvents().length, { timeout: 30_000 }).toBe(1);
  const nurse = await signedIn(browser, 'nurse');
  await nurse.goto('/console/envelopes');
  await expect(nurse.getByTestId(`envelope-${envelopeId}`).getByTestId('envelope-status')).toHaveAttribute(
    'data-status',
    'declined',
  );
  await nurse.waitForTimeout(2000);
  expect(declinedEvents()).toHaveLength(1);
  await nurse.context().close();
  await receiver.close();
  await context.close();
});

/**
 * The vendor's capture bridge, simulated at the browser boundary (the product code talks HTTP to it as to a real one):
 * the status, then each capture answers from `script` — an HTTP status (no finger: 504) or image bytes.
 */
async function simulateFingerprintBridge(
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

test('a signer gives a fingerprint on a reader behind a local capture bridge; the sealed PDF verifies and the bundle lists it', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const bridge = 'http://127.0.0.1:17321/fingerprint';
  let captures: string[] = [];
  const scan = buildGreyPng(256, 360);
  const greys = Array.from({ length: 256 }, (_, i): [number, number, number] => [i, i, i]);
  const bmp = buildBmp({ width: 200, height: 240, bpp: 8, palette: greys, pixel: (x, y) => (x * 7 + y * 3) % 256 });
  const { context, kiosk } = await enrollKiosk(browser, '01床指纹采集', {
    fingerprintBridge: bridge,
    beforeEnroll: async (page) => {
      // First try: no finger in time; second: an 8-bit BMP (converted to PNG in the browser); third: a PNG.
      captures = await simulateFingerprintBridge(page, bridge, [
        504,
        { type: 'image/bmp', body: bmp },
        { type: 'image/png', body: scan },
      ]);
    },
  });
  const envelopeId = await launch(request, kiosk, ['surgery-consent'], false);
  await kiosk.getByRole('button', { name: '开始' }).click();
  await kiosk.getByRole('button', { name: '下一步' }).click();
  await expect(kiosk.getByTestId('step-consent')).toContainText('指纹');
  await kiosk.getByRole('button', { name: '我同意' }).click();
  // The patient photographs an ID card that is not theirs (or OCR cannot read it): the photo is kept for the staff.
  await kiosk.getByRole('button', { name: '拍照' }).click();
  await expect(kiosk.getByTestId('idcard-fields').or(kiosk.getByTestId('ocr-error'))).toBeVisible({ timeout: 60_000 });
  await kiosk.getByRole('button', { name: /保留照片由医护人员核对/ }).click();
  await expect(kiosk.getByTestId('step-face')).toBeVisible();
  await kiosk.getByRole('button', { name: '拍照' }).click();
  await kiosk.getByRole('button', { name: '使用此照片' }).click();
  await read(kiosk, '手术知情同意书');
  await penSign(kiosk, 'sign-surface');
  await kiosk.getByRole('button', { name: '确认签名' }).click();
  await expect(kiosk.getByTestId('step-phrase')).toBeVisible();
  await kiosk.getByRole('button', { name: '跳过此步' }).click();

  // The fingerprint step: instruction, reader found, capture; a miss is retried, an image is shown to confirm.
  const step = kiosk.getByTestId('step-fingerprint');
  await expect(step.getByTestId('fingerprint-reader')).toContainText('Live20R');
  await expect(step.getByTestId('fingerprint-instruction')).toContainText('指纹仪');
  await kiosk.getByRole('button', { name: 'English' }).click();
  await expect(step.getByTestId('fingerprint-instruction')).toContainText('Place your right index finger');
  await kiosk.getByRole('button', { name: '中文' }).click();
  await shot(kiosk, 'kiosk-fingerprint-ready');
  expect(captures).toEqual([]);
  await step.getByRole('button', { name: '采集指纹' }).click();
  await expect(step.getByTestId('fingerprint-error')).toHaveAttribute('data-code', 'TIMEOUT');
  await step.getByRole('button', { name: '重试' }).click();
  await expect(step.getByTestId('fingerprint-image')).toHaveAttribute('data-width', '200');
  const shown = await step.getByTestId('fingerprint-image').evaluate((img: HTMLImageElement) => img.naturalHeight);
  expect(shown).toBe(240);
  await step.getByRole('button', { name: '重新采集' }).click();
  await expect(step.getByTestId('fingerprint-image')).toHaveAttribute('data-width', '256');
  await shot(kiosk, 'kiosk-fingerprint-review');
  await step.getByRole('button', { name: '使用此指纹' }).click();
  expect(captures).toEqual([
    'POST /fingerprint/capture?timeoutMs=20000',
    'POST /fingerprint/capture?timeoutMs=20000',
    'POST /fingerprint/capture?timeoutMs=20000',
  ]);
  await expect(kiosk.getByTestId('step-confirm')).toBeVisible();
  await kiosk.getByRole('button', { name: '确认提交' }).click();
  await expect(kiosk.getByTestId('kiosk-done')).toBeVisible();
  await context.close();

  // Sealed: the PDF (with the fingerprint stamped next to the signature) verifies; the bundle carries the item.
  const hisHeaders = { authorization: `Bearer ${HIS_KEY}` };
  let sealed: { documents: { id: string }[]; bundles: { id: string }[]; status: string } = {
    documents: [],
    bundles: [],
    status: '',
  };
  await expect
    .poll(
      async () => {
        sealed = await (await request.get(`/api/v1/envelopes/${envelopeId}`, { headers: hisHeaders })).json();
        return sealed.bundles.length;
      },
      { timeout: 90_000 },
    )
    .toBe(1);
  expect(sealed.status).toBe('completed');
  const rootPem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(await (await request.get('/pki/root.cer')).body()).toString('base64')}\n-----END CERTIFICATE-----\n`;
  const out = mkdtempSync(join(tmpdir(), 'e2e-fingerprint-'));
  writeFileSync(join(out, 'root.pem'), rootPem);
  const doc = sealed.documents[0]!;
  const pdf = new Uint8Array(
    await (await request.get(`/api/v1/envelopes/${envelopeId}/documents/${doc.id}`, { headers: hisHeaders })).body(),
  );
  writeFileSync(join(out, 'signed.pdf'), pdf);
  const cli = inkproof(
    'verify',
    join(out, 'signed.pdf'),
    '--trust',
    join(out, 'root.pem'),
    '--data-dir',
    join(out, 'none'),
  );
  expect(cli.code, cli.out).toBe(0);
  const checks = independentPdfChecks(pdf, rootPem);
  expect(checks.openssl.length).toBeGreaterThan(0);
  for (const o of checks.openssl) expect(o).toContain('Verification successful');
  expect(checks.pdfsig).toContain('Signature is Valid');
  const zip = new Uint8Array(
    await (
      await request.get(`/api/v1/envelopes/${envelopeId}/bundles/${sealed.bundles[0]!.id}`, { headers: hisHeaders })
    ).body(),
  );
  writeFileSync(join(out, 'evidence.zip'), zip);
  const listing = inkproof('bundle', 'inspect', join(out, 'evidence.zip'));
  expect(listing.code, listing.out).toBe(0);
  expect(listing.out).toMatch(/\[fingerprint\] image\/png/);
  const dataDir = join(tmpdir(), `inkproof-e2e-${process.env.E2E_PORT ?? 3210}`);
  const bundle = inkproof(
    'bundle',
    'verify',
    join(out, 'evidence.zip'),
    '--trust',
    join(out, 'root.pem'),
    '--escrow-key',
    join(dataDir, 'escrow', 'escrow-key.pem'),
    '--data-dir',
    join(out, 'none'),
  );
  expect(bundle.code, bundle.out).toBe(0);
  expect(bundle.out).toContain('有效 VALID');
});

test('elderly mode, declining with a reason, and the inactivity timeout all end on a clean idle screen', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { context, kiosk } = await enrollKiosk(browser, '01床长辈模式');
  const declinedId = await launch(request, kiosk, ['surgery-consent']);
  await kiosk.getByRole('button', { name: '长辈模式' }).click();
  await kiosk.getByRole('button', { name: '开始' }).click();
  await expect(kiosk.locator('html')).toHaveClass(/elderly/);
  await shot(kiosk, 'kiosk-elderly-signer');
  await kiosk.getByRole('button', { name: '下一步' }).click();
  await kiosk.getByRole('button', { name: '拒绝签署' }).click();
  await expect(kiosk.getByRole('button', { name: '确认拒绝' })).toBeDisabled();
  await kiosk.fill('#decline-reason', '需要与家人商量后再决定');
  await kiosk.getByRole('button', { name: '确认拒绝' }).click();
  await expect(kiosk.getByTestId('kiosk-declined')).toBeVisible();
  const env = await (
    await request.get(`/api/v1/envelopes/${declinedId}`, { headers: { authorization: `Bearer ${HIS_KEY}` } })
  ).json();
  expect(env.status).toBe('declined');
  await kiosk.getByRole('button', { name: 'OK' }).click();
  await expect(kiosk.getByTestId('kiosk-idle')).toBeVisible();
  await expect(kiosk.locator('html')).not.toHaveClass(/elderly/);

  // A relative starts, types a name, walks away: after the timeout the sitting is gone.
  await launch(request, kiosk, ['surgery-consent']);
  await kiosk.getByRole('button', { name: '开始' }).click();
  await kiosk.getByText('近亲属', { exact: true }).click();
  await kiosk.fill('#signer-name', '王小明');
  await kiosk.clock.fastForward('05:00');
  await expect(kiosk.getByTestId('kiosk-envelope')).toBeVisible();
  await expect(kiosk.locator('#signer-name')).toHaveCount(0);
  expect(await kiosk.locator('body').textContent()).not.toContain('王小明');
  await shot(kiosk, 'kiosk-after-timeout');
  await context.close();
});

test('the server streams the built kiosk: SPA fallback, immutable hashed assets, local pdf.js worker, 404s', async ({
  request,
}) => {
  const page = await request.get('/kiosk/some/deep/route');
  expect(page.status()).toBe(200);
  expect(page.headers()['content-type']).toContain('text/html');
  expect(page.headers()['content-security-policy']).toContain("default-src 'self'");
  const html = await page.text();
  const script = html.match(/src="(\/kiosk\/assets\/[^"]+\.js)"/)?.[1];
  expect(script).toBeTruthy();
  const asset = await request.get(script!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()['content-type']).toContain('text/javascript');
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const bundle = await asset.text();
  const worker = bundle.match(/\/kiosk\/assets\/pdf\.worker[^"'`]*\.mjs/)?.[0];
  expect(worker).toBeTruthy();
  expect((await request.get(worker!)).status()).toBe(200);
  expect((await request.get('/kiosk/assets/missing-0000.js')).status()).toBe(404);
  const traversal = await request.get('/kiosk/..%2F..%2Fpackage.json');
  expect(traversal.status()).toBe(404);
  const revalidated = await request.get(script!, { headers: { 'if-none-match': asset.headers().etag! } });
  expect(revalidated.status()).toBe(304);
});
