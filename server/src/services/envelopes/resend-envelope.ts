import { eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit/append-audit';
import type { Db } from '../../db/db';
import { envelopes } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../deps';
import { deviceChannel, type PushPublisher } from '../push-events/push-events';

/** Pushes an open envelope to its device again (e.g. the tablet was off). Status and expiry stay as they are. */
export async function resendEnvelope(
  deps: { db: Db; clock: () => Date; push: PushPublisher },
  actor: Actor,
  envelopeId: string,
) {
  const now = deps.clock();
  const [env] = await deps.db.select().from(envelopes).where(eq(envelopes.id, envelopeId));
  if (!env) throw new AppError('NOT_FOUND', '签署任务不存在 / Signing request not found');
  if (!['sent', 'opened', 'signing'].includes(env.status)) {
    throw new AppError(
      'INVALID_STATE',
      `当前状态「${env.status}」不能重新推送 / Cannot resend in status ${env.status}`,
    );
  }
  if (env.expiresAt <= now) throw new AppError('INVALID_STATE', '签署任务已过期 / The signing request has expired');
  await appendAudit(deps.db, {
    actorType: actor.type,
    actorId: actor.id,
    action: 'envelope.resent',
    subjectType: 'envelope',
    subjectId: envelopeId,
    at: now,
  });
  if (env.deviceId)
    await deps.push.publish(deviceChannel(env.deviceId), {
      type: 'envelope.pushed',
      envelopeId,
      at: now.toISOString(),
    });
  return { id: env.id, status: env.status };
}
