import type { Logger } from 'pino';
import type { FieldCipher } from './crypto';
import type { Db } from './db/db';
import { type Job, type JobHandler, startWorker } from './jobs';
import type { PushBus } from './push';
import { expireOverdueEnvelopes } from './services/envelopes/expire-envelopes';
import { createWebhookHandler, WEBHOOK_JOB } from './services/webhooks/webhooks';

export interface Background {
  stop(): Promise<void>;
}

/**
 * Periodic and queued work of one server process: the durable job worker (sealing, webhooks … register their
 * handlers here) and the sweep that expires overdue envelopes. Several instances may run it at once: jobs are
 * claimed with SKIP LOCKED and expiry is a compare-and-set.
 */
export function startBackground(deps: {
  db: Db;
  cipher: FieldCipher;
  push: PushBus;
  clock: () => Date;
  log: Logger;
  handlers?: Record<string, JobHandler>;
  /** A job that will not be retried any more (attempts used up or invalid). */
  onFailed?: (job: Job) => Promise<void>;
  sweepMs?: number;
  leaseMs?: number;
}): Background {
  const worker = startWorker({
    db: deps.db,
    pollMs: 500,
    ...(deps.leaseMs ? { leaseMs: deps.leaseMs } : {}),
    handlers: { [WEBHOOK_JOB]: createWebhookHandler(deps), ...deps.handlers },
    onError: (err, job) => deps.log.warn({ err, jobId: job?.id, kind: job?.kind }, 'job attempt failed'),
    onOutcome: (job, outcome) => {
      if (outcome === 'failed')
        deps.onFailed?.(job).catch((err) => deps.log.error({ err, jobId: job.id }, 'failure hook failed'));
    },
  });
  const sweep = () =>
    expireOverdueEnvelopes(deps)
      .then((n) => n && deps.log.info({ expired: n }, 'expired overdue envelopes'))
      .catch((err) => deps.log.warn({ err }, 'expiry sweep failed'));
  const timer = setInterval(sweep, deps.sweepMs ?? 60_000);
  timer.unref();
  void sweep();
  return {
    async stop() {
      clearInterval(timer);
      await worker.stop({ graceMs: 10_000 });
    },
  };
}
