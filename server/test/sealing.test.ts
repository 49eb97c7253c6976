import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyEvidenceBundle } from '@inkproof/evidence';
import { generateSyntheticCard } from '@inkproof/idcard';
import { generateSyntheticSignature } from '@inkproof/ink';
import { pdfVerifierFor, verifyPdf } from '@inkproof/pdf';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_CONTEXTS } from '../src/crypto';
import { verifyAuditChain } from '../src/db/audit/verify-audit-chain';
import { documents, envelopes, evidenceBundles, patients, signatures, submissions, tlogLeaves } from '../src/db/schema';
import { TEST_DATABASE_KINDS } from '../src/db/testing/open-test-database';
import { buildEnvelopeCourtReports } from '../src/services/court-report';
import { acceptSubmission } from '../src/services/device-flow/accept-submission';
import { getDeviceEnvelope } from '../src/services/device-flow/get-device-envelope';
import { failSealing } from '../src/services/sealing/fail-sealing';
import { sealSubmission } from '../src/services/sealing/seal-submission';

import { acceptFixtureSubmission, buildSubmission, setUpDeviceEnvelope } from './helpers/device-fixture';
import { createTestApp, type TestApp } from './helpers/test-app';

const noPush = { publish: async () => {} };

async function readManifestText(zip: Uint8Array): Promise<string> {
  const { unzipSync } = await import('fflate');
  return Buffer.from(unzipSync(zip)['manifest.json']!).toString('utf8');
}

function pdfsig(pdf: Uint8Array, rootPem: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdfsig-'));
  writeFileSync(join(dir, 'root.pem'), rootPem);
  writeFileSync(join(dir, 'doc.pdf'), pdf);
  spawnSync('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  spawnSync('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'root', '-t', 'CT,C,C', '-i', join(dir, 'root.pem')]);
  return spawnSync('pdfsig', ['-nssdir', `sql:${dir}`, join(dir, 'doc.pdf')], { encoding: 'utf8' }).stdout;
}

describe.each(TEST_DATABASE_KINDS)('sealing on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.cleanup());

  it('seals a guardian submission: B-LTA PDF with the handwriting, an evidence bundle that verifies, a log entry, completion', async () => {
    const { envelope, accepted } = await acceptFixtureSubmission(t);
    const trust = await t.app.trust();
    const deps = { ...t.app, push: noPush, trust, hospitalName: '测试医院' };
    expect(await sealSubmission(deps, accepted.body.submissionId)).toBe('sealed');
    // A retried job after the commit does nothing more.
    expect(await sealSubmission(deps, accepted.body.submissionId)).toBe('already-sealed');

    const [env] = await t.app.db.select().from(envelopes).where(eq(envelopes.id, envelope.id));
    expect(env!.status).toBe('completed');
    const [doc] = await t.app.db.select().from(documents).where(eq(documents.envelopeId, envelope.id));
    expect(doc!.status).toBe('signed');
    const signed = await t.app.blobs.get(doc!.signedSha256!);
    const report = await verifyPdf(signed, { trustAnchors: [trust.pki.rootCertificate] });
    expect(report.verdict).toBe('VALID');
    const sigs = report.signatures.filter((s) => s.kind === 'signature');
    expect(sigs).toHaveLength(1);
    expect(sigs[0]).toMatchObject({ level: 'B-LTA' });
    const text = pdfsig(signed, trust.pki.rootPem);
    expect(text).toContain('Signature is Valid');
    expect(text).not.toMatch(/Digest Mismatch|Signature is Invalid/);
    expect(text).toContain('Signer full Distinguished Name: CN=张小明 (guardian),title=guardian (儿子)');

    const [row] = await t.app.db.select().from(evidenceBundles).where(eq(evidenceBundles.envelopeId, envelope.id));
    const zip = await t.app.blobs.get(row!.bundleSha256);
    const verdict = await verifyEvidenceBundle(zip, {
      trustAnchors: [trust.pki.rootCertificate],
      escrowKey: trust.escrow.keyPem!,
      pdfVerifier: pdfVerifierFor([trust.pki.rootCertificate]),
      trustedLogKeys: [trust.logKey.publicKey],
    });
    expect(verdict.steps.filter((s) => s.status !== 'pass' && s.status !== 'skipped')).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect((await t.app.db.select({ n: count() }).from(tlogLeaves))[0]!.n).toBeGreaterThanOrEqual(1);
    expect(await t.app.db.select().from(signatures).where(eq(signatures.documentId, doc!.id))).toHaveLength(1);
    const [sub] = await t.app.db.select().from(submissions).where(eq(submissions.id, accepted.body.submissionId));
    expect(sub!.status).toBe('sealed');
    expect((await verifyAuditChain(t.app.db)).intact).toBe(true);
  });

  it('leaves nothing behind when sealing dies before its commit, and the retry seals exactly once', async () => {
    const { envelope, accepted } = await acceptFixtureSubmission(t);
    const trust = await t.app.trust();
    const leavesBefore = (await t.app.db.select({ n: count() }).from(tlogLeaves))[0]!.n;
    // The TSA answers the PDF time-stamps, then goes away while the evidence seal is being time-stamped: the
    // process dies (or the job fails) after the PDFs were signed and before the sealing transaction commits.
    let calls = 0;
    const flakyTsa = {
      timestamp: async (imprint: Uint8Array, alg?: 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SM3') => {
        calls++;
        if (calls > 2) throw new Error('TSA unreachable');
        return trust.tsa.timestamp(imprint, alg);
      },
    };
    const failing = { ...t.app, push: noPush, trust: { ...trust, tsa: flakyTsa }, hospitalName: 'h' };
    await expect(sealSubmission(failing, accepted.body.submissionId)).rejects.toThrow();
    expect((await t.app.db.select({ n: count() }).from(tlogLeaves))[0]!.n).toBe(leavesBefore);
    expect(
      await t.app.db.select().from(evidenceBundles).where(eq(evidenceBundles.envelopeId, envelope.id)),
    ).toHaveLength(0);
    const [doc] = await t.app.db.select().from(documents).where(eq(documents.envelopeId, envelope.id));
    expect(doc!.signedSha256).toBeNull();

    expect(await sealSubmission({ ...t.app, push: noPush, trust, hospitalName: 'h' }, accepted.body.submissionId)).toBe(
      'sealed',
    );
    expect(
      await t.app.db.select().from(evidenceBundles).where(eq(evidenceBundles.envelopeId, envelope.id)),
    ).toHaveLength(1);
    expect((await t.app.db.select({ n: count() }).from(tlogLeaves))[0]!.n).toBe(leavesBefore + 1);
    const [after] = await t.app.db.select().from(documents).where(eq(documents.envelopeId, envelope.id));
    const report = await verifyPdf(await t.app.blobs.get(after!.signedSha256!), {
      trustAnchors: [trust.pki.rootCertificate],
    });
    expect(report.verdict).toBe('VALID');
    expect(report.signatures.filter((x) => x.kind === 'signature')).toHaveLength(1);
  });

  it('marks submission and envelope failed when sealing gives up', async () => {
    const { envelope, accepted } = await acceptFixtureSubmission(t);
    await failSealing({ ...t.app, push: noPush }, accepted.body.submissionId, 'TSA_UNAVAILABLE');
    const [env] = await t.app.db.select().from(envelopes).where(eq(envelopes.id, envelope.id));
    expect(env!.status).toBe('failed');
    const [sub] = await t.app.db.select().from(submissions).where(eq(submissions.id, accepted.body.submissionId));
    expect(sub).toMatchObject({ status: 'failed', lastError: 'TSA_UNAVAILABLE' });
  });

  it('reads the ID card on the server: the event certificate carries the salted number hash and the patient match is recorded', async () => {
    const card = await generateSyntheticCard(11);
    const [patient] = await t.app.db.select().from(patients).where(eq(patients.mrn, 'ZY2026001'));
    const hash = t.app.cipher.lookupHash(card.identity.idNumber, FIELD_CONTEXTS.patientIdNumber);
    await t.app.db.update(patients).set({ idNumberHash: hash }).where(eq(patients.id, patient!.id));
    const { device, envelope } = await setUpDeviceEnvelope(t, {
      signer: { role: 'patient', name: card.identity.name },
    });
    const view = await getDeviceEnvelope({ ...t.app, hospitalName: 'h' }, device.deviceId, envelope.id);
    const body = buildSubmission(envelope.id, view.signers[0]!.id, view.documents[0]!.id, {
      signer: { role: 'patient', name: card.identity.name },
      signatures: [
        {
          documentId: view.documents[0]!.id,
          fieldName: 'sig_patient',
          signedAt: new Date().toISOString(),
          ink: generateSyntheticSignature(3),
        },
      ],
      identity: {
        idCard: {
          imageJpegBase64: Buffer.from(card.jpeg).toString('base64'),
          ocr: {},
          confirmed: true,
          at: new Date().toISOString(),
        },
        skipped: [{ step: 'facePhoto', reason: '患者不便拍照' }],
      },
    });
    const accepted = await acceptSubmission(
      { ...t.app, push: noPush },
      device.deviceId,
      body,
      new TextEncoder().encode(JSON.stringify(body)),
      { address: '10.20.30.40' },
    );
    const trust = await t.app.trust();
    await sealSubmission({ ...t.app, push: noPush, trust, hospitalName: 'h' }, accepted.body.submissionId);
    const [sig] = await t.app.db
      .select()
      .from(signatures)
      .where(eq(signatures.submissionId, accepted.body.submissionId));
    const cert = new X509Certificate(Buffer.from(sig!.eventCertificateDer!));
    expect(cert.subject).toContain(`serialNumber=${hash}`);
    expect(cert.subject).not.toContain(card.identity.idNumber);
    const [row] = await t.app.db
      .select()
      .from(evidenceBundles)
      .where(eq(evidenceBundles.submissionId, accepted.body.submissionId));
    const manifestText = await readManifestText(await t.app.blobs.get(row!.bundleSha256));
    expect(manifestText).not.toContain(card.identity.idNumber);
    const manifest = JSON.parse(manifestText) as {
      signer: { idNumberHash: string; identityChecks: { check: string; result: string }[] };
    };
    expect(manifest.signer.idNumberHash).toBe(hash);
    // Network context: the address the server received the submission from.
    expect((JSON.parse(manifestText) as { device: { ip?: string } }).device.ip).toBe('10.20.30.40');
    expect(manifest.signer.identityChecks).toEqual(
      expect.arrayContaining([
        { check: 'id-number-valid', result: 'pass' },
        { check: 'id-number-matches-patient-record', result: 'pass' },
      ]),
    );
  });

  it('judges the comprehension answer on the server (the device never sees the key) and keeps every attempt', async () => {
    const { device, envelope } = await setUpDeviceEnvelope(t);
    const view = await getDeviceEnvelope({ ...t.app, hospitalName: 'h' }, device.deviceId, envelope.id);
    const doc = view.documents[0]!;
    expect(doc.comprehension).toBeDefined();
    const options = doc.comprehension!.options.map((o) => o.value);
    const at = new Date().toISOString();
    const body = buildSubmission(envelope.id, view.signers[0]!.id, doc.id, {
      timeline: options.map((answer) => ({ at, type: 'reading.quiz', detail: { documentId: doc.id, answer } })),
    });
    const accepted = await acceptSubmission(
      { ...t.app, push: noPush },
      device.deviceId,
      body,
      new TextEncoder().encode(JSON.stringify(body)),
    );
    await sealSubmission(
      { ...t.app, push: noPush, trust: await t.app.trust(), hospitalName: 'h' },
      accepted.body.submissionId,
    );
    const [row] = await t.app.db
      .select()
      .from(evidenceBundles)
      .where(eq(evidenceBundles.submissionId, accepted.body.submissionId));
    const manifest = JSON.parse(await readManifestText(await t.app.blobs.get(row!.bundleSha256))) as {
      timeline: { quiz: { answer: string; isCorrect?: boolean }[] };
    };
    expect(manifest.timeline.quiz.map((q) => q.answer)).toEqual(options);
    expect(manifest.timeline.quiz.filter((q) => q.isCorrect === true)).toHaveLength(1);
    expect(manifest.timeline.quiz.every((q) => typeof q.isCorrect === 'boolean')).toBe(true);
  });

  it('produces a sealed court report for a sealed bundle (verifies B-LTA; names the signer and the verification steps)', async () => {
    const { envelope, accepted } = await acceptFixtureSubmission(t);
    const trust = await t.app.trust();
    await sealSubmission({ ...t.app, push: noPush, trust, hospitalName: 'h' }, accepted.body.submissionId);
    const reports = await buildEnvelopeCourtReports(
      { ...t.app, trust, hospitalName: '测试医院', publicUrl: 'http://127.0.0.1:3000' },
      envelope.id,
    );
    expect(reports).toHaveLength(1);
    const verdict = await verifyPdf(reports[0]!.pdf, { trustAnchors: [trust.pki.rootCertificate] });
    expect(verdict.verdict).toBe('VALID');
    const text = spawnSync('pdftotext', ['-', '-'], { input: Buffer.from(reports[0]!.pdf), encoding: 'utf8' }).stdout;
    expect(text).toContain('张小明');
    expect(text).toMatch(/openssl cms -verify/);
  });
});
