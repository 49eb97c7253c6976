import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyEvidenceBundle } from '@inkproof/evidence';
import { generateSyntheticSignature } from '@inkproof/ink';
import { pdfVerifierFor, verifyPdf } from '@inkproof/pdf';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as login } from '../app/api/auth/login/route';
import { POST as submitStaff } from '../app/api/console/submissions/route';
import { GET as trpcGet } from '../app/api/trpc/[trpc]/route';
import { verifyAuditChain } from '../src/db/audit/verify-audit-chain';
import { auditLog, documents, envelopes, evidenceBundles, signers, submissions } from '../src/db/schema';
import { TEST_DATABASE_KINDS } from '../src/db/testing/open-test-database';
import { DEMO_STAFF } from '../src/seed/demo-data';
import { acceptSubmission } from '../src/services/device-flow/accept-submission';
import { getDeviceEnvelope } from '../src/services/device-flow/get-device-envelope';
import { getSigning } from '../src/services/records/get-signing';
import { sealSubmission } from '../src/services/sealing/seal-submission';
import { STAFF_SUBMISSION_FORMAT } from '../src/services/staff-signing/staff-submission-schema';
import { buildSubmission, setUpDeviceEnvelope } from './helpers/device-fixture';
import { createTestApp, type TestApp } from './helpers/test-app';

const BASE = 'http://localhost:3000';
const noParams = { params: Promise.resolve({}) };
const noPush = { publish: async () => {} };

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(username: string): Promise<Session> {
  const password = DEMO_STAFF.find((s) => s.username === username)!.password;
  const res = await login(
    new Request(`${BASE}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }),
    noParams,
  );
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  return { cookie, csrf: ((await res.json()) as { csrf: string }).csrf };
}

async function post(session: Session, body: unknown, csrf = session.csrf) {
  const res = await submitStaff(
    new Request(`${BASE}/api/console/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': csrf },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    noParams,
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function task(session: Session, envelopeId: string) {
  const url = `${BASE}/api/trpc/signing.getStaffSigning?input=${encodeURIComponent(JSON.stringify({ envelopeId }))}`;
  const res = await trpcGet(new Request(url, { headers: { cookie: session.cookie } }));
  return { status: res.status, body: (await res.json()) as { result?: { data: StaffTask } } };
}

interface StaffTask {
  slots: {
    signerId: string;
    role: string;
    maySign: boolean;
    documents: { id: string; title: string; fields: { name: string }[] }[];
  }[];
}

function staffBody(envelopeId: string, signerId: string, sigs: { documentId: string; fieldName: string }[]) {
  const at = new Date().toISOString();
  return {
    format: STAFF_SUBMISSION_FORMAT,
    idempotencyKey: randomUUID(),
    envelopeId,
    signerId,
    biometricConsent: { accepted: true, at },
    signatures: sigs.map((s, i) => ({ ...s, signedAt: at, ink: generateSyntheticSignature(40 + i) })),
    timeline: [{ at, type: 'staff-signing.started' }],
    device: { userAgent: 'console-test', screen: { width: 1920, height: 1080, dpr: 1 } },
  };
}

function pdfsig(pdf: Uint8Array, rootPem: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
  writeFileSync(join(dir, 'root.pem'), rootPem);
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  spawnSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  spawnSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'root', '-t', 'CT,C,C', '-i', join(dir, 'root.pem')]);
  return spawnSync('pdfsig', ['-nssdir', `sql:${dir}`, join(dir, 'doc.pdf')], { encoding: 'utf8' }).stdout;
}

describe.each(TEST_DATABASE_KINDS)('staff signing from the console on %s', (kind) => {
  let t: TestApp;
  let doctor: Session;
  let nurse: Session;
  let admin: Session;
  let records: Session;
  beforeAll(async () => {
    t = await createTestApp(kind);
    doctor = await signIn('doctor');
    nurse = await signIn('nurse');
    admin = await signIn('admin');
    records = await signIn('records');
  });
  afterAll(() => t.cleanup());

  async function twoFormsWithDoctor() {
    const set = await setUpDeviceEnvelope(t, {
      templateKeys: ['surgery-consent', 'transfusion-consent'],
      alsoSigning: [{ role: 'doctor', name: '李明' }],
    });
    const people = await t.app.db
      .select()
      .from(signers)
      .where(eq(signers.envelopeId, set.envelope.id))
      .orderBy(asc(signers.position));
    const docs = await t.app.db
      .select()
      .from(documents)
      .where(eq(documents.envelopeId, set.envelope.id))
      .orderBy(asc(documents.position));
    return { ...set, guardianSlot: people[0]!, doctorSlot: people[1]!, docs };
  }

  it('shows the doctor the slot to sign, with the doctor field of every document; a nurse may not sign it', async () => {
    const { envelope, doctorSlot, docs } = await twoFormsWithDoctor();
    const mine = await task(doctor, envelope.id);
    expect(mine.status).toBe(200);
    const slots = mine.body.result!.data.slots;
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({ signerId: doctorSlot.id, role: 'doctor', maySign: true });
    expect(slots[0]!.documents.map((d) => d.id)).toEqual(docs.map((d) => d.id));
    expect(slots[0]!.documents.every((d) => d.fields.some((f) => f.name === 'sig_doctor'))).toBe(true);
    const theirs = await task(nurse, envelope.id);
    expect(theirs.body.result!.data.slots[0]!.maySign).toBe(false);
  });

  it('rejects, each with its own error and nothing stored: no CSRF token, a nurse in the doctor slot, a doctor in a bedside slot, a wrong field, a missing document', async () => {
    const { envelope, doctorSlot, guardianSlot, docs } = await twoFormsWithDoctor();
    const both = docs.map((d) => ({ documentId: d.id, fieldName: 'sig_doctor' }));
    const csrf = await post(doctor, staffBody(envelope.id, doctorSlot.id, both), 'wrong');
    expect(csrf.status).toBe(403);
    expect(csrf.body.code).toBe('CSRF_REJECTED');
    const byNurse = await post(nurse, staffBody(envelope.id, doctorSlot.id, both));
    expect(byNurse.status).toBe(403);
    expect(byNurse.body.code).toBe('FORBIDDEN');
    expect(JSON.stringify(byNurse.body)).toContain('role doctor needs doctor');
    const bedside = await post(doctor, staffBody(envelope.id, guardianSlot.id, both));
    expect(bedside.status).toBe(403);
    expect(JSON.stringify(bedside.body)).toContain('signs at the bedside');
    for (const who of [admin, records]) {
      const refused = await post(who, staffBody(envelope.id, doctorSlot.id, both));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
    const quiz = await post(doctor, {
      ...staffBody(envelope.id, doctorSlot.id, both),
      timeline: [{ at: new Date().toISOString(), type: 'reading.quiz', detail: { answer: 'A' } }],
    });
    expect(quiz.status).toBe(400);
    const twiceSameField = await post(doctor, staffBody(envelope.id, doctorSlot.id, [...both, both[0]!]));
    expect(twiceSameField.status).toBe(400);
    const wrongField = await post(
      doctor,
      staffBody(envelope.id, doctorSlot.id, [both[0]!, { documentId: docs[1]!.id, fieldName: 'sig_guardian' }]),
    );
    expect(wrongField.status).toBe(400);
    expect(JSON.stringify(wrongField.body)).toContain('/signatures/1/fieldName');
    const oneOnly = await post(doctor, staffBody(envelope.id, doctorSlot.id, [both[0]!]));
    expect(oneOnly.status).toBe(400);
    const stored = await t.app.db.select().from(submissions).where(eq(submissions.envelopeId, envelope.id));
    expect(stored).toEqual([]);
    const [slot] = await t.app.db.select().from(signers).where(eq(signers.id, doctorSlot.id));
    expect(slot!.status).not.toBe('signed');
  });

  it('the doctor signs first, the guardian after: both sealed into the same PDFs, every signature valid, the envelope completes once', async () => {
    const { envelope, device, doctorSlot, docs } = await twoFormsWithDoctor();
    const body = staffBody(
      envelope.id,
      doctorSlot.id,
      docs.map((d) => ({ documentId: d.id, fieldName: 'sig_doctor' })),
    );
    const first = await post(doctor, body);
    expect(first.status).toBe(202);
    // The same request again answers with the same submission; other bytes under that key are refused.
    const again = await post(doctor, body);
    expect(again).toEqual({ status: 200, body: first.body });
    const changed = await post(doctor, { ...body, timeline: [] });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_MISMATCH');
    const twice = await post(doctor, { ...body, idempotencyKey: randomUUID() });
    expect(twice.status).toBe(409);

    const trust = await t.app.trust();
    const deps = { ...t.app, push: noPush, trust, hospitalName: '测试医院' };
    expect(await sealSubmission(deps, first.body.submissionId as string)).toBe('sealed');
    const [afterDoctor] = await t.app.db.select().from(envelopes).where(eq(envelopes.id, envelope.id));
    expect(afterDoctor!.status).toBe('signing');

    // The bedside no longer offers the doctor's slot; the guardian signs both documents there.
    const view = await getDeviceEnvelope({ ...t.app, hospitalName: 'h' }, device.deviceId, envelope.id);
    expect(view.signers.find((s) => s.role === 'doctor')!.status).toBe('signed');
    const guardian = buildSubmission(envelope.id, view.signers[0]!.id, docs[0]!.id, {
      signatures: docs.map((d, i) => ({
        documentId: d.id,
        fieldName: 'sig_guardian',
        signedAt: new Date().toISOString(),
        ink: generateSyntheticSignature(80 + i),
      })),
      reading: [],
    });
    const accepted = await acceptSubmission(
      { ...t.app, push: noPush },
      device.deviceId,
      guardian,
      new TextEncoder().encode(JSON.stringify(guardian)),
    );
    expect(await sealSubmission(deps, accepted.body.submissionId)).toBe('sealed');

    const [env] = await t.app.db.select().from(envelopes).where(eq(envelopes.id, envelope.id));
    expect(env!.status).toBe('completed');
    for (const d of docs) {
      const [row] = await t.app.db.select().from(documents).where(eq(documents.id, d.id));
      const pdf = await t.app.blobs.get(row!.signedSha256!);
      const report = await verifyPdf(pdf, { trustAnchors: [trust.pki.rootCertificate] });
      expect(report.verdict).toBe('VALID');
      const sigs = report.signatures.filter((s) => s.kind === 'signature');
      expect(sigs.map((s) => s.fieldName)).toEqual(['sig_doctor', 'sig_guardian']);
      const text = pdfsig(pdf, trust.pki.rootPem);
      expect(text.match(/Signature is Valid/g)).toHaveLength(2);
      expect(text).toContain('CN=李明（医师） (doctor)');
    }

    const [bundleRow] = await t.app.db
      .select()
      .from(evidenceBundles)
      .where(eq(evidenceBundles.signerId, doctorSlot.id));
    const zip = await t.app.blobs.get(bundleRow!.bundleSha256);
    const verdict = await verifyEvidenceBundle(zip, {
      trustAnchors: [trust.pki.rootCertificate],
      escrowKey: trust.escrow.keyPem!,
      pdfVerifier: pdfVerifierFor([trust.pki.rootCertificate]),
      trustedLogKeys: [trust.logKey.publicKey],
    });
    expect(verdict.valid).toBe(true);
    const { unzipSync } = await import('fflate');
    const manifest = JSON.parse(Buffer.from(unzipSync(zip)['manifest.json']!).toString('utf8')) as {
      signer: { role: string; name: string; identityChecks: { check: string; result: string; detail?: string }[] };
      timeline: { scrolledToEnd: boolean };
    };
    expect(manifest.signer).toMatchObject({ role: 'doctor', name: '李明（医师）' });
    expect(manifest.signer.identityChecks[0]).toMatchObject({ check: 'staff-session', result: 'pass' });
    expect(manifest.signer.identityChecks[0]!.detail).toBe('李明（医师） (doctor; doctor)');
    expect(manifest.timeline.scrolledToEnd).toBe(false);

    const audit = await t.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, first.body.submissionId as string));
    expect(audit.find((a) => a.action === 'submission.accepted')).toMatchObject({ actorType: 'staff' });
    expect((await verifyAuditChain(t.app.db)).intact).toBe(true);

    // Records review shows which account made the doctor's signature; the guardian's has none.
    const acceptedBy = audit.find((a) => a.action === 'submission.accepted')!.actorId!;
    const detail = await getSigning(t.app, { type: 'staff', id: acceptedBy }, envelope.id);
    const byDoctor = detail.submissions.find((x) => x.signerId === doctorSlot.id)!;
    expect(byDoctor.staffSession).toMatchObject({ username: 'doctor', displayName: '李明（医师）', roles: ['doctor'] });
    expect(byDoctor.skipped.map((k) => k.reason)).toEqual(Array(3).fill('staff-authenticated-by-console-login'));
    expect(detail.submissions.find((x) => x.signerId !== doctorSlot.id)!.staffSession).toBeNull();
  });

  it('keeps the bedside out of staff slots: no doctor slot from a device, no staff role or staff field claimed there', async () => {
    const { envelope, device, doctorSlot, guardianSlot, docs } = await twoFormsWithDoctor();
    const at = new Date().toISOString();
    const sigs = (fieldName: string) =>
      docs.map((d, i) => ({ documentId: d.id, fieldName, signedAt: at, ink: generateSyntheticSignature(120 + i) }));
    const viaDevice = async (body: Record<string, unknown>) => {
      try {
        return await acceptSubmission(
          { ...t.app, push: noPush },
          device.deviceId,
          body,
          new TextEncoder().encode(JSON.stringify(body)),
        );
      } catch (error) {
        return { status: (error as { code: string }).code };
      }
    };
    const asDoctor = buildSubmission(envelope.id, doctorSlot.id, docs[0]!.id, {
      signer: { role: 'guardian', name: '张小明', relationship: '儿子', reasonPatientNotSigning: '镇静' },
      signatures: sigs('sig_guardian'),
    });
    expect(await viaDevice(asDoctor)).toEqual({ status: 'FORBIDDEN' });
    const claimsWitness = buildSubmission(envelope.id, guardianSlot.id, docs[0]!.id, {
      signer: { role: 'witness', name: '路人' },
      signatures: sigs('sig_doctor'),
    });
    expect(await viaDevice(claimsWitness)).toEqual({ status: 'VALIDATION_FAILED' });
    const doctorField = buildSubmission(envelope.id, guardianSlot.id, docs[0]!.id, { signatures: sigs('sig_doctor') });
    expect(await viaDevice(doctorField)).toEqual({ status: 'VALIDATION_FAILED' });
    expect(await t.app.db.select().from(submissions).where(eq(submissions.envelopeId, envelope.id))).toEqual([]);
  });

  it('lets one of two racing submissions for the same slot through; the other is refused and nothing of it is kept', async () => {
    const { envelope, doctorSlot, docs } = await twoFormsWithDoctor();
    const sigs = docs.map((d) => ({ documentId: d.id, fieldName: 'sig_doctor' }));
    const results = await Promise.all([
      post(doctor, staffBody(envelope.id, doctorSlot.id, sigs)),
      post(doctor, staffBody(envelope.id, doctorSlot.id, sigs)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
    const stored = await t.app.db.select().from(submissions).where(eq(submissions.envelopeId, envelope.id));
    expect(stored).toHaveLength(1);
  });

  it('a witness who signs one form of two seals into that form only; one person cannot also be the witness', async () => {
    const set = await setUpDeviceEnvelope(t, {
      templateKeys: ['invasive-procedure-consent', 'surgery-consent'],
      alsoSigning: [
        { role: 'doctor', name: '李明' },
        { role: 'witness', name: '王芳' },
      ],
    });
    const people = await t.app.db
      .select()
      .from(signers)
      .where(eq(signers.envelopeId, set.envelope.id))
      .orderBy(asc(signers.position));
    const docs = await t.app.db
      .select()
      .from(documents)
      .where(eq(documents.envelopeId, set.envelope.id))
      .orderBy(asc(documents.position));
    const [, doctorSlot, witnessSlot] = people;
    const seen = await task(nurse, set.envelope.id);
    const witnessTask = seen.body.result!.data.slots.find((x) => x.role === 'witness')!;
    expect(witnessTask.documents.map((d) => d.id)).toEqual([docs[0]!.id]);

    const byDoctor = await post(
      doctor,
      staffBody(
        set.envelope.id,
        doctorSlot!.id,
        docs.map((d) => ({ documentId: d.id, fieldName: 'sig_doctor' })),
      ),
    );
    expect(byDoctor.status).toBe(202);
    const doctorAsWitness = await post(
      doctor,
      staffBody(set.envelope.id, witnessSlot!.id, [{ documentId: docs[0]!.id, fieldName: 'sig_witness' }]),
    );
    expect(doctorAsWitness.status).toBe(409);
    expect(JSON.stringify(doctorAsWitness.body)).toContain('one signature slot per person');
    const witnessElsewhere = await post(
      nurse,
      staffBody(set.envelope.id, witnessSlot!.id, [
        { documentId: docs[0]!.id, fieldName: 'sig_witness' },
        { documentId: docs[1]!.id, fieldName: 'sig_witness' },
      ]),
    );
    expect(witnessElsewhere.status).toBe(400);
    const byNurse = await post(
      nurse,
      staffBody(set.envelope.id, witnessSlot!.id, [{ documentId: docs[0]!.id, fieldName: 'sig_witness' }]),
    );
    expect(byNurse.status).toBe(202);

    const trust = await t.app.trust();
    const deps = { ...t.app, push: noPush, trust, hospitalName: '测试医院' };
    expect(await sealSubmission(deps, byNurse.body.submissionId as string)).toBe('sealed');
    expect(await sealSubmission(deps, byDoctor.body.submissionId as string)).toBe('sealed');
    const [invasive] = await t.app.db.select().from(documents).where(eq(documents.id, docs[0]!.id));
    const report = await verifyPdf(await t.app.blobs.get(invasive!.signedSha256!), {
      trustAnchors: [trust.pki.rootCertificate],
    });
    expect(report.verdict).toBe('VALID');
    expect(report.signatures.filter((x) => x.kind === 'signature').map((x) => x.fieldName)).toEqual([
      'sig_witness',
      'sig_doctor',
    ]);
    const [bundleRow] = await t.app.db
      .select()
      .from(evidenceBundles)
      .where(eq(evidenceBundles.signerId, witnessSlot!.id));
    const { unzipSync } = await import('fflate');
    const manifest = JSON.parse(
      Buffer.from(unzipSync(await t.app.blobs.get(bundleRow!.bundleSha256))['manifest.json']!).toString('utf8'),
    ) as { documents: { id: string }[]; timeline: { events: { type: string; detail?: string }[] } };
    expect(manifest.documents.map((d) => d.id)).toEqual([docs[0]!.id]);
    // The slot was assigned to 王芳 at launch and signed by the nurse account: both names are in the evidence.
    const accepted = manifest.timeline.events.find((e) => e.type === 'staff-signing.accepted')!;
    expect(accepted.detail).toContain('王芳');
    expect(accepted.detail).toContain('王芳（护士）');
  });

  it('refuses a signature on an expired envelope', async () => {
    const { envelope, doctorSlot, docs } = await twoFormsWithDoctor();
    await t.app.db
      .update(envelopes)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(envelopes.id, envelope.id));
    const res = await post(
      doctor,
      staffBody(
        envelope.id,
        doctorSlot.id,
        docs.map((d) => ({ documentId: d.id, fieldName: 'sig_doctor' })),
      ),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
  });

  it('refuses a signature on a closed envelope', async () => {
    const { envelope, doctorSlot, docs } = await twoFormsWithDoctor();
    await t.app.db.update(envelopes).set({ status: 'cancelled' }).where(eq(envelopes.id, envelope.id));
    const res = await post(
      doctor,
      staffBody(
        envelope.id,
        doctorSlot.id,
        docs.map((d) => ({ documentId: d.id, fieldName: 'sig_doctor' })),
      ),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INVALID_STATE');
  });
});
