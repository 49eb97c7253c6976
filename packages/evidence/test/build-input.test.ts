import { beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceBundle } from '../src/bundle/build-evidence-bundle.js';
import { describeEvidence } from '../src/bundle/describe-evidence.js';
import { fromHex } from '../src/util/bytes.js';
import { reportErrorCodes, verifyEvidenceBundle } from '../src/verify/verify-evidence-bundle.js';
import { createSampleWorld, type SampleWorld, sampleBundleInput, sampleCapture } from './sample-bundle.js';

let world: SampleWorld;
beforeAll(async () => {
  world = await createSampleWorld();
});

describe('buildEvidenceBundle input checks', () => {
  it('BUILD_INVALID_INPUT when the event certificate is bound to other evidence', async () => {
    const input = await sampleBundleInput(world, 21, 0.01);
    const wrong = { ...input, timeline: { ...input.timeline, scrolledToEnd: false } };
    await expect(buildEvidenceBundle(wrong)).rejects.toMatchObject({ code: 'BUILD_INVALID_INPUT' });
    const noExtension = await world.pki.issueEventCertificate({ name: 'x', role: 'patient' });
    await expect(buildEvidenceBundle({ ...input, eventCertificate: noExtension.certificate })).rejects.toMatchObject({
      code: 'BUILD_INVALID_INPUT',
    });
  });

  it('BUILD_INVALID_INPUT for unsafe or repeated item ids', () => {
    const capture = sampleCapture(1, 0.01);
    for (const id of ['../x', 'a/b', '', 'ink-1']) {
      const items = [...capture.items, { ...capture.items[4]!, id }];
      expect(() => describeEvidence({ ...capture, items }), id).toThrow(
        expect.objectContaining({ code: 'BUILD_INVALID_INPUT' }),
      );
    }
  });

  it('SEAL_FAILED and LOG_APPEND_FAILED carry the cause', async () => {
    const input = await sampleBundleInput(world, 22, 0.01);
    const failing = { algorithm: 'ECDSA-P256' as const, sign: async () => Promise.reject(new Error('HSM offline')) };
    await expect(buildEvidenceBundle({ ...input, seal: { ...input.seal, signer: failing } })).rejects.toMatchObject({
      code: 'SEAL_FAILED',
    });
    const log = { append: async () => Promise.reject(new Error('db down')) };
    await expect(buildEvidenceBundle({ ...input, log })).rejects.toMatchObject({ code: 'LOG_APPEND_FAILED' });
  });

  it('SM mode records SM3 digests that verification checks', async () => {
    const capture = { ...sampleCapture(23, 0.01), hashAlgorithms: ['SHA-256' as const, 'SM3' as const] };
    const { evidenceDigest } = describeEvidence(capture);
    const cred = await world.pki.issueEventCertificate({
      name: 'x',
      role: 'patient',
      evidenceDigest: fromHex(evidenceDigest),
    });
    const built = await buildEvidenceBundle({
      ...capture,
      bundleId: 'sm',
      envelopeId: 'e',
      signerId: 's',
      eventCertificate: cred.certificate,
      escrowCertificate: world.escrow.certificate,
      seal: { ...world.pki.evidenceSeal, tsa: world.pki.tsa },
      log: world.log,
    });
    expect(built.manifest.items.every((i) => /^[0-9a-f]{64}$/.test(i.sm3 ?? ''))).toBe(true);
    expect(built.manifest.documents[0]!.sm3After).toMatch(/^[0-9a-f]{64}$/);
    const report = await verifyEvidenceBundle(built.zip, {
      trustAnchors: [world.pki.rootCertificate],
      escrowKey: world.escrow.keyPem,
    });
    expect(reportErrorCodes(report)).toEqual([]);
  });

  it('AES-256-GCM item envelopes (AuthEnvelopedData) build, verify and open with the escrow key', async () => {
    const input = { ...(await sampleBundleInput(world, 24, 0.01)), itemEncryption: 'aes-256-gcm' as const };
    const built = await buildEvidenceBundle(input);
    const encrypted = built.manifest.items.filter((i) => i.encryption);
    expect(encrypted.map((i) => i.encryption!.format)).toEqual(Array(4).fill('cms-auth-enveloped-data'));
    const report = await verifyEvidenceBundle(built.zip, {
      trustAnchors: [world.pki.rootCertificate],
      escrowKey: world.escrow.keyPem,
    });
    expect(reportErrorCodes(report)).toEqual([]);
    expect(report.steps.find((s) => s.step === 'escrow')?.facts.opened).toBe(4);
  });
});
