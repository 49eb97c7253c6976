import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataError } from '../db/data-error';
import { LocalSubscribers } from './local-subscribers';
import { assertChannel, encodePushMessage, type PushBus, type PushEvent } from './push-bus';

/** The one PostgreSQL channel all app channels are multiplexed on (identifiers are limited to 63 bytes). */
export const PG_PUSH_CHANNEL = 'inkproof_push';

export interface PgPushBusOptions {
  /** Connection string; a dedicated client LISTENs, publishes go through `publisher` or a short-lived pool. */
  url: string;
  /** Pool used for NOTIFY (normally the application's pool). */
  publisher?: pg.Pool;
  onError?: (error: unknown) => void;
  /** Reconnect backoff bounds (ms). */
  minRetryMs?: number;
  maxRetryMs?: number;
}

/**
 * Fan-out between instances through PostgreSQL LISTEN/NOTIFY: local subscribers get events directly, other instances
 * through NOTIFY (own notifications are recognised by origin id and skipped). The listening client reconnects with
 * exponential backoff and then fires `onResync`.
 */
export function createPgPushBus(options: PgPushBusOptions): PushBus {
  const origin = randomUUID();
  const onError = options.onError ?? (() => {});
  const subscribers = new LocalSubscribers(onError);
  const resyncHandlers = new Set<() => void>();
  const ownPool = options.publisher ? undefined : new pg.Pool({ connectionString: options.url, max: 2 });
  ownPool?.on('error', onError);
  const publisher = options.publisher ?? ownPool!;
  const minRetry = options.minRetryMs ?? 100;
  const maxRetry = options.maxRetryMs ?? 5000;

  let closed = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let attempt = 0;
  let markReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== PG_PUSH_CHANNEL || !message.payload) return;
    let parsed: { o?: string; c?: string; e?: PushEvent };
    try {
      parsed = JSON.parse(message.payload) as typeof parsed;
    } catch (error) {
      onError(error);
      return;
    }
    if (parsed.o === origin || typeof parsed.c !== 'string' || !parsed.e) return;
    subscribers.dispatch(parsed.c, parsed.e);
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    const delay = Math.min(maxRetry, minRetry * 2 ** attempt);
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect(true);
    }, delay);
    retryTimer.unref();
  };

  const connect = async (isReconnect: boolean) => {
    const next = new pg.Client({ connectionString: options.url, keepAlive: true, application_name: 'inkproof-push' });
    let failed = false;
    const lost = (error?: unknown) => {
      if (error) onError(error);
      if (failed) return;
      failed = true;
      if (client === next) client = undefined;
      next.removeAllListeners('notification');
      void next.end().catch(() => {});
      scheduleReconnect();
    };
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', onNotification);
    try {
      await next.connect();
      await next.query(`LISTEN ${PG_PUSH_CHANNEL}`);
    } catch (error) {
      lost(error);
      return;
    }
    if (closed) {
      failed = true;
      await next.end().catch(() => {});
      return;
    }
    client = next;
    attempt = 0;
    markReady();
    if (isReconnect) for (const handler of [...resyncHandlers]) handler();
  };

  void connect(false);

  return {
    async publish(channel, event) {
      if (closed) throw new DataError('PUSH_CLOSED');
      assertChannel(channel);
      const payload = encodePushMessage({ o: origin, c: channel, e: event });
      const copy = structuredClone(event);
      queueMicrotask(() => subscribers.dispatch(channel, copy));
      await publisher.query('select pg_notify($1, $2)', [PG_PUSH_CHANNEL, payload]);
    },
    subscribe(channel, handler) {
      assertChannel(channel);
      return subscribers.add(channel, handler);
    },
    onResync(handler) {
      resyncHandlers.add(handler);
      return () => resyncHandlers.delete(handler);
    },
    ready: () => readyPromise,
    async close() {
      if (closed) return;
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      subscribers.clear();
      const current = client;
      client = undefined;
      if (current) {
        current.removeAllListeners('end');
        await current.end().catch(() => {});
      }
      await ownPool?.end();
    },
  };
}
