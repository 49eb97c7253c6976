import { isKioskError, KioskError } from '../kiosk-error';
import { backoffDelay } from './backoff-delay';
import type { OutboxKind, StoredSubmission, SubmissionStore } from './submission-store';

export interface SubmissionBody {
  idempotencyKey: string;
  envelopeId: string;
}

/** How the first upload attempt of a newly stored item ended. */
export type UploadOutcome =
  | { state: 'acknowledged'; id: string }
  /** Not sent (offline, server down, an earlier item still waiting): kept and retried with backoff. */
  | { state: 'retrying'; error: { code: string; message: string } }
  /** Refused by the server for good: kept as `rejected`, never resent. */
  | { state: 'rejected'; error: { code: string; message: string } };

export interface QueueStatus {
  /** Stored items not yet acknowledged (submissions and declines). */
  pending: number;
  /** Of `pending`, how many are declines. */
  pendingDeclines: number;
  /** Envelopes with a stored, not yet acknowledged submission (not offered for signing again). */
  envelopeIds: string[];
  rejected: number;
  uploading: boolean;
  lastError?: { code: string; message: string };
}

export interface SubmissionQueueOptions {
  store: SubmissionStore;
  /** Sends one item; resolves with the server's id on 200/202, throws a KioskError otherwise. */
  upload: (item: { kind: OutboxKind; body: unknown }) => Promise<{ id: string }>;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  now?: () => Date;
}

/**
 * Offline-safe outbox: every finished sitting (a submission or a decline) is committed to the store before the first
 * upload and removed only after the server acknowledged it. Transient failures (network, 5xx) retry with backoff;
 * the idempotency key makes retries of an upload that did reach the server harmless (200 with the same answer).
 */
export class SubmissionQueue {
  private readonly listeners = new Set<(status: QueueStatus) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private attempt = 0;
  private status: QueueStatus = { pending: 0, pendingDeclines: 0, envelopeIds: [], rejected: 0, uploading: false };
  private readonly acked = new Map<string, (id: string) => void>();
  private readonly firstAttempts = new Map<string, (outcome: UploadOutcome) => void>();
  private stopped = false;
  private again = false;
  private lastCreated = 0;

  constructor(private readonly options: SubmissionQueueOptions) {}

  /**
   * Stores, then uploads. Resolves once stored; `firstAttempt` resolves when the first upload try of this item ended
   * (however it ended), `acknowledged` when the server took it (possibly after retries, reloads aside).
   */
  async enqueue(
    body: SubmissionBody,
    kind: OutboxKind = 'submission',
  ): Promise<{ acknowledged: Promise<string>; firstAttempt: Promise<UploadOutcome> }> {
    const item: StoredSubmission = {
      version: 2,
      kind,
      idempotencyKey: body.idempotencyKey,
      envelopeId: body.envelopeId,
      createdAt: this.nextCreatedAt(),
      attempts: 0,
      state: 'pending',
      body,
    };
    await this.options.store.put(item);
    const acknowledged = new Promise<string>((resolve) => this.acked.set(body.idempotencyKey, resolve));
    const firstAttempt = new Promise<UploadOutcome>((resolve) => this.firstAttempts.set(body.idempotencyKey, resolve));
    this.attempt = 0;
    void this.kick();
    return { acknowledged, firstAttempt };
  }

  /** Runs one pass now (e.g. at start-up, or when the browser reports it is online again). */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.drain();
      } while (this.again && !this.timer);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  onChange(listener: (status: QueueStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Items are sent in `createdAt` order: two made within one millisecond still get distinct, increasing stamps. */
  private nextCreatedAt(): string {
    this.lastCreated = Math.max(this.now().getTime(), this.lastCreated + 1);
    return new Date(this.lastCreated).toISOString();
  }

  private async drain(): Promise<void> {
    const items = await this.options.store.list();
    let transient: KioskError | undefined;
    this.publish(items, true);
    for (const item of items) {
      if (item.state !== 'pending') continue;
      try {
        const ack = await this.options.upload({ kind: item.kind, body: item.body });
        await this.options.store.remove(item.idempotencyKey);
        this.acked.get(item.idempotencyKey)?.(ack.id);
        this.acked.delete(item.idempotencyKey);
        this.settleFirstAttempt(item.idempotencyKey, { state: 'acknowledged', id: ack.id });
      } catch (error) {
        const failure = isKioskError(error)
          ? error
          : new KioskError('NETWORK', String((error as Error)?.message ?? error), { cause: error });
        const lastError = { code: failure.code, message: failure.message, at: this.now().toISOString() };
        const reported = { code: failure.code, message: failure.message };
        if (failure.isTransient) {
          await this.options.store.put({ ...item, attempts: item.attempts + 1, lastError });
          transient = failure;
          // Keep the order: a later item waits for the earlier one.
          break;
        }
        await this.options.store.put({ ...item, attempts: item.attempts + 1, state: 'rejected', lastError });
        this.settleFirstAttempt(item.idempotencyKey, { state: 'rejected', error: reported });
      }
    }
    // Whatever this pass did not get through (the failed item and those queued behind it) waits for a retry.
    if (transient) {
      const error = { code: transient.code, message: transient.message };
      for (const key of [...this.firstAttempts.keys()]) this.settleFirstAttempt(key, { state: 'retrying', error });
    }
    const left = await this.options.store.list();
    this.publish(left, false, transient);
    if (transient && left.some((i) => i.state === 'pending')) {
      const delay = backoffDelay(
        this.attempt++,
        this.options.baseDelayMs ?? 1000,
        this.options.maxDelayMs ?? 60_000,
        this.options.random,
      );
      this.timer = setTimeout(() => void this.kick(), delay);
    } else this.attempt = 0;
  }

  private settleFirstAttempt(key: string, outcome: UploadOutcome): void {
    this.firstAttempts.get(key)?.(outcome);
    this.firstAttempts.delete(key);
  }

  private publish(items: StoredSubmission[], uploading: boolean, error?: KioskError): void {
    const rejected = items.filter((i) => i.state === 'rejected');
    const lastRejected = rejected.at(-1)?.lastError;
    const lastError = error ? { code: error.code, message: error.message } : lastRejected;
    this.status = {
      pending: items.length - rejected.length,
      pendingDeclines: items.filter((i) => i.kind === 'decline' && i.state === 'pending').length,
      envelopeIds: items.map((i) => i.envelopeId),
      rejected: rejected.length,
      uploading,
      ...(lastError ? { lastError: { code: lastError.code, message: lastError.message } } : {}),
    };
    for (const listener of this.listeners) listener(this.status);
  }
}
