import { randomBytes } from 'node:crypto';
import type { Db } from '../db';
import { envelopes, patients, signers, wards } from '../schema';

/** Minimal ward → patient → envelope → signer rows for tests that need foreign keys satisfied. */
export async function insertEnvelopeFixture(db: Db): Promise<{
  wardId: string;
  patientId: string;
  envelopeId: string;
  signerId: string;
}> {
  const suffix = randomBytes(4).toString('hex');
  const [ward] = await db
    .insert(wards)
    .values({ code: `W-${suffix}`, name: '测试病区' })
    .returning({ id: wards.id });
  const [patient] = await db
    .insert(patients)
    .values({ mrn: `MRN-${suffix}`, name: '测试患者', wardId: ward!.id })
    .returning({ id: patients.id });
  const [envelope] = await db
    .insert(envelopes)
    .values({
      patientId: patient!.id,
      wardId: ward!.id,
      channel: 'link',
      status: 'sent',
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: envelopes.id });
  const [signer] = await db
    .insert(signers)
    .values({ envelopeId: envelope!.id, role: 'patient', name: '测试患者' })
    .returning({ id: signers.id });
  return { wardId: ward!.id, patientId: patient!.id, envelopeId: envelope!.id, signerId: signer!.id };
}
