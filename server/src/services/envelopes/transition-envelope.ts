import { and, eq, inArray } from 'drizzle-orm';
import { appendAudit } from '../../db/audit/append-audit';
import type { Db } from '../../db/db';
import { envelopes, type TEnvelopeStatus } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../deps';
import { deviceChannel, type PushPublisher, STAFF_CHANNEL } from '../push-events/push-events';
import { queueWebhookEvent, type TWebhookEvent, WEBHOOK_EVENTS } from '../webhooks/webhooks';
import { sourcesOf } from './status-machine';

export interface TransitionDeps {
  db: Db;
  clock: () => Date;
  push: PushPublisher;
}

/**
 * Moves an envelope to `to` with a compare-and-set on the allowed source states, audits it in the same
 * transaction, then pushes the new status to the console (and tells the device when the envelope leaves it).
 */
export async function transitionEnvelope(
  deps: TransitionDeps,
  actor: Actor,
  envelopeId: string,
  to: TEnvelopeStatus,
  reason?: string,
) {
  const now = deps.clock();
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(envelopes)
      .set({
        status: to,
        statusReason: reason ?? null,
        updatedAt: now,
        ...(to === 'completed' ? { completedAt: now } : {}),
        ...(to === 'sent' ? { sentAt: now } : {}),
      })
      .where(and(eq(envelopes.id, envelopeId), inArray(envelopes.status, sourcesOf(to))))
      .returning();
    if (!row) {
      const [current] = await tx
        .select({ status: envelopes.status })
        .from(envelopes)
        .where(eq(envelopes.id, envelopeId));
      if (!current) throw new AppError('NOT_FOUND', '签署任务不存在 / Signing request not found');
      throw new AppError(
        'INVALID_STATE',
        `状态为「${current.status}」，不能变为「${to}」/ Cannot move from ${current.status} to ${to}`,
        {
          from: current.status,
          to,
        },
      );
    }
    await appendAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      action: `envelope.${to}`,
      subjectType: 'envelope',
      subjectId: envelopeId,
      details: reason ? { reasonGiven: true } : {},
      at: now,
    });
    if ((WEBHOOK_EVENTS as readonly string[]).includes(`envelope.${to}`)) {
      await queueWebhookEvent(tx, `envelope.${to}` as TWebhookEvent, { envelopeId, status: to, at: now.toISOString() });
    }
    return row;
  });
  await deps.push.publish(STAFF_CHANNEL, {
    type: 'envelope.status',
    envelopeId,
    patientId: updated.patientId,
    status: to,
    at: now.toISOString(),
  });
  if (updated.deviceId && (to === 'cancelled' || to === 'expired')) {
    await deps.push.publish(deviceChannel(updated.deviceId), {
      type: 'envelope.withdrawn',
      envelopeId,
      at: now.toISOString(),
    });
  }
  return updated;
}
