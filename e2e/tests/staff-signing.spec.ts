import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { generateSyntheticSignature } from '../../packages/ink/src/index';
import { fakeHidInitScript } from '../../packages/ink-capture/src/sim/install-fake-hid';
import { penSignOn, shot, signedIn } from './helpers';
import { stu540 } from './kiosk-helpers';
import { HIS_HEADERS, inkproof, verifySealedEnvelope } from './verify-outputs';

const his = HIS_HEADERS;

/** A bedside device enrolled through the device API with a code the admin made in the console. */
async function enrolledDevice(admin: Page, request: APIRequestContext) {
  await admin.goto('/console/devices');
  await admin.fill('#device-name', `staff-e2e-${randomUUID().slice(0, 6)}`);
  await admin.locator('#device-bed').selectOption({ label: '02' });
  await admin.getByRole('button', { name: '生成注册码' }).click();
  const code = (await admin.getByTestId('enrollment-code').textContent())!.trim();
  const res = await request.post('/api/device/enroll', { data: { code } });
  expect(res.status()).toBe(201);
  const { deviceId, credential } = (await res.json()) as { deviceId: string; credential: string };
  return { deviceId, headers: { authorization: `Bearer ${credential}` } };
}

/** The patient's own signature arrives from the bedside device (the kiosk UI itself is covered by kiosk-flow). */
async function patientSignsAtBedside(
  request: APIRequestContext,
  device: { headers: Record<string, string> },
  envelopeId: string,
) {
  const view = (await (
    await request.get(`/api/device/envelopes/${envelopeId}`, { headers: device.headers })
  ).json()) as {
    signers: { id: string; role: string }[];
    documents: { id: string; signatureFields: { name: string; role: string }[] }[];
  };
  const at = new Date().toISOString();
  const res = await request.post('/api/device/submissions', {
    headers: device.headers,
    data: {
      format: 'application/vnd.inkproof.submission.v1+json',
      idempotencyKey: randomUUID(),
      envelopeId,
      signerId: view.signers.find((s) => s.role === 'patient')!.id,
      signer: { role: 'patient', name: '张建国' },
      biometricConsent: { accepted: true, at },
      identity: {
        skipped: [
          { step: 'idCard', reason: '身份证在家属处' },
          { step: 'facePhoto', reason: '患者拒绝拍照' },
        ],
      },
      reading: view.documents.map((d) => ({
        documentId: d.id,
        pages: [{ page: 0, firstShownAt: at, seconds: 95 }],
        scrolledToEnd: true,
        scrolledToEndAt: at,
        noticesAccepted: [],
      })),
      signatures: view.documents.map((d, i) => ({
        documentId: d.id,
        fieldName: d.signatureFields.find((f) => f.role === 'patient')!.name,
        signedAt: at,
        ink: generateSyntheticSignature(300 + i),
      })),
      timeline: [{ at, type: 'flow.started' }],
      device: { userAgent: 'bedside', screen: { width: 1280, height: 800, dpr: 2 } },
    },
  });
  expect(res.status(), await res.text()).toBe(202);
}

test('the doctor signs the 告知医师 field of both forms in the console; the envelope completes with both signatures valid', async ({
  browser,
  request,
}) => {
  const admin = await signedIn(browser, 'admin');
  const device = await enrolledDevice(admin, request);
  await admin.context().close();

  const launched = await request.post('/api/v1/envelopes', {
    headers: his,
    data: {
      patientMrn: 'ZY2026001',
      channel: 'device',
      deviceId: device.deviceId,
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
        {
          templateKey: 'transfusion-consent',
          data: {
            diagnosis: '右肺上叶肺癌',
            bloodType: 'A',
            rhType: '阳性',
            components: '悬浮红细胞 2U',
            indication: '术中出血预期较多',
            preTransfusionTests: '乙肝、丙肝、梅毒、HIV 检测均阴性',
            transfusionHistory: '无',
          },
        },
      ],
      signers: [
        { role: 'patient', name: '张建国' },
        { role: 'doctor', name: '李明' },
      ],
    },
  });
  expect(launched.status(), await launched.text()).toBe(201);
  const envelopeId = ((await launched.json()) as { id: string }).id;
  await patientSignsAtBedside(request, device, envelopeId);

  // A nurse sees the doctor's slot but is not offered to sign it.
  const nurse = await signedIn(browser, 'nurse');
  await nurse.goto('/console/envelopes');
  await expect(nurse.getByTestId(`envelope-${envelopeId}`)).toBeVisible();
  await expect(nurse.getByTestId(`envelope-${envelopeId}`).getByTestId('staff-sign-link')).toHaveCount(0);
  await nurse.goto(`/console/sign/${envelopeId}`);
  await expect(nurse.getByTestId('staff-sign-nothing')).toContainText('您的角色不能签署');

  const doctor = await signedIn(browser, 'doctor');
  // A simulated STU-540 on the doctor's desk (WebHID faked at the browser boundary).
  await doctor.addInitScript(fakeHidInitScript({ stream: stu540 }));
  await doctor.goto('/console/envelopes');
  await doctor.getByTestId(`envelope-${envelopeId}`).getByTestId('staff-sign-link').click();
  await expect(doctor.getByTestId('signing-as')).toContainText('李明（医师）');
  await expect(doctor.getByTestId('staff-sign-document')).toHaveCount(2);
  // The documents are shown as they stand, with the patient's signature already in them.
  await expect(doctor.locator('[data-testid^=staff-sign-pdf-] canvas').first()).toBeVisible({ timeout: 30_000 });
  await doctor.getByTestId('staff-sign-consent').click();

  // A dot is not a signature: the validity check says why and nothing is kept.
  const firstBox = doctor.getByTestId('staff-sign-box-sig_doctor').first();
  await firstBox.scrollIntoViewIfNeeded();
  await doctor.getByTestId('staff-sign-box-sig_doctor-confirm').first().click();
  await expect(doctor.getByTestId('staff-signature-problem')).toBeVisible();
  await expect(doctor.getByTestId('staff-sign-submit')).toBeDisabled();

  // The first form on the pad, the second with a pen on the screen.
  await doctor.getByTestId('staff-sign-box-sig_doctor-use-pad').first().click();
  await expect(doctor.getByTestId('staff-sign-box-sig_doctor-pad-status').first()).toContainText('STU-540');
  await doctor.evaluate(
    () => (globalThis as unknown as { __inkproofFakeHid: { finished: Promise<number> } }).__inkproofFakeHid.finished,
  );
  await expect(doctor.getByTestId('staff-sign-box-sig_doctor').first()).toHaveAttribute('data-mode', 'pad');
  await expect(doctor.getByTestId('staff-sign-box-sig_doctor').first()).not.toHaveAttribute('data-samples', '0');
  await doctor.getByTestId('staff-sign-box-sig_doctor-confirm').first().click();
  await expect(doctor.getByTestId('staff-sign-field-done')).toHaveCount(1);
  await penSignOn(doctor, doctor.getByTestId('staff-sign-box-sig_doctor').first());
  await doctor.getByTestId('staff-sign-box-sig_doctor-confirm').first().click();
  await expect(doctor.getByTestId('staff-sign-field-done')).toHaveCount(2);
  await shot(doctor, 'console-staff-sign');
  await doctor.getByTestId('staff-sign-submit').click();
  await expect(doctor.getByTestId('staff-sign-submitted')).toBeVisible();

  await doctor.goto('/console/envelopes');
  await expect(doctor.getByTestId(`envelope-${envelopeId}`).getByTestId('envelope-status')).toHaveAttribute(
    'data-status',
    'completed',
    { timeout: 90_000 },
  );

  const { sealed, pdfsig, bundleFiles } = await verifySealedEnvelope(request, envelopeId, {
    bundles: 2,
    signaturesPerDocument: 2,
  });
  expect(sealed.status).toBe('completed');
  for (const text of pdfsig) expect(text).toContain('(doctor)');
  const inspected = bundleFiles.map((file) => inkproof('bundle', 'inspect', file).out).join('\n');
  expect(inspected).toContain('staff-session: pass');

  // Medical records see which console account made the doctor's signature.
  const records = await signedIn(browser, 'records');
  await records.goto(`/console/records/${envelopeId}`);
  await expect(records.getByTestId('staff-session')).toHaveCount(1);
  await expect(records.getByTestId('staff-session')).toContainText('李明（医师） (doctor)');
  await records.context().close();
});
