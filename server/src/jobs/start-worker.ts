import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db/db';
import type { BackoffOptions } from './backoff';
import { claimJob, type Job } from './job-store';
import { type JobHandler, type JobOutcome, runJob } from './run-job';

export interface WorkerOptions {
  db: Db;
  handlers: Record<string, JobHandler>;
  /** Jobs run at the same time (default 2). */
  concurrency?: number;
  /** Idle poll interval (default 1000 ms); `wake()` short-cuts it after an enqueue. */
  pollMs?: number;
  /** Lease length (default 60 s); a job whose worker stops heart-beating is claimable again after it. */
  leaseMs?: number;
  workerId?: string;
  backoff?: BackoffOptions;
  onError?: (error: unknown, job?: Job) => void;
  onOutcome?: (job: Job, outcome: JobOutcome) => void;
}

export interface Worker {
  readonly workerId: string;
  /** Look for due jobs now instead of at the next poll. */
  wake(): void;
  /**
   * Stops claiming and waits for running jobs. After `graceMs` (default: wait forever) their handlers' signals are
   * aborted: a handler that then throws is re-queued with backoff; a job whose worker vanishes stays leased until
   * expiry, then another worker runs it again.
   */
  stop(options?: { graceMs?: number }): Promise<void>;
}

/** Starts the outbox worker loop: claims due jobs of the kinds it has handlers for, up to `concurrency` at once. */
export function startWorker(options: WorkerOptions): Worker {
  const concurrency = options.concurrency ?? 2;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const kinds = Object.keys(options.handlers);
  const onError = options.onError ?? (() => {});
  const shutdown = new AbortController();
  const active = new Set<Promise<void>>();
  let stopping = false;
  let wakePending = false;
  let wakeSleeper: (() => void) | undefined;

  const wake = () => {
    if (wakeSleeper) wakeSleeper();
    else wakePending = true;
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wakePending) {
        wakePending = false;
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        wakeSleeper = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeSleeper = done;
    });

  const launch = (job: Job) => {
    const run = runJob(job, options.handlers[job.kind], {
      db: options.db,
      workerId,
      leaseMs,
      abort: shutdown.signal,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      onError,
    })
      .then((outcome) => options.onOutcome?.(job, outcome))
      .catch((error: unknown) => onError(error, job))
      .finally(() => {
        active.delete(run);
        wake();
      });
    active.add(run);
  };

  const loop = async () => {
    while (!stopping) {
      try {
        while (!stopping && active.size < concurrency) {
          const job = await claimJob(options.db, { workerId, kinds, leaseMs });
          if (!job) break;
          if (stopping) {
            // Claimed during shutdown: run it anyway rather than leave it to lease expiry.
            launch(job);
            break;
          }
          launch(job);
        }
      } catch (error) {
        onError(error);
      }
      if (!stopping) await sleep(pollMs);
    }
  };
  const looping = loop();

  return {
    workerId,
    wake,
    async stop(stopOptions = {}) {
      stopping = true;
      wake();
      await looping;
      const drained = Promise.allSettled([...active]);
      if (stopOptions.graceMs === undefined) {
        await drained;
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), stopOptions.graceMs);
      });
      if ((await Promise.race([drained, timedOut])) === 'timeout') {
        shutdown.abort(new Error('worker stopped'));
        await drained;
      }
      clearTimeout(timer);
    },
  };
}

/**
 * Runs due jobs one after another until none is left (tests, CLI maintenance). Returns the outcomes in order.
 */
export async function drainJobs(
  options: Pick<WorkerOptions, 'db' | 'handlers' | 'backoff' | 'onError'> & { leaseMs?: number; workerId?: string },
): Promise<Array<{ job: Job; outcome: JobOutcome }>> {
  const workerId = options.workerId ?? `drain:${process.pid}:${randomBytes(4).toString('hex')}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const results: Array<{ job: Job; outcome: JobOutcome }> = [];
  for (;;) {
    const job = await claimJob(options.db, { workerId, kinds: Object.keys(options.handlers), leaseMs });
    if (!job) return results;
    const outcome = await runJob(job, options.handlers[job.kind], {
      db: options.db,
      workerId,
      leaseMs,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.onError ? { onError: options.onError } : {}),
    });
    results.push({ job, outcome });
  }
}
