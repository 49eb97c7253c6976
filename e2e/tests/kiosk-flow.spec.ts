import { expect, test } from '@playwright/test';
import { doctorSignsInConsole, shot, signedIn } from './helpers';
import { consenter, enrollKiosk, identity, launch, penSign, read, useFilmedIdCard } from './kiosk-helpers';
import { HIS_HEADERS, verifySealedEnvelope } from './verify-outputs';

// The bedside flow end to end (console launch → kiosk → doctor in the console → sealed, verified outputs), elderly
// mode, decline and timeout, and how the server serves the kiosk. Offline and fingerprint cases: their own suites.
useFilmedIdCard('inkproof-e2e-kiosk-idcard.mjpeg');

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
  // One evidence bundle for the guardian's sitting, one for the doctor's; the guardian's and the doctor's signature in
  // each document, both valid.
  const { sealed } = await verifySealedEnvelope(request, envelopeId, { bundles: 2, signaturesPerDocument: 2 });
  expect(sealed.documents.map((d) => d.signed)).toEqual([true, true]);
  expect(sealed.status).toBe('completed');
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
  const env = await (await request.get(`/api/v1/envelopes/${declinedId}`, { headers: HIS_HEADERS })).json();
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
