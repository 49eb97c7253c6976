import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getDeviceEnvelopeRoute } from '../app/api/device/envelopes/[id]/route';
import { POST as submitRoute } from '../app/api/device/submissions/route';
import { blobs, envelopes, jobs, signers, submissions } from '../src/db/schema';
import { TEST_DATABASE_KINDS } from '../src/db/testing/open-test-database';
import { AppError } from '../src/errors';
import { acceptSubmission, type TRawItem } from '../src/services/device-flow/accept-submission';
import { declineEnvelope } from '../src/services/device-flow/decline-envelope';
import { getDeviceEnvelope } from '../src/services/device-flow/get-device-envelope';
import { revokeDevice } from '../src/services/devices/devices';
import { buildSubmission, setUpDeviceEnvelope } from './helpers/device-fixture';
import { createTestApp, type TestApp } from './helpers/test-app';

const BASE = 'http://localhost:3000';
const noPush = { publish: async () => {} };
const bytes = (body: unknown) => new TextEncoder().encode(JSON.stringify(body));

describe.each(TEST_DATABASE_KINDS)('bedside device flow on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.cleanup());
  const deps = () => ({ ...t.app, push: noPush });

  it('gives the device the reading text, notices, evidence rules and resolved signature fields, never the ID number', async () => {
    const { device, envelope } = await setUpDeviceEnvelope(t);
    const view = await getDeviceEnvelope({ ...t.app, hospitalName: '测试医院' }, device.deviceId, envelope.id);
    expect(view.patient).toMatchObject({ name: '张建国', mrn: 'ZY2026001', bed: '01' });
    expect(JSON.stringify(view)).not.toContain('110105194912310038');
    const doc = view.documents[0]!;
    expect(doc.text).toContain('手术知情同意书');
    expect(doc.text).toContain('胸腔镜右肺上叶切除术');
    expect(doc.signatureFields.map((f) => f.name)).toContain('sig_guardian');
    expect(doc.signatureFields.every((f) => f.page === doc.pageCount - 1 || f.page < doc.pageCount)).toBe(true);
    expect(view.signers[0]).toMatchObject({ role: 'guardian', evidence: { idCard: 'required', photo: 'required' } });
    expect(doc.comprehension && 'answer' in doc.comprehension).toBeFalsy();
  });

  it('accepts a submission once, stores items, enqueues sealing, strips EXIF; a replay answers 200, other bytes 422', async () => {
    const { device, envelope } = await setUpDeviceEnvelope(t);
    const view = await getDeviceEnvelope({ ...t.app, hospitalName: 'h' }, device.deviceId, envelope.id);
    const body = buildSubmission(envelope.id, view.signers[0]!.id, view.documents[0]!.id);
    const first = await acceptSubmission(deps(), device.deviceId, body, bytes(body));
    expect(first.status).toBe(202);
    const again = await acceptSubmission(deps(), device.deviceId, body, bytes(body));
    expect(again).toEqual({ status: 200, body: first.body });
    const changed = { ...body, timeline: [...body.timeline, { at: new Date().toISOString(), type: 'extra' }] };
    const mismatch = await acceptSubmission(deps(), device.deviceId, changed, bytes(changed)).catch((e: unknown) => e);
    expect((mismatch as AppError).code).toBe('IDEMPOTENCY_MISMATCH');

    const [row] = await t.app.db.select().from(submissions).where(eq(submissions.id, first.body.submissionId));
    const items = row!.items as TRawItem[];
    expect(items.map((i) => i.kind).sort()).toEqual(['face-photo', 'submission']);
    const photo = await t.app.blobs.get(items.find((i) => i.kind === 'face-photo')!.sha256);
    expect(Buffer.from(photo).includes('GPS-SECRET-LOCATION')).toBe(false);
    expect([photo[0], photo[1], photo.at(-2), photo.at(-1)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    const queued = await t.app.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `seal:${row!.id}`));
    expect(queued).toHaveLength(1);
    const [env] = await t.app.db.select().from(envelopes).where(eq(envelopes.id, envelope.id));
    expect(env!.status).toBe('signing');
    const [signer] = await t.app.db.select().from(signers).where(eq(signers.id, view.signers[0]!.id));
    expect(signer!.status).toBe('signed');
  });

  it('rejects bad submissions with specific codes and stores nothing', async () => {
    const { device, envelope } = await setUpDeviceEnvelope(t);
    const view = await getDeviceEnvelope({ ...t.app, hospitalName: 'h' }, device.deviceId, envelope.id);
    const signerId = view.signers[0]!.id;
    const documentId = view.documents[0]!.id;
    const before = {
      submissions: (await t.app.db.select({ n: count() }).from(submissions))[0]!.n,
      blobs: (await t.app.db.select({ n: count() }).from(blobs))[0]!.n,
    };
    const attempt = async (body: Record<string, unknown>): Promise<AppError> => {
      const outcome = await acceptSubmission(deps(), device.deviceId, body, bytes(body)).catch((e: unknown) => e);
      if (!(outcome instanceof AppError)) throw new Error('expected the submission to be refused');
      return outcome;
    };

    const good = buildSubmission(envelope.id, signerId, documentId);
    const truncatedInk = buildSubmission(envelope.id, signerId, documentId, {
      signatures: [{ ...good.signatures[0]!, ink: { ...good.signatures[0]!.ink, strokes: [{ samples: [{ t: 0 }] }] } }],
    });
    expect((await attempt(truncatedInk)).code).toBe('VALIDATION_FAILED');
    const wrongMime = buildSubmission(envelope.id, signerId, documentId, {
      identity: {
        facePhoto: {
          imageJpegBase64: Buffer.from('GIF89a-not-a-jpeg').toString('base64'),
          at: new Date().toISOString(),
        },
        skipped: [],
      },
    });
    expect((await attempt(wrongMime)).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const noReason = buildSubmission(envelope.id, signerId, documentId, {
      signer: { role: 'guardian', name: '张小明', relationship: '儿子' },
    });
    const noReasonError = await attempt(noReason);
    expect(noReasonError.details.fields?.map((f) => f.path)).toEqual(['signer.reasonPatientNotSigning']);
    const noConsent = buildSubmission(envelope.id, signerId, documentId, {
      biometricConsent: { accepted: false, at: new Date().toISOString() },
    });
    expect((await attempt(noConsent)).details.fields?.map((f) => f.path)).toEqual(['biometricConsent.accepted']);
    const oversized = buildSubmission(envelope.id, signerId, documentId, {
      identity: {
        facePhoto: { imageJpegBase64: 'A'.repeat(9 * 1024 * 1024), at: new Date().toISOString() },
        skipped: [],
      },
    });
    const oversizedError = await attempt(oversized);
    expect(oversizedError.code).toBe('VALIDATION_FAILED');
    expect(oversizedError.details.fields?.map((f) => f.path)).toEqual(['identity.facePhoto.imageJpegBase64']);
    const unsigned = buildSubmission(envelope.id, signerId, documentId, { signatures: [] });
    expect((await attempt(unsigned)).code).toBe('VALIDATION_FAILED');

    expect((await t.app.db.select({ n: count() }).from(submissions))[0]!.n).toBe(before.submissions);
    expect((await t.app.db.select({ n: count() }).from(blobs))[0]!.n).toBe(before.blobs);
  });

  it('refuses a submission for an expired envelope and from a revoked device', async () => {
    const { device, envelope } = await setUpDeviceEnvelope(t);
    const view = await getDeviceEnvelope({ ...t.app, hospitalName: 'h' }, device.deviceId, envelope.id);
    const body = buildSubmission(envelope.id, view.signers[0]!.id, view.documents[0]!.id);
    const late = await acceptSubmission(
      { ...deps(), clock: () => new Date(Date.now() + 48 * 3_600_000) },
      device.deviceId,
      body,
      bytes(body),
    ).catch((e: unknown) => e);
    expect((late as AppError).code).toBe('INVALID_STATE');

    await revokeDevice({ ...t.app, push: noPush }, { type: 'system', id: null }, device.deviceId);
    const res = await submitRoute(
      new Request(`${BASE}/api/device/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.credential}` },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(403);
    const detail = await getDeviceEnvelopeRoute(
      new Request(`${BASE}/api/device/envelopes/${envelope.id}`, {
        headers: { authorization: `Bearer ${device.credential}` },
      }),
      { params: Promise.resolve({ id: envelope.id }) },
    );
    expect(detail.status).toBe(403);
  });

  it('records a decline with its reason and closes the envelope', async () => {
    const { device, envelope } = await setUpDeviceEnvelope(t);
    const view = await getDeviceEnvelope({ ...t.app, hospitalName: 'h' }, device.deviceId, envelope.id);
    const empty = await declineEnvelope(deps(), device.deviceId, envelope.id, {
      signerId: view.signers[0]!.id,
      reason: ' ',
    }).catch((e: unknown) => e);
    expect((empty as AppError).code).toBe('VALIDATION_FAILED');
    await declineEnvelope(deps(), device.deviceId, envelope.id, {
      signerId: view.signers[0]!.id,
      reason: '家属希望再考虑',
    });
    const [env] = await t.app.db.select().from(envelopes).where(eq(envelopes.id, envelope.id));
    expect(env).toMatchObject({ status: 'declined', statusReason: '家属希望再考虑' });
  });
});
