import { randomUUID } from 'node:crypto';
import { generateSyntheticSignature } from '@inkproof/ink';
import { eq } from 'drizzle-orm';
import { patients, staffUsers, wards } from '../../src/db/schema';
import { acceptSubmission } from '../../src/services/device-flow/accept-submission';
import { getDeviceEnvelope } from '../../src/services/device-flow/get-device-envelope';
import { SUBMISSION_FORMAT } from '../../src/services/device-flow/submission-schema';
import { createDeviceEnrollment, enrollDevice } from '../../src/services/devices/devices';
import { createEnvelope } from '../../src/services/envelopes/create-envelope';
import { JPEG_WITH_EXIF_BASE64 } from '../fixtures/images';
import type { TestApp } from './test-app';

export const SURGERY_DATA = {
  diagnosis: '右肺上叶肺癌',
  procedureName: '胸腔镜右肺上叶切除术',
  procedureDate: '2026-11-25',
  anesthesiaMethod: '全身麻醉',
  surgeon: '李明',
  alternatives: '立体定向放疗；化疗',
};

/** Form data per template key used by the fixtures (fields a template does not have are ignored). */
const FORM_DATA: Record<string, Record<string, string>> = {
  'surgery-consent': SURGERY_DATA,
  'invasive-procedure-consent': {
    diagnosis: '右侧胸腔积液',
    procedureName: '胸腔穿刺术',
    procedureSite: '右侧胸腔',
    procedureDate: '2026-11-24',
    purpose: '诊断性穿刺，明确胸腔积液性质',
    operator: '李明',
    alternatives: '超声随访观察',
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

const noPush = { publish: async () => {} };

/** An enrolled device and an envelope with one surgery consent for 张建国, to be signed by a guardian. */
export async function setUpDeviceEnvelope(
  t: TestApp,
  options: {
    expiresInHours?: number;
    signer?: { role: 'patient' | 'guardian'; name: string; relationship?: string };
    /** More signers after the bedside one (e.g. the doctor, who signs from the console). */
    alsoSigning?: { role: 'doctor' | 'witness'; name: string }[];
    /** Defaults to one surgery consent. */
    templateKeys?: string[];
  } = {},
) {
  const db = t.app.db;
  const [nurse] = await db.select().from(staffUsers).where(eq(staffUsers.username, 'nurse'));
  const [ward] = await db.select().from(wards);
  const [patient] = await db.select().from(patients).where(eq(patients.mrn, 'ZY2026001'));
  const actor = { type: 'staff' as const, id: nurse!.id };
  const enrollment = await createDeviceEnrollment(t.app, actor, {
    name: `平板-${randomUUID().slice(0, 4)}`,
    wardId: ward!.id,
  });
  const device = await enrollDevice(t.app, { code: enrollment.code });
  const envelope = await createEnvelope(
    { ...t.app, push: noPush, hospitalName: '测试医院', publicUrl: 'http://127.0.0.1:3000' },
    actor,
    {
      patientId: patient!.id,
      documents: (options.templateKeys ?? ['surgery-consent']).map((templateKey) => ({
        templateKey,
        data: FORM_DATA[templateKey] ?? SURGERY_DATA,
      })),
      signers: [
        options.signer ?? { role: 'guardian', name: '张小明', relationship: '儿子' },
        ...(options.alsoSigning ?? []),
      ],
      channel: 'device',
      deviceId: device.deviceId,
      expiresInHours: options.expiresInHours ?? 24,
    },
  );
  return { device, envelope, patient: patient! };
}

/** A complete v1 submission for the envelope's first signer and document. */
export function buildSubmission(
  envelopeId: string,
  signerId: string,
  documentId: string,
  overrides: Record<string, unknown> = {},
) {
  const at = new Date().toISOString();
  return {
    format: SUBMISSION_FORMAT,
    idempotencyKey: randomUUID(),
    envelopeId,
    signerId,
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
        documentId,
        pages: [{ page: 0, firstShownAt: at, seconds: 42 }],
        scrolledToEnd: true,
        scrolledToEndAt: at,
        noticesAccepted: [],
      },
    ],
    signatures: [{ documentId, fieldName: 'sig_guardian', signedAt: at, ink: generateSyntheticSignature(7) }],
    timeline: [{ at, type: 'flow.started' }],
    device: { userAgent: 'test', screen: { width: 1280, height: 800, dpr: 2 } },
    ...overrides,
  };
}

/** An envelope on an enrolled device with the fixture submission already accepted (the sealing job is queued). */
export async function acceptFixtureSubmission(t: TestApp) {
  const { device, envelope } = await setUpDeviceEnvelope(t);
  const view = await getDeviceEnvelope({ ...t.app, hospitalName: 'h' }, device.deviceId, envelope.id);
  const body = buildSubmission(envelope.id, view.signers[0]!.id, view.documents[0]!.id);
  const accepted = await acceptSubmission(
    { ...t.app, push: noPush },
    device.deviceId,
    body,
    new TextEncoder().encode(JSON.stringify(body)),
  );
  return { device, envelope, view, accepted };
}
