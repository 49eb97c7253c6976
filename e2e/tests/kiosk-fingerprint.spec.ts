import { expect, test } from '@playwright/test';
import { buildBmp, buildGreyPng } from '../../packages/ink-capture/src/fingerprint/test-images';
import { shot } from './helpers';
import { enrollKiosk, launch, penSign, read, simulateFingerprintBridge, useFilmedIdCard } from './kiosk-helpers';
import { inkproof, verifySealedEnvelope } from './verify-outputs';

// A fingerprint from a reader behind the vendor's local capture bridge (simulated at the browser boundary).
useFilmedIdCard('inkproof-e2e-kiosk-idcard.mjpeg');

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
  const { sealed, bundleFiles } = await verifySealedEnvelope(request, envelopeId, {
    bundles: 1,
    signaturesPerDocument: 1,
  });
  expect(sealed.status).toBe('completed');
  const listing = inkproof('bundle', 'inspect', bundleFiles[0]!);
  expect(listing.code, listing.out).toBe(0);
  expect(listing.out).toMatch(/\[fingerprint\] image\/png/);
});
