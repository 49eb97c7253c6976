import { spawnSync } from 'node:child_process';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/db/audit/verify-audit-chain';
import { documents, envelopes, patients, signers, staffUsers, wards } from '../src/db/schema';
import { TEST_DATABASE_KINDS } from '../src/db/testing/open-test-database';
import { AppError, httpStatusOf } from '../src/errors';
import { createDeviceEnrollment, enrollDevice } from '../src/services/devices/devices';
import { createEnvelope } from '../src/services/envelopes/create-envelope';
import { expireOverdueEnvelopes } from '../src/services/envelopes/expire-envelopes';
import { listEnvelopes } from '../src/services/envelopes/list-envelopes';
import { transitionEnvelope } from '../src/services/envelopes/transition-envelope';
import { verificationCodes } from '../src/services/records/verification-codes-table';
import { createTestApp, type TestApp } from './helpers/test-app';

const SURGERY_DATA = {
  diagnosis: '右肺上叶肺癌',
  procedureName: '胸腔镜右肺上叶切除术',
  procedureDate: '2026-11-25',
  anesthesiaMethod: '全身麻醉',
  surgeon: '李明',
  alternatives: '立体定向放疗；化疗；随访观察',
};

describe.each(TEST_DATABASE_KINDS)('envelopes on %s', (kind) => {
  let t: TestApp;
  let patientId: string;
  let nurseId: string;
  let deviceId: string;
  const published: { channel: string; event: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const [p] = await t.app.db.select().from(patients).where(eq(patients.mrn, 'ZY2026001'));
    const [nurse] = await t.app.db.select().from(staffUsers).where(eq(staffUsers.username, 'nurse'));
    const [ward] = await t.app.db.select().from(wards);
    patientId = p!.id;
    nurseId = nurse!.id;
    const enrollment = await createDeviceEnrollment(
      t.app,
      { type: 'staff', id: nurseId },
      { name: '01床平板', wardId: ward!.id },
    );
    deviceId = (await enrollDevice(t.app, { code: enrollment.code })).deviceId;
  });
  afterAll(() => t.cleanup());

  const deps = () => ({
    ...t.app,
    push: {
      publish: async (channel: string, event: Record<string, unknown>) => {
        published.push({ channel, event });
      },
    },
    hospitalName: '测试医院',
    publicUrl: 'http://127.0.0.1:3000',
  });
  const actor = () => ({ type: 'staff' as const, id: nurseId });

  it('launches a surgery consent to a device: renders the PDF, writes rows, audits, pushes', async () => {
    published.length = 0;
    const env = await createEnvelope(deps(), actor(), {
      patientId,
      documents: [{ templateKey: 'surgery-consent', data: SURGERY_DATA }],
      signers: [{ role: 'patient', name: '张建国' }],
      channel: 'device',
      deviceId,
    });
    expect(env.status).toBe('sent');
    const [doc] = await t.app.db.select().from(documents).where(eq(documents.envelopeId, env.id));
    expect(doc!.status).toBe('rendered');
    const pdf = await t.app.blobs.get(doc!.originalSha256!);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    // Patient fields come from the record, not from the request.
    expect(doc!.data).toMatchObject({
      patientName: '张建国',
      mrn: 'ZY2026001',
      sex: 'male',
      ward: '心胸外科一病区',
      bed: '01',
    });
    expect(published.map((p) => [p.channel, p.event.type])).toEqual([
      ['staff', 'envelope.status'],
      [`device:${deviceId}`, 'envelope.pushed'],
    ]);
    const [listed] = await listEnvelopes(t.app.db, { deviceId });
    expect(listed!.documents).toHaveLength(1);
    expect(listed!.signers.map((s) => s.role)).toEqual(['patient']);
    expect((await verifyAuditChain(t.app.db)).intact).toBe(true);
    // Every page carries the document's public verification code (and its QR), so each later signature covers it.
    const [code] = await t.app.db.select().from(verificationCodes).where(eq(verificationCodes.documentId, doc!.id));
    const text = spawnSync('pdftotext', ['-', '-'], { input: Buffer.from(pdf), encoding: 'utf8' }).stdout;
    const printed = [...text.matchAll(/验证码 ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})/g)].map((m) =>
      m[1]!.replace(/-/g, ''),
    );
    expect(printed.length).toBeGreaterThan(0);
    expect(new Set(printed)).toEqual(new Set([code!.code]));
  });

  it('rejects bad form data with every failing path and writes nothing', async () => {
    const before = (await t.app.db.select({ n: count() }).from(envelopes))[0]!.n;
    const signersBefore = (await t.app.db.select({ n: count() }).from(signers))[0]!.n;
    const error = await createEnvelope(deps(), actor(), {
      patientId,
      documents: [
        { templateKey: 'surgery-consent', data: { diagnosis: '肺癌' } },
        { templateKey: 'anesthesia-consent', data: {} },
      ],
      signers: [{ role: 'guardian', name: '张小明', relationship: '儿子' }],
      channel: 'device',
      deviceId,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    const paths = (error as AppError).details.fields!.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['documents.0.data.procedureName', 'documents.0.data.surgeon']));
    expect(paths.some((p) => p.startsWith('documents.1.data.'))).toBe(true);
    expect((await t.app.db.select({ n: count() }).from(envelopes))[0]!.n).toBe(before);
    expect((await t.app.db.select({ n: count() }).from(signers))[0]!.n).toBe(signersBefore);
  });

  it('answers unknown patient and unknown template with NOT_FOUND', async () => {
    const base = { signers: [{ role: 'patient' as const, name: 'x' }], channel: 'link' as const };
    const noPatient = await createEnvelope(deps(), actor(), {
      ...base,
      patientId: '00000000-0000-4000-8000-000000000000',
      documents: [{ templateKey: 'surgery-consent', data: SURGERY_DATA }],
    }).catch((e: unknown) => e);
    expect((noPatient as AppError).code).toBe('NOT_FOUND');
    const noTemplate = await createEnvelope(deps(), actor(), {
      ...base,
      patientId,
      documents: [{ templateKey: 'no-such-form', data: {} }],
    }).catch((e: unknown) => e);
    expect((noTemplate as AppError).code).toBe('NOT_FOUND');
  });

  it('requires a relationship for a guardian and a device for the device channel', async () => {
    const error = await createEnvelope(deps(), actor(), {
      patientId,
      documents: [{ templateKey: 'surgery-consent', data: SURGERY_DATA }],
      signers: [{ role: 'guardian', name: '张小明' }],
      channel: 'device',
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    expect((error as AppError).details.fields!.map((f) => f.path).sort()).toEqual([
      'deviceId',
      'signers.0.relationship',
    ]);
  });

  it('follows the status machine and refuses illegal transitions', async () => {
    const env = await createEnvelope(deps(), actor(), {
      patientId,
      documents: [{ templateKey: 'surgery-consent', data: SURGERY_DATA }],
      signers: [{ role: 'patient', name: '张建国' }],
      channel: 'device',
      deviceId,
    });
    await transitionEnvelope(deps(), { type: 'device', id: deviceId }, env.id, 'opened');
    await transitionEnvelope(deps(), actor(), env.id, 'cancelled', '患者改期');
    const again = await transitionEnvelope(deps(), actor(), env.id, 'opened').catch((e: unknown) => e);
    expect((again as AppError).code).toBe('INVALID_STATE');
    const completed = await transitionEnvelope(deps(), actor(), env.id, 'completed').catch((e: unknown) => e);
    expect((completed as AppError).code).toBe('INVALID_STATE');
    const [row] = await t.app.db.select().from(envelopes).where(eq(envelopes.id, env.id));
    expect(row!.status).toBe('cancelled');
    expect(row!.statusReason).toBe('患者改期');
    expect(published.at(-1)).toMatchObject({ channel: `device:${deviceId}`, event: { type: 'envelope.withdrawn' } });
  });

  it('expires overdue envelopes in the sweep and refuses an expired enrollment code with 410', async () => {
    const env = await createEnvelope(deps(), actor(), {
      patientId,
      documents: [{ templateKey: 'surgery-consent', data: SURGERY_DATA }],
      signers: [{ role: 'patient', name: '张建国' }],
      channel: 'device',
      deviceId,
      expiresInHours: 0.25,
    });
    const later = () => new Date(Date.now() + 3_600_000);
    const expired = await expireOverdueEnvelopes({ ...deps(), clock: later });
    expect(expired).toBeGreaterThanOrEqual(1);
    const [row] = await t.app.db.select().from(envelopes).where(eq(envelopes.id, env.id));
    expect(row!.status).toBe('expired');

    const [ward] = await t.app.db.select().from(wards);
    const enrollment = await createDeviceEnrollment(t.app, actor(), {
      name: '过期设备',
      wardId: ward!.id,
      validHours: 0.1,
    });
    const late = await enrollDevice({ ...t.app, clock: later }, { code: enrollment.code }).catch((e: unknown) => e);
    expect((late as AppError).code).toBe('TOKEN_EXPIRED');
    expect(httpStatusOf((late as AppError).code)).toBe(410);
  });
});
