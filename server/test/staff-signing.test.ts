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
  beforeAll(async () => {
    t = await createTestApp(kind);
    doctor = await signIn('doctor');
    nurse = await signIn('nurse');
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
    const bedside = await post(doctor, staffBody(envelope.id, guardianSlot.id, both));
    expect(bedside.status).toBe(403);
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
    expect(manifest.signer.identityChecks[0]!.detail).toContain('doctor');
    expect(manifest.timeline.scrolledToEnd).toBe(false);

    const audit = await t.app.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, first.body.submissionId as string));
    expect(audit.find((a) => a.action === 'submission.accepted')).toMatchObject({ actorType: 'staff' });
    expect((await verifyAuditChain(t.app.db)).intact).toBe(true);

    // Records review shows which account made the doctor's signature; the guardian's has none.
    const detail = await getSigning(t.app, { type: 'staff', id: audit[0]!.actorId! }, envelope.id);
    const byDoctor = detail.submissions.find((x) => x.signerId === doctorSlot.id)!;
    expect(byDoctor.staffSession).toMatchObject({ username: 'doctor', displayName: '李明（医师）', roles: ['doctor'] });
    expect(byDoctor.skipped.map((k) => k.reason)).toEqual(Array(3).fill('staff-authenticated-by-console-login'));
    expect(detail.submissions.find((x) => x.signerId !== doctorSlot.id)!.staffSession).toBeNull();
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
