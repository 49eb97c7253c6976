import { eq } from 'drizzle-orm';
import { DataError } from '../db/data-error';
import type { Db } from '../db/db';
import { jobs } from '../db/schema';

export interface EnqueueInput {
  /** Handler name, e.g. `envelope.seal`, `webhook.deliver`. */
  kind: string;
  /** JSON payload: ids, never personal data or blobs. */
  payload: unknown;
  /** Makes the enqueue idempotent: a second job with the same key is not created (the first one's id is returned). */
  dedupeKey?: string;
  /** Earliest start (default: now). */
  runAt?: Date;
  /** Attempts before the job is marked `failed` (default 10). */
  maxAttempts?: number;
}

export interface EnqueueResult {
  id: number;
  /** False when a job with the same dedupe key already existed. */
  created: boolean;
}

const KIND = /^[a-z][a-z0-9_.:-]{0,63}$/;

/**
 * Writes a job row — pass the use case's transaction so the job exists exactly when the state change that needs it
 * commits (transactional outbox). A worker picks it up after commit.
 */
export async function enqueue(tx: Db, input: EnqueueInput): Promise<EnqueueResult> {
  if (!KIND.test(input.kind)) throw new DataError('JOB_INVALID', `Invalid job kind: ${input.kind}`);
  if (input.maxAttempts !== undefined && (!Number.isInteger(input.maxAttempts) || input.maxAttempts < 1)) {
    throw new DataError('JOB_INVALID', 'maxAttempts must be a positive integer');
  }
  const [row] = await tx
    .insert(jobs)
    .values({
      kind: input.kind,
      payload: input.payload ?? {},
      dedupeKey: input.dedupeKey ?? null,
      ...(input.runAt ? { runAt: input.runAt } : {}),
      ...(input.maxAttempts ? { maxAttempts: input.maxAttempts } : {}),
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  if (row) return { id: row.id, created: true };
  const [existing] = await tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.dedupeKey, input.dedupeKey!)).limit(1);
  if (!existing) throw new DataError('CONFLICT', 'Job insert conflicted but no job with that dedupe key exists');
  return { id: existing.id, created: false };
}
