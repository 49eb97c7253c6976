import { spawnSync } from 'node:child_process';
import { verifyPdf } from '@inkproof/pdf';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '../../src/db/schema';
import { renderSignedVerifyReport } from '../../src/services/records/signed-verify-report';
import { verifyUpload } from '../../src/services/records/verify-upload';
import { sealSubmission } from '../../src/services/sealing/seal-submission';
import { acceptFixtureSubmission } from '../helpers/device-fixture';
import { createTestApp, type TestApp } from '../helpers/test-app';

describe('signed PDF version of the public verification report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.cleanup());

  it('states the verdict and the file digest and is itself a valid B-LTA signed PDF', async () => {
    const { envelope, accepted } = await acceptFixtureSubmission(t);
    const trust = await t.app.trust();
    await sealSubmission(
      { ...t.app, push: { publish: async () => {} }, trust, hospitalName: 'h' },
      accepted.body.submissionId,
    );
    const [doc] = await t.app.db.select().from(documents).where(eq(documents.envelopeId, envelope.id));
    const signed = await t.app.blobs.get(doc!.signedSha256!);
    const report = await verifyUpload(
      { trustAnchors: [trust.pki.rootCertificate], trustedLogKeys: [trust.logKey.publicKey], clock: t.app.clock },
      signed,
    );
    expect(report.verdict).toBe('VALID');
    const pdf = await renderSignedVerifyReport(report, { trust, hospitalName: '测试医院', clock: t.app.clock });
    const check = await verifyPdf(pdf, { trustAnchors: [trust.pki.rootCertificate] });
    expect(check.verdict).toBe('VALID');
    expect(check.signatures.find((s) => s.kind === 'signature')?.level).toBe('B-LTA');
    const text = spawnSync('pdftotext', ['-', '-'], { input: Buffer.from(pdf), encoding: 'utf8' }).stdout;
    expect(text).toContain(report.sha256);
    expect(text).toContain('有效 / VALID');

    const tampered = new Uint8Array(signed);
    tampered[Math.floor(tampered.length / 3)]! ^= 0xff;
    const bad = await verifyUpload(
      { trustAnchors: [trust.pki.rootCertificate], trustedLogKeys: [trust.logKey.publicKey], clock: t.app.clock },
      tampered,
    );
    const badPdf = await renderSignedVerifyReport(bad, { trust, hospitalName: '测试医院', clock: t.app.clock });
    expect(spawnSync('pdftotext', ['-', '-'], { input: Buffer.from(badPdf), encoding: 'utf8' }).stdout).toContain(
      '无效 / INVALID',
    );
  });
});
