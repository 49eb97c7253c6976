import { beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceBundle } from '../src/bundle/build-evidence-bundle.js';
import { describeEvidence } from '../src/bundle/describe-evidence.js';
import { fromHex } from '../src/util/bytes.js';
import { reportErrorCodes, verifyEvidenceBundle } from '../src/verify/verify-evidence-bundle.js';
import { makeThreePagePdf, pdfVerifierFor, signWithEvent } from './pdf-document.js';
import { createSampleWorld, type SampleWorld, sampleBundleInput } from './sample-bundle.js';

let world: SampleWorld;
beforeAll(async () => {
  world = await createSampleWorld();
});

const optionsFor = (w: SampleWorld) => ({
  trustAnchors: [w.pki.rootCertificate],
  trustedLogKeys: [w.logKey.publicKey],
  pdfVerifier: pdfVerifierFor([w.pki.rootCertificate]),
});

describe('documents step with @inkproof/pdf as the injected verifier', () => {
  it('passes a PAdES B-T consent signed by the event certificate', async () => {
    const { zip } = await buildEvidenceBundle(await sampleBundleInput(world, 11, 0.05, { realPdf: true }));
    const report = await verifyEvidenceBundle(zip, optionsFor(world));
    expect(reportErrorCodes(report)).toEqual([]);
    const documents = report.steps.find((s) => s.step === 'documents');
    expect(documents?.status).toBe('pass');
    expect(documents?.facts['consent.extendsOriginal']).toBe(true);
  }, 60_000);

  it('DOCUMENT_SIGNER_MISMATCH when the PDF is signed by another event certificate', async () => {
    const input = await sampleBundleInput(world, 12, 0.05, { realPdf: true });
    const other = await world.pki.issueEventCertificate({
      name: 'someone else',
      role: 'patient',
      evidenceDigest: fromHex(describeEvidence(input).evidenceDigest),
    });
    const before = input.documents[0]!.before as Uint8Array;
    input.documents[0]!.signed = await signWithEvent(before, other, world.pki);
    const report = await verifyEvidenceBundle((await buildEvidenceBundle(input)).zip, optionsFor(world));
    expect(reportErrorCodes(report)).toEqual(['DOCUMENT_SIGNER_MISMATCH']);
  }, 60_000);

  it('DOCUMENT_SIGNATURE_INVALID when a sealed PDF carries a broken signature', async () => {
    const input = await sampleBundleInput(world, 13, 0.05, { realPdf: true });
    const signed = input.documents[0]!.signed.slice();
    // Change a byte of the signature revision inside the signed byte range (the claimed signing time); the
    // manifest then seals the broken file faithfully, and the original revision is untouched.
    const before = input.documents[0]!.before as Uint8Array;
    const at = Buffer.from(signed).indexOf('/M (D:', before.byteLength);
    expect(at).toBeGreaterThan(before.byteLength);
    signed[at + 7] = signed[at + 7] === 0x31 ? 0x32 : 0x31;
    input.documents[0]!.signed = signed;
    const report = await verifyEvidenceBundle((await buildEvidenceBundle(input)).zip, optionsFor(world));
    expect(reportErrorCodes(report)).toEqual(['DOCUMENT_SIGNATURE_INVALID']);
  }, 60_000);

  it('DOCUMENT_ORIGINAL_MISMATCH when the signed PDF does not extend the document presented for reading', async () => {
    const input = await sampleBundleInput(world, 14, 0.05, { realPdf: true });
    // Signed correctly, but another form than the one recorded as presented for reading.
    const shown = await makeThreePagePdf(15);
    input.documents[0]!.before = shown;
    const { evidenceDigest } = describeEvidence(input);
    const credential = await world.pki.issueEventCertificate({
      name: 'x',
      role: 'patient',
      evidenceDigest: fromHex(evidenceDigest),
    });
    input.eventCertificate = credential.certificate;
    input.documents[0]!.signed = await signWithEvent(await makeThreePagePdf(14), credential, world.pki);
    const report = await verifyEvidenceBundle((await buildEvidenceBundle(input)).zip, optionsFor(world));
    expect(reportErrorCodes(report)).toEqual(['DOCUMENT_ORIGINAL_MISMATCH']);
  }, 60_000);

  it('the plain 3-page PDF is what it claims', async () => {
    const pdf = await makeThreePagePdf(1);
    expect(new TextDecoder().decode(pdf.subarray(0, 8))).toBe('%PDF-1.7');
    expect(new TextDecoder('latin1').decode(pdf).match(/\/Type \/Page\b/g)).toHaveLength(3);
  });
});
