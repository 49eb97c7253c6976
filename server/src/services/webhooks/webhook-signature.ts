import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-inkproof-signature';
export const TIMESTAMP_HEADER = 'x-inkproof-timestamp';
export const EVENT_HEADER = 'x-inkproof-event';
export const DELIVERY_HEADER = 'x-inkproof-delivery';
/** Receivers reject deliveries whose timestamp is further than this from their clock (replay window). */
export const REPLAY_WINDOW_SECONDS = 300;

/** `v1=<hex HMAC-SHA256(secret, "<unix seconds>.<raw body>")>` — the timestamp is signed, so it cannot be replayed later. */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex')}`;
}

export type WebhookCheck =
  | { valid: true }
  | { valid: false; reason: 'BAD_SIGNATURE' | 'STALE_TIMESTAMP' | 'MALFORMED' };

/** What a HIS receiver runs: constant-time signature comparison plus the replay window. */
export function verifyWebhook(
  secret: string,
  headers: { signature: string | null; timestamp: string | null },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): WebhookCheck {
  const ts = Number(headers.timestamp);
  if (!headers.signature || !Number.isInteger(ts)) return { valid: false, reason: 'MALFORMED' };
  if (Math.abs(nowSeconds - ts) > REPLAY_WINDOW_SECONDS) return { valid: false, reason: 'STALE_TIMESTAMP' };
  const expected = Buffer.from(signWebhook(secret, ts, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? { valid: true }
    : { valid: false, reason: 'BAD_SIGNATURE' };
}
