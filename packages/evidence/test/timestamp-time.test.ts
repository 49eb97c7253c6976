import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { reportErrorCodes, verifyEvidenceBundle } from '../src/verify/verify-evidence-bundle.js';
import { buildSample, createSampleWorld } from './sample-bundle.js';

describe('verification long after sealing', () => {
  it('judges the seal chain at the timestamp time, so an expired seal certificate still verifies', async () => {
    const past = new Date(Date.now() - 12 * 365 * 86_400_000);
    const world = await createSampleWorld({ clock: () => past });
    expect(new Date(new X509Certificate(world.pki.evidenceSeal.certificate).validTo).getTime()).toBeLessThan(
      Date.now(),
    );
    const built = await buildSample(world, 31, 0.01);
    const report = await verifyEvidenceBundle(built.zip, {
      trustAnchors: [world.pki.rootCertificate],
      trustedLogKeys: [world.logKey.publicKey],
      escrowKey: world.escrow.keyPem,
    });
    expect(reportErrorCodes(report)).toEqual([]);
    expect(String(report.steps.find((s) => s.step === 'seal')?.facts.sealedAt)).toBe(
      past.toISOString().replace(/\.\d+Z$/, '.000Z'),
    );
  });
});
