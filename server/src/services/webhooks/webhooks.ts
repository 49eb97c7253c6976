import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FieldCipher } from '../../crypto';
import { FIELD_CONTEXTS } from '../../crypto';
import { DataError } from '../../db/data-error';
import type { Db } from '../../db/db';
import { webhookDeliveries, webhooks } from '../../db/schema';
import { AppError } from '../../errors';
import { enqueue, type JobHandler } from '../../jobs';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './webhook-signature';

export const WEBHOOK_JOB = 'webhook.deliver';
export const WEBHOOK_EVENTS = [
  'envelope.completed',
  'envelope.declined',
  'envelope.expired',
  'envelope.cancelled',
  'envelope.failed',
] as const;
export type TWebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Registers a webhook for an API client; the signing secret is returned once and stored encrypted. */
export async function registerWebhook(
  deps: { db: Db; cipher: FieldCipher },
  apiClientId: string,
  input: { url: string; events: TWebhookEvent[] },
) {
  const url = new URL(input.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('VALIDATION_FAILED', 'URL 须为 http(s) / URL must be http(s)', {
      fields: [{ path: 'url', message: 'http(s) only' }],
    });
  }
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  const [row] = await deps.db
    .insert(webhooks)
    .values({
      apiClientId,
      url: url.toString(),
      secretEnc: deps.cipher.encrypt(secret, FIELD_CONTEXTS.webhookSecret),
      events: input.events,
    })
    .returning({ id: webhooks.id });
  return { id: row!.id, url: url.toString(), events: input.events, secret };
}

/** Queues one delivery per subscribed webhook, inside the caller's transaction (the outbox pattern). */
export async function queueWebhookEvent(tx: Db, event: TWebhookEvent, payload: Record<string, unknown>) {
  const targets = await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.active, true), sql`${event} = any(${webhooks.events})`));
  for (const target of targets) {
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({ webhookId: target.id, event, payload })
      .returning({ id: webhookDeliveries.id });
    await enqueue(tx, {
      kind: WEBHOOK_JOB,
      payload: { deliveryId: delivery!.id },
      dedupeKey: `webhook:${delivery!.id}`,
      maxAttempts: 12,
    });
  }
  return targets.length;
}

/**
 * Job handler: POSTs the event with `timestamp.body` HMAC headers. Non-2xx or network failure throws, so the job
 * worker retries with exponential backoff; each attempt is written to the delivery log.
 */
export function createWebhookHandler(deps: { cipher: FieldCipher; clock: () => Date; timeoutMs?: number }): JobHandler {
  return async (job, { db, signal }) => {
    const { deliveryId } = job.payload as { deliveryId: string };
    const [row] = await db
      .select({ d: webhookDeliveries, url: webhooks.url, secretEnc: webhooks.secretEnc, active: webhooks.active })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!row) throw new DataError('JOB_INVALID', `webhook delivery ${deliveryId} not found`);
    if (row.d.status === 'delivered' || !row.active) return;
    const secret = deps.cipher.decrypt(row.secretEnc, FIELD_CONTEXTS.webhookSecret);
    const body = JSON.stringify({
      id: row.d.id,
      event: row.d.event,
      createdAt: row.d.createdAt.toISOString(),
      data: row.d.payload,
    });
    const ts = Math.floor(deps.clock().getTime() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(row.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(secret, ts, body),
          [TIMESTAMP_HEADER]: String(ts),
          [EVENT_HEADER]: row.d.event,
          [DELIVERY_HEADER]: row.d.id,
        },
        body,
        signal: AbortSignal.any([signal, AbortSignal.timeout(deps.timeoutMs ?? 10_000)]),
        redirect: 'manual',
      });
      status = res.status;
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (e) {
      error = (e as Error).message.slice(0, 200);
    }
    const delivered = error === null;
    await db
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        responseStatus: status,
        lastError: error,
        status: delivered ? 'delivered' : job.attempts >= job.maxAttempts ? 'failed' : 'pending',
        ...(delivered ? { deliveredAt: deps.clock() } : {}),
      })
      .where(eq(webhookDeliveries.id, deliveryId));
    if (!delivered) throw new Error(`webhook delivery failed: ${error}`);
  };
}
