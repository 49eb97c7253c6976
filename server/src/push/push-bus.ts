import { DataError } from '../db/data-error';

/** A small JSON object naming what changed (ids and statuses) — receivers re-read the rest from the database. */
export type PushEvent = Record<string, unknown>;
export type PushHandler = (event: PushEvent, channel: string) => void;

/**
 * Publish/subscribe between server instances (SSE fan-out to consoles and bedside devices). Delivery is
 * best-effort and at-most-once: a receiver that reconnects must re-read state, which `onResync` signals.
 */
export interface PushBus {
  /** Delivers to local subscribers and to every other instance. Call after the transaction that caused it commits. */
  publish(channel: string, event: PushEvent): Promise<void>;
  subscribe(channel: string, handler: PushHandler): () => void;
  /** Called after a lost connection is restored: events may have been missed. */
  onResync(handler: () => void): () => void;
  /** Resolves once remote events can be received. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** PostgreSQL NOTIFY payloads must be shorter than 8000 bytes (docs: SQL NOTIFY); the same limit applies in-process. */
export const PUSH_MAX_PAYLOAD_BYTES = 7999;

/** App channels such as `device:<uuid>`, `ward:<uuid>`, `envelope:<uuid>`. */
const CHANNEL = /^[A-Za-z0-9_.:-]{1,120}$/;

export function assertChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new DataError('PUSH_CHANNEL_INVALID', `Invalid push channel: ${channel}`);
}

/** Serialises the wire message and enforces the size limit (send ids, not blobs). */
export function encodePushMessage(message: { o: string; c: string; e: PushEvent }): string {
  const text = JSON.stringify(message);
  if (Buffer.byteLength(text, 'utf8') > PUSH_MAX_PAYLOAD_BYTES) {
    throw new DataError('PUSH_PAYLOAD_TOO_LARGE', `Push payload exceeds ${PUSH_MAX_PAYLOAD_BYTES} bytes`);
  }
  return text;
}
