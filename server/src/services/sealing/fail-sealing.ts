import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../db/audit/append-audit';
import type { Db } from '../../db/db';
import { envelopes, submissions } from '../../db/schema';
import { type PushPublisher, STAFF_CHANNEL } from '../push-events/push-events';
import { queueWebhookEvent } from '../webhooks/webhooks';

/**
 * Called when the sealing job has used up its attempts: the submission and its envelope are marked `failed` (the
 * captured evidence stays stored; an operator can re-queue sealing after fixing the cause, e.g. an unreachable TSA).
 */
export async function failSealing(
  deps: { db: Db; clock: () => Date; push: PushPublisher },
  submissionId: string,
  reason: string,
) {
  const now = deps.clock();
  const envelope = await deps.db.transaction(async (tx) => {
    const [sub] = await tx
      .update(submissions)
      .set({ status: 'failed', lastError: reason.slice(0, 500), updatedAt: now })
      .where(eq(submissions.id, submissionId))
      .returning();
    if (!sub) return null;
    const [env] = await tx
      .update(envelopes)
      .set({ status: 'failed', statusReason: 'sealing failed', updatedAt: now })
      .where(and(eq(envelopes.id, sub.envelopeId), inArray(envelopes.status, ['signing', 'sealing'])))
      .returning();
    await appendAudit(tx, {
      actorType: 'system',
      action: 'submission.seal_failed',
      subjectType: 'submission',
      subjectId: submissionId,
      at: now,
    });
    if (env)
      await queueWebhookEvent(tx, 'envelope.failed', { envelopeId: env.id, status: 'failed', at: now.toISOString() });
    return env ?? null;
  });
  if (envelope) {
    await deps.push.publish(STAFF_CHANNEL, {
      type: 'envelope.status',
      envelopeId: envelope.id,
      patientId: envelope.patientId,
      status: 'failed',
      at: now.toISOString(),
    });
  }
}
