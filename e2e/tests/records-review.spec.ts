import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import jsQR from 'jsqr';
import { generateSyntheticSignature } from '../../packages/ink/src/index';
import {
  appendIncrementalUpdate,
  listPages,
  PdfDict,
  PdfFile,
  type PdfRef,
  PdfStream,
  UpdateBuilder,
} from '../../packages/pdf/src/index';
import { JPEG_WITH_EXIF_BASE64 } from '../../server/test/fixtures/images';
import { shot, signedIn } from './helpers';
import { HIS_HEADERS } from './verify-outputs';

const ROOT = join(import.meta.dirname, '..', '..');

let inkSeed = 10;

interface Sealed {
  envelopeId: string;
  sampleCount: number;
}

/** Admin enrolls a device through the console; the device credential then drives the device API directly. */
async function enrollDevice(browser: Browser, request: APIRequestContext): Promise<string> {
  const admin = await signedIn(browser, 'admin');
  await admin.goto('/console/devices');
  await admin.fill('#device-name', `records-e2e-${Date.now() % 10000}`);
  await admin.locator('#device-bed').selectOption({ label: '01' });
  await admin.getByRole('button', { name: '生成注册码' }).click();
  const code = (await admin.getByTestId('enrollment-code').textContent())!.trim();
  await admin.context().close();
  const res = await request.post('/api/device/enroll', { data: { code } });
  expect(res.status()).toBe(201);
  return (await res.json()).credential as string;
}

/** HIS launch → device fetch → v1 submission (guardian, face photo, synthetic ink) → the sealing job completes it. */
async function createSealedSigning(browser: Browser, request: APIRequestContext): Promise<Sealed> {
  const credential = await enrollDevice(browser, request);
  const device = { authorization: `Bearer ${credential}` };
  const me = await (await request.get('/api/device/me', { headers: device })).json();
  const launched = await request.post('/api/v1/envelopes', {
    headers: HIS_HEADERS,
    data: {
      patientMrn: 'ZY2026001',
      channel: 'device',
      deviceId: me.id,
      documents: [
        {
          templateKey: 'surgery-consent',
          data: {
            diagnosis: '右肺上叶肺癌',
            procedureName: '胸腔镜右肺上叶切除术',
            procedureDate: '2026-11-25',
            anesthesiaMethod: '全身麻醉',
            surgeon: '李明',
            alternatives: '立体定向放疗；化疗',
          },
        },
      ],
      signers: [{ role: 'guardian', name: '张小明', relationship: '儿子' }],
    },
  });
  expect(launched.status()).toBe(201);
  const envelopeId = (await launched.json()).id as string;
  const view = await (await request.get(`/api/device/envelopes/${envelopeId}`, { headers: device })).json();
  const doc = view.documents[0];
  const field = doc.signatureFields.find((f: { role: string }) => f.role === 'guardian');
  // A different synthetic hand per signing, so the comparison ranks distinct signatures.
  const ink = generateSyntheticSignature(++inkSeed);
  const at = new Date().toISOString();
  const submission = {
    format: 'application/vnd.inkproof.submission.v1+json',
    idempotencyKey: crypto.randomUUID(),
    envelopeId,
    signerId: view.signers[0].id,
    signer: {
      role: 'guardian',
      name: '张小明',
      relationship: '儿子',
      reasonPatientNotSigning: '患者术前镇静，无法签字',
    },
    biometricConsent: { accepted: true, at },
    identity: {
      facePhoto: { imageJpegBase64: JPEG_WITH_EXIF_BASE64, at },
      skipped: [{ step: 'idCard', reason: '身份证未带' }],
    },
    reading: [
      {
        documentId: doc.id,
        pages: [{ page: 0, firstShownAt: at, seconds: 42 }],
        scrolledToEnd: true,
        scrolledToEndAt: at,
        noticesAccepted: [],
      },
    ],
    signatures: [{ documentId: doc.id, fieldName: field.name, signedAt: at, ink }],
    timeline: [{ at, type: 'flow.started' }],
    device: { userAgent: 'records-e2e', screen: { width: 1280, height: 800, dpr: 2 } },
  };
  const accepted = await request.post('/api/device/submissions', { headers: device, data: submission });
  expect([200, 202]).toContain(accepted.status());
  await expect
    .poll(
      async () =>
        (await (await request.get(`/api/v1/envelopes/${envelopeId}`, { headers: HIS_HEADERS })).json()).status,
      { timeout: 60_000 },
    )
    .toBe('completed');
  return { envelopeId, sampleCount: ink.strokes.reduce((n, s) => n + s.samples.length, 0) };
}

function shadowAttack(pdf: Uint8Array): Uint8Array {
  const file = PdfFile.parse(pdf);
  const raw = listPages(file)[0]!.dict.get('Contents');
  const contents = (Array.isArray(raw) ? raw[0] : raw) as PdfRef;
  const b = new UpdateBuilder(file);
  b.put(contents, new PdfStream(new PdfDict(), new TextEncoder().encode('BT /F1 18 Tf 72 720 Td (I refuse) Tj ET')));
  return appendIncrementalUpdate(file, b.objects()).bytes;
}

/** Rasterises page 1 with poppler (pdftoppm, PPM) and decodes its QR code with jsQR. */
function decodeQr(pdf: Uint8Array): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'records-qr-'));
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  spawnSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', join(dir, 'doc.pdf'), join(dir, 'p')]);
  const file = spawnSync('sh', ['-c', `ls ${dir}/p*.ppm`], { encoding: 'utf8' }).stdout.trim();
  const ppm = readFileSync(file);
  const header = ppm
    .subarray(0, 40)
    .toString('latin1')
    .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) return null;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const rgb = ppm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rgb[i * 3]!;
    rgba[i * 4 + 1] = rgb[i * 3 + 1]!;
    rgba[i * 4 + 2] = rgb[i * 3 + 2]!;
    rgba[i * 4 + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data ?? null;
}

test.describe.configure({ mode: 'serial' });
let sealed: Sealed;
let signedPdf: Buffer;

test('a records user finds the signing, replays the ink, sees plots, decrypts the photo with a reason, exports', async ({
  browser,
  request,
}) => {
  sealed = await createSealedSigning(browser, request);
  const page = await signedIn(browser, 'records');
  await page.goto('/console/records');
  await page.getByTestId('records-query').fill('ZY2026001');
  await page.getByTestId('records-search').click();
  await expect(page.locator(`tr[data-envelope-id="${sealed.envelopeId}"]`)).toBeVisible();
  await shot(page, 'records-search');
  await page.locator(`tr[data-envelope-id="${sealed.envelopeId}"] a`).click();
  await expect(page.getByTestId('signing-header')).toContainText('张建国');

  // pdf.js renders the signed document in the browser; the verifier reports it valid at B-LTA.
  await expect(page.getByTestId('pdf-viewer-0')).not.toHaveAttribute('data-pages-rendered', '0');
  await expect(page.getByTestId('pdf-verification').first()).toHaveAttribute('data-verdict', 'VALID');
  await expect(page.getByTestId('signature-report').first()).toHaveAttribute('data-level', 'B-LTA');
  await expect(page.getByTestId('bundle-verification').first()).toHaveAttribute('data-valid', 'true');

  // Replay from the start at 4× until every recorded sample is drawn.
  const replay = page.getByTestId('replay-0');
  await expect(replay).toHaveAttribute('data-total-samples', String(sealed.sampleCount));
  await page.getByTestId('replay-0-speed').selectOption('4');
  await page.getByTestId('replay-0-scrub').fill('0');
  await expect
    .poll(async () => Number(await replay.getAttribute('data-drawn-samples')))
    .toBeLessThan(sealed.sampleCount);
  await page.getByTestId('replay-0-play').click();
  await expect(replay).toHaveAttribute('data-drawn-samples', String(sealed.sampleCount), { timeout: 30_000 });

  // The uPlot chart is on the page with one point per sample.
  const plots = page.getByTestId('plots-0');
  await expect(plots.locator('canvas')).toBeVisible();
  await expect(plots).toHaveAttribute('data-points', String(sealed.sampleCount));
  await shot(page, 'records-detail');

  // Decrypting asks for a reason; the audit trail then shows who did it and why.
  await expect(page.getByTestId('decrypt-face-photo')).toBeDisabled();
  await page.getByTestId('decrypt-reason').fill('医疗纠纷 E2E-001 调阅');
  await page.getByTestId('decrypt-face-photo').click();
  await expect(page.getByTestId('decrypted-face-photo')).toBeVisible();
  const decryptedRow = page.locator('[data-testid=audit-entry][data-action="records.item_decrypted"]');
  await expect(decryptedRow).toContainText('医疗纠纷 E2E-001 调阅');
  await expect(decryptedRow).toContainText('赵静');
  await expect(page.getByTestId('audit-chain')).toHaveAttribute('data-intact', 'true');
  await shot(page, 'records-decrypted-audit');

  // Evidence package: download, unpack, check with openssl and the inkproof CLI.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-package').click()]);
  const dir = mkdtempSync(join(tmpdir(), 'records-e2e-'));
  const zipPath = join(dir, 'package.zip');
  await download.saveAs(zipPath);
  const files = unzipSync(new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(zipPath))));
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(['README.md', 'certs/root.pem', 'verification-report.json']),
  );
  const pdfName = Object.keys(files).find((n) => n.startsWith('documents/'))!;
  signedPdf = Buffer.from(files[pdfName]!);
  const cli = spawnSync(
    process.execPath,
    [
      join(ROOT, 'packages/cli/bin/inkproof.mjs'),
      'verify',
      join(dir, pdfName),
      '--trust',
      join(dir, 'certs/root.pem'),
      '--json',
    ],
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(JSON.parse(cli.stdout).verdict).toBe('VALID');
  // The sealed court report (出证报告) travels in the package and verifies like any signed PDF.
  expect(Object.keys(files)).toContain('court-report.pdf');
  const report = spawnSync(
    process.execPath,
    [
      join(ROOT, 'packages/cli/bin/inkproof.mjs'),
      'verify',
      join(dir, 'court-report.pdf'),
      '--trust',
      join(dir, 'certs/root.pem'),
      '--json',
    ],
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(JSON.parse(report.stdout).verdict).toBe('VALID');
  const [courtDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-court-report').click(),
  ]);
  await courtDownload.saveAs(join(dir, 'court-report-direct.pdf'));
  const direct = spawnSync(
    process.execPath,
    [
      join(ROOT, 'packages/cli/bin/inkproof.mjs'),
      'verify',
      join(dir, 'court-report-direct.pdf'),
      '--trust',
      join(dir, 'certs/root.pem'),
      '--json',
    ],
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(JSON.parse(direct.stdout).verdict).toBe('VALID');
  await page.reload();
  await expect(page.locator('[data-testid=audit-entry][data-action="records.exported"]').first()).toBeVisible();
  await page.context().close();
});

test('a nurse cannot open the records views (403)', async ({ browser }) => {
  const nurse = await signedIn(browser, 'nurse');
  await nurse.goto(`/console/records/${sealed.envelopeId}`);
  await expect(nurse.getByTestId('records-forbidden')).toHaveAttribute('data-status', '403');
  await expect(nurse.getByTestId('signing-header')).toHaveCount(0);
  expect((await nurse.request.get(`/api/records/${sealed.envelopeId}/package`)).status()).toBe(403);
  const trpc = await nurse.request.get(
    `/api/trpc/records.getSigning?input=${encodeURIComponent(JSON.stringify({ envelopeId: sealed.envelopeId }))}`,
  );
  expect(trpc.status()).toBe(403);
  await shot(nurse, 'records-nurse-403');
  await nurse.context().close();
});

test("compare ranks the patient's earlier signature; the patient audit trail verifies intact", async ({
  browser,
  request,
}) => {
  const later = await createSealedSigning(browser, request);
  const page = await signedIn(browser, 'records');
  await page.goto(`/console/records/${later.envelopeId}`);
  const rows = page.getByTestId('compare-row');
  await expect(rows.first()).toBeVisible();
  expect(Number(await rows.first().getAttribute('data-score'))).toBeGreaterThanOrEqual(0);
  await page.getByTestId('compare-panel').scrollIntoViewIfNeeded();
  await shot(page, 'records-compare');
  await page.getByRole('link', { name: '该患者全部审计记录' }).click();
  await expect(page.getByTestId('audit-chain')).toHaveAttribute('data-intact', 'true');
  await expect(page.locator('[data-testid=audit-entry][data-action="records.item_decrypted"]')).toHaveCount(1);
  await shot(page, 'records-patient-audit');
  await page.context().close();
});

test('public /verify accepts the genuine PDF and rejects tampered and shadow-attacked copies with reasons', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'verify-e2e-'));
  const tampered = Buffer.from(signedPdf);
  const at = tampered.indexOf('stream\n', tampered.indexOf('/Length')) + 20;
  tampered[at] = tampered[at]! ^ 0x01;
  const cases = [
    { name: 'genuine.pdf', bytes: signedPdf, verdict: 'VALID', reason: null },
    { name: 'tampered.pdf', bytes: tampered, verdict: 'INVALID', reason: 'DIGEST_MISMATCH' },
    {
      name: 'shadow.pdf',
      bytes: Buffer.from(shadowAttack(signedPdf)),
      verdict: 'INVALID',
      reason: 'REVISION_PAGE_CONTENT_CHANGED',
    },
  ];
  for (const c of cases) {
    writeFileSync(join(dir, c.name), c.bytes);
    await page.goto('/verify');
    await page.getByTestId('verify-file').setInputFiles(join(dir, c.name));
    await page.getByTestId('verify-submit').click();
    await expect(page.getByTestId('verify-report')).toHaveAttribute('data-verdict', c.verdict);
    if (c.reason) {
      await expect(page.locator(`[data-testid=verify-reasons] li[data-code=${c.reason}]`)).toContainText(
        /修改|changed/,
      );
    }
    await expect(page.getByTestId('verify-report')).not.toContainText('ZY2026001');
    await shot(page, `verify-${c.name.replace('.pdf', '')}`);
  }
  await expect(page.getByTestId('verify-json')).toHaveAttribute('download', /verify-.*\.json/);
  // The same verification as a signed PDF: the report itself verifies.
  await page.goto('/verify');
  await page.getByTestId('verify-file').setInputFiles(join(dir, 'genuine.pdf'));
  const [reportDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('verify-signed-pdf').click(),
  ]);
  await reportDownload.saveAs(join(dir, 'report.pdf'));
  const root = Buffer.from(await (await page.request.get('/pki/root.cer')).body()).toString('base64');
  writeFileSync(join(dir, 'root.pem'), `-----BEGIN CERTIFICATE-----\n${root}\n-----END CERTIFICATE-----\n`);
  const signedReport = spawnSync(
    process.execPath,
    [
      join(ROOT, 'packages/cli/bin/inkproof.mjs'),
      'verify',
      join(dir, 'report.pdf'),
      '--trust',
      join(dir, 'root.pem'),
      '--json',
    ],
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(JSON.parse(signedReport.stdout).verdict).toBe('VALID');
});

test('the QR code on the signed page leads to its status page; a copy is checked against the original', async ({
  page,
  baseURL,
}) => {
  const url = decodeQr(signedPdf);
  expect(url).toMatch(/\/verify\/[0-9A-HJKMNP-TV-Z]{10}$/);
  const code = url!.split('/').pop()!;
  const text = spawnSync('pdftotext', ['-l', '1', '-', '-'], { input: signedPdf, encoding: 'utf8' }).stdout;
  expect(text).toContain(`验证码 ${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`);
  await page.goto(new URL(new URL(url!).pathname, baseURL).toString());
  const status = page.getByTestId('code-status');
  await expect(status).toHaveAttribute('data-status', 'sealed');
  await expect(status).toHaveAttribute('data-verdict', 'VALID');
  await expect(status).not.toContainText('张建国');
  await expect(status).not.toContainText('ZY2026001');
  const dir = mkdtempSync(join(tmpdir(), 'copy-e2e-'));
  writeFileSync(join(dir, 'copy.pdf'), signedPdf);
  await page.getByTestId('copy-file').setInputFiles(join(dir, 'copy.pdf'));
  await page.getByRole('button', { name: /比对/ }).click();
  await expect(page.getByTestId('copy-result')).toHaveAttribute('data-matches', 'true');
  await shot(page, 'verify-code-status');
  const tampered = Buffer.from(signedPdf);
  tampered[tampered.length - 200] = tampered[tampered.length - 200]! ^ 0x01;
  writeFileSync(join(dir, 'tampered.pdf'), tampered);
  await page.getByTestId('copy-file').setInputFiles(join(dir, 'tampered.pdf'));
  await page.getByRole('button', { name: /比对/ }).click();
  await expect(page.getByTestId('copy-result')).toHaveAttribute('data-matches', 'false');
  await page.goto('/verify/ZZZZZZZZZZ');
  await expect(page.getByTestId('code-unknown')).toBeVisible();
});
