import { isKioskError, KioskError } from '../kiosk-error';
import { backoffDelay } from './backoff-delay';
import type { StoredSubmission, SubmissionStore } from './submission-store';

export interface SubmissionBody {
  idempotencyKey: string;
  envelopeId: string;
}

export interface QueueStatus {
  pending: number;
  /** Envelopes with a stored, not yet acknowledged submission (not offered for signing again). */
  envelopeIds: string[];
  rejected: number;
  uploading: boolean;
  lastError?: { code: string; message: string };
}

export interface SubmissionQueueOptions {
  store: SubmissionStore;
  /** Resolves on 200/202; throws a KioskError otherwise. */
  upload: (body: unknown) => Promise<{ submissionId: string }>;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  now?: () => Date;
}

/**
 * Offline-safe submission: every finished submission is committed to the store before the first upload and
 * removed only after the server acknowledged it. Transient failures (network, 5xx) retry with backoff; the
 * idempotency key makes retries of an upload that did reach the server harmless (200 with the same answer).
 */
export class SubmissionQueue {
  private readonly listeners = new Set<(status: QueueStatus) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private attempt = 0;
  private status: QueueStatus = { pending: 0, envelopeIds: [], rejected: 0, uploading: false };
  private readonly acked = new Map<string, (id: string) => void>();
  private stopped = false;
  private again = false;

  constructor(private readonly options: SubmissionQueueOptions) {}

  /** Stores, then uploads. Resolves once stored; `acknowledged` resolves when the server took it. */
  async enqueue(body: SubmissionBody): Promise<{ acknowledged: Promise<string> }> {
    const item: StoredSubmission = {
      version: 1,
      idempotencyKey: body.idempotencyKey,
      envelopeId: body.envelopeId,
      createdAt: this.now().toISOString(),
      attempts: 0,
      state: 'pending',
      body,
    };
    await this.options.store.put(item);
    const acknowledged = new Promise<string>((resolve) => this.acked.set(body.idempotencyKey, resolve));
    this.attempt = 0;
    this.kick();
    return { acknowledged };
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

  private async drain(): Promise<void> {
    const items = await this.options.store.list();
    let transient: KioskError | undefined;
    this.publish(items, true);
    for (const item of items) {
      if (item.state !== 'pending') continue;
      try {
        const ack = await this.options.upload(item.body);
        await this.options.store.remove(item.idempotencyKey);
        this.acked.get(item.idempotencyKey)?.(ack.submissionId);
        this.acked.delete(item.idempotencyKey);
      } catch (error) {
        const failure = isKioskError(error)
          ? error
          : new KioskError('NETWORK', String((error as Error)?.message ?? error), { cause: error });
        const lastError = { code: failure.code, message: failure.message, at: this.now().toISOString() };
        if (failure.isTransient) {
          await this.options.store.put({ ...item, attempts: item.attempts + 1, lastError });
          transient = failure;
          // Keep the order: a later submission waits for the earlier one.
          break;
        }
        await this.options.store.put({ ...item, attempts: item.attempts + 1, state: 'rejected', lastError });
      }
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

  private publish(items: StoredSubmission[], uploading: boolean, error?: KioskError): void {
    const rejected = items.filter((i) => i.state === 'rejected');
    const lastRejected = rejected.at(-1)?.lastError;
    const lastError = error ? { code: error.code, message: error.message } : lastRejected;
    this.status = {
      pending: items.length - rejected.length,
      envelopeIds: items.map((i) => i.envelopeId),
      rejected: rejected.length,
      uploading,
      ...(lastError ? { lastError: { code: lastError.code, message: lastError.message } } : {}),
    };
    for (const listener of this.listeners) listener(this.status);
  }
}
