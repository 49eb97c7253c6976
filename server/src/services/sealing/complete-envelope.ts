import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../db/audit/append-audit';
import type { Db } from '../../db/db';
import { envelopes, signers, submissions } from '../../db/schema';
import { queueWebhookEvent } from '../webhooks/webhooks';

/**
 * Inside the caller's transaction: when every signer of the envelope has a sealed submission, the envelope becomes
 * `completed` (audited, webhook queued). Returns the patient id when it did, so the caller can push after commit.
 */
export async function completeEnvelopeIfDone(tx: Db, envelopeId: string, now: Date): Promise<string | null> {
  const people = await tx.select({ id: signers.id }).from(signers).where(eq(signers.envelopeId, envelopeId));
  const sealed = await tx
    .select({ signerId: submissions.signerId })
    .from(submissions)
    .where(and(eq(submissions.envelopeId, envelopeId), eq(submissions.status, 'sealed')));
  const done = new Set(sealed.map((s) => s.signerId));
  if (!people.every((p) => done.has(p.id))) return null;
  const [row] = await tx
    .update(envelopes)
    .set({ status: 'completed', completedAt: now, updatedAt: now })
    .where(and(eq(envelopes.id, envelopeId), inArray(envelopes.status, ['signing', 'sealing', 'failed'])))
    .returning({ patientId: envelopes.patientId });
  if (!row) return null;
  await appendAudit(tx, {
    actorType: 'system',
    action: 'envelope.completed',
    subjectType: 'envelope',
    subjectId: envelopeId,
    at: now,
  });
  await queueWebhookEvent(tx, 'envelope.completed', { envelopeId, status: 'completed', at: now.toISOString() });
  return row.patientId;
}
