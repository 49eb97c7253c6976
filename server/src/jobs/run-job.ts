import { isDataError } from '../db/data-error';
import type { Db } from '../db/db';
import { type BackoffOptions, computeBackoff } from './backoff';
import { completeJob, extendLease, failJob, type Job } from './job-store';

export interface JobContext {
  /** Not a transaction: open one per step that must be atomic (and pass `tx`, never `db`, inside it). */
  db: Db;
  /** Aborted when the lease is lost or the worker is stopped past its grace period. */
  signal: AbortSignal;
  workerId: string;
}

/**
 * Does the work of one job. Must be idempotent: after a crash the same job runs again. Throw to retry with backoff;
 * throw `DataError('JOB_INVALID')` for a job that can never succeed (marked `failed` at once).
 */
export type JobHandler = (job: Job, context: JobContext) => Promise<void>;

export type JobOutcome = 'done' | 'retry' | 'failed' | 'lost';

export interface RunJobOptions {
  db: Db;
  workerId: string;
  leaseMs: number;
  backoff?: BackoffOptions;
  onError?: (error: unknown, job: Job) => void;
  /** Aborting it aborts the handler's signal (worker shutdown). */
  abort?: AbortSignal;
}

/** Runs a claimed job to one outcome, keeping its lease alive meanwhile (heartbeat every third of the lease). */
export async function runJob(job: Job, handler: JobHandler | undefined, options: RunJobOptions): Promise<JobOutcome> {
  const { db, workerId, leaseMs } = options;
  const report = (error: unknown) => options.onError?.(error, job);
  if (!handler || job.attempts > job.maxAttempts) {
    // Claimed after its last attempt's lease expired (the worker died mid-run), or nobody can run it.
    const reason = handler ? 'LEASE_EXPIRED: no attempts left' : `JOB_INVALID: no handler for ${job.kind}`;
    return (await failJob(db, job.id, workerId, reason, null).catch(report)) ? 'failed' : 'lost';
  }
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.abort?.reason);
  options.abort?.addEventListener('abort', onAbort, { once: true });
  const heartbeat = setInterval(
    () => {
      extendLease(db, job.id, workerId, leaseMs).then(
        (owned) => owned || controller.abort(new Error('lease lost')),
        report,
      );
    },
    Math.max(10, Math.floor(leaseMs / 3)),
  );
  try {
    await handler(job, { db, signal: controller.signal, workerId });
    return (await completeJob(db, job.id, workerId).catch(report)) ? 'done' : 'lost';
  } catch (error) {
    report(error);
    const permanent = isDataError(error, 'JOB_INVALID') || job.attempts >= job.maxAttempts;
    const retryIn = permanent ? null : computeBackoff(job.attempts, options.backoff);
    const recorded = await failJob(db, job.id, workerId, describeError(error), retryIn).catch(report);
    if (!recorded) return 'lost';
    return permanent ? 'failed' : 'retry';
  } finally {
    clearInterval(heartbeat);
    options.abort?.removeEventListener('abort', onAbort);
  }
}

/** Stored in `jobs.last_error`: code and message only — handlers must not put personal data in messages. */
function describeError(error: unknown): string {
  if (isDataError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
