import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/db';
import { signers } from '../../db/schema';
import { AppError, fieldIssuesOf } from '../../errors';
import { transitionEnvelope } from '../envelopes/transition-envelope';
import type { PushPublisher } from '../push-events/push-events';
import { findOpenDeviceEnvelope } from './get-device-envelope';

export const ZDeclineSchema = z.object({
  signerId: z.uuid(),
  reason: z.string().trim().min(1).max(300),
});

/** The signer declines at the bedside: the signer and the envelope become `declined`, with the reason kept. */
export async function declineEnvelope(
  deps: { db: Db; clock: () => Date; push: PushPublisher },
  deviceId: string,
  envelopeId: string,
  body: unknown,
) {
  const parsed = ZDeclineSchema.safeParse(body);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', '请填写拒签原因 / Please give a reason', {
      fields: fieldIssuesOf(parsed.error.issues),
    });
  const now = deps.clock();
  const env = await findOpenDeviceEnvelope(deps.db, deviceId, envelopeId, now);
  const updated = await deps.db
    .update(signers)
    .set({ status: 'declined', updatedAt: now })
    .where(and(eq(signers.id, parsed.data.signerId), eq(signers.envelopeId, env.id)))
    .returning({ id: signers.id });
  if (!updated.length) throw new AppError('NOT_FOUND', '签署人不存在 / Signer not found');
  const row = await transitionEnvelope(deps, { type: 'device', id: deviceId }, env.id, 'declined', parsed.data.reason);
  return { id: row.id, status: row.status };
}
