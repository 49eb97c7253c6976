import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { BlobStore } from '../../blobs';
import { storeBlob } from '../../blobs';
import { appendAudit } from '../../db/audit/append-audit';
import type { Db } from '../../db/db';
import { auditLog, envelopes, signers } from '../../db/schema';
import { AppError, fieldIssuesOf } from '../../errors';
import { sourcesOf } from '../envelopes/status-machine';
import { type PushPublisher, STAFF_CHANNEL } from '../push-events/push-events';
import { queueWebhookEvent } from '../webhooks/webhooks';

/** Media type of the stored decline record (the parsed body: key, signer, reason, timeline). */
export const DECLINE_RECORD_TYPE = 'application/vnd.inkproof.decline.v1+json';
/** The decline body limit: the timeline of a long sitting, well below the submission limit. */
export const DECLINE_LIMIT_BYTES = 256 * 1024;

const iso = z.iso.datetime({ offset: true });

/**
 * A bedside decline (kiosk contract). `idempotencyKey` makes retries from the kiosk's offline queue safe; bodies
 * without one (older kiosks) are accepted once and never replayed.
 */
export const ZDeclineSchema = z.object({
  idempotencyKey: z.uuid().optional(),
  envelopeId: z.uuid().optional(),
  signerId: z.uuid(),
  reason: z.string().trim().min(1).max(300),
  timeline: z
    .array(z.object({ at: iso, type: z.string().min(1).max(60), detail: z.record(z.string(), z.unknown()).optional() }))
    .max(2000)
    .default([]),
});
export type TDecline = z.infer<typeof ZDeclineSchema>;

export interface DeclineDeps {
  db: Db;
  blobs: BlobStore;
  clock: () => Date;
  push: PushPublisher;
}

const OPEN = sourcesOf('declined');

/** What the audit row of a device decline remembers (ids and digests only, never the reason or the timeline). */
interface DeclineAuditDetails {
  reasonGiven: true;
  signerId: string;
  declineKey: string | null;
  payloadDigest: string;
  recordSha256: string;
}

/**
 * The signer declines at the bedside. In one transaction: the envelope row is locked, the signer and the envelope
 * become `declined` (reason kept as the status reason), the decline record is stored as a blob, audited and the
 * `envelope.declined` webhook queued; the console is told after commit.
 *
 * Idempotent: the same decline (same key, same content) sent again after it was recorded answers as the first time
 * did (`replayed: true`); the same key with other content → IDEMPOTENCY_MISMATCH; any other decline of an
 * already-declined envelope → CONFLICT with `reason: 'ALREADY_DECLINED'`.
 */
export async function declineEnvelope(deps: DeclineDeps, deviceId: string, envelopeId: string, body: unknown) {
  const parsed = ZDeclineSchema.safeParse(body);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', '请填写拒签原因 / Please give a reason', {
      fields: fieldIssuesOf(parsed.error.issues),
    });
  const decline = parsed.data;
  if (decline.envelopeId && decline.envelopeId !== envelopeId)
    throw new AppError('VALIDATION_FAILED', '拒签对象不一致 / The decline names another signing request', {
      fields: [{ path: 'envelopeId', message: 'does not match the URL' }],
    });
  const record = Buffer.from(JSON.stringify({ ...decline, envelopeId }));
  const digest = createHash('sha256').update(record).digest('hex');
  const now = deps.clock();

  const outcome = await deps.db.transaction(async (tx) => {
    const [env] = await tx
      .select()
      .from(envelopes)
      .where(and(eq(envelopes.id, envelopeId), eq(envelopes.deviceId, deviceId)))
      .for('update');
    if (!env) throw new AppError('NOT_FOUND', '签署任务不存在 / Signing request not found');
    if (env.status === 'declined')
      return { replayed: true as const, env, ...(await replay(tx, env.id, decline, digest)) };
    if (!OPEN.includes(env.status) || env.expiresAt <= now) {
      throw new AppError('INVALID_STATE', '签署任务已结束或已过期 / This signing request is closed or expired', {
        status: env.status,
      });
    }
    const [signer] = await tx
      .select()
      .from(signers)
      .where(and(eq(signers.id, decline.signerId), eq(signers.envelopeId, env.id)));
    if (!signer)
      throw new AppError('NOT_FOUND', '签署人不存在 / Signer not found', {
        fields: [{ path: 'signerId', message: 'unknown signer' }],
      });
    if (signer.status === 'signed' || signer.status === 'declined')
      throw new AppError('CONFLICT', '该签署人已完成 / This signer has already finished', {
        reason: 'SIGNER_FINISHED',
      });

    const stored = await storeBlob(tx, deps.blobs, record, DECLINE_RECORD_TYPE);
    await tx.update(signers).set({ status: 'declined', updatedAt: now }).where(eq(signers.id, signer.id));
    await tx
      .update(envelopes)
      .set({ status: 'declined', statusReason: decline.reason, updatedAt: now })
      .where(and(eq(envelopes.id, env.id), inArray(envelopes.status, OPEN)));
    const details: DeclineAuditDetails = {
      reasonGiven: true,
      signerId: signer.id,
      declineKey: decline.idempotencyKey ?? null,
      payloadDigest: digest,
      recordSha256: stored.sha256,
    };
    await appendAudit(tx, {
      actorType: 'device',
      actorId: deviceId,
      action: 'envelope.declined',
      subjectType: 'envelope',
      subjectId: env.id,
      details: { ...details },
      at: now,
    });
    await queueWebhookEvent(tx, 'envelope.declined', {
      envelopeId: env.id,
      status: 'declined',
      at: now.toISOString(),
    });
    return { replayed: false as const, env, recordSha256: stored.sha256 };
  });

  if (!outcome.replayed) {
    await deps.push.publish(STAFF_CHANNEL, {
      type: 'envelope.status',
      envelopeId: outcome.env.id,
      patientId: outcome.env.patientId,
      status: 'declined',
      at: now.toISOString(),
    });
  }
  return { id: outcome.env.id, status: 'declined' as const, replayed: outcome.replayed };
}

/** An envelope that is already declined: the same decline again succeeds, anything else is refused by type. */
async function replay(tx: Db, envelopeId: string, decline: TDecline, digest: string) {
  const [first] = await tx
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.subjectType, 'envelope'),
        eq(auditLog.subjectId, envelopeId),
        eq(auditLog.action, 'envelope.declined'),
      ),
    )
    .orderBy(asc(auditLog.id))
    .limit(1);
  const prior = first?.details as Partial<DeclineAuditDetails> | undefined;
  if (decline.idempotencyKey && prior?.declineKey === decline.idempotencyKey) {
    if (prior.payloadDigest !== digest)
      throw new AppError(
        'IDEMPOTENCY_MISMATCH',
        '同一拒签编号对应了不同内容 / Idempotency key reused with different content',
      );
    return { recordSha256: prior.recordSha256 };
  }
  throw new AppError('CONFLICT', '此签署任务已被拒签 / This signing request was already declined', {
    reason: 'ALREADY_DECLINED',
  });
}
