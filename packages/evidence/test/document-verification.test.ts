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
    expect(report.steps.find((s) => s.step === 'documents')?.status).toBe('pass');
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
    // Change a byte inside the signed byte range; the manifest then seals the broken file faithfully.
    const at = Buffer.from(signed).indexOf('/Producer');
    expect(at).toBeGreaterThan(0);
    signed[at + 1] = 'p'.charCodeAt(0);
    input.documents[0]!.signed = signed;
    const report = await verifyEvidenceBundle((await buildEvidenceBundle(input)).zip, optionsFor(world));
    expect(reportErrorCodes(report)).toEqual(['DOCUMENT_SIGNATURE_INVALID']);
  }, 60_000);

  it('the plain 3-page PDF is what it claims', async () => {
    const pdf = await makeThreePagePdf(1);
    expect(new TextDecoder().decode(pdf.subarray(0, 8))).toBe('%PDF-1.7');
    expect(new TextDecoder('latin1').decode(pdf).match(/\/Type \/Page\b/g)).toHaveLength(3);
  });
});
