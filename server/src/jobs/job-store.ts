import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/db';
import { jobs } from '../db/schema';

export type Job = typeof jobs.$inferSelect;

/** `now() + ms` in database time: all workers compare leases against one clock. */
const nowPlus = (ms: number) => sql`now() + ${Math.max(0, Math.round(ms))} * interval '1 millisecond'`;

/**
 * Claims the next due job of the given kinds: a queued job whose run_at has come, or a running job whose lease ran
 * out (its worker died). `FOR UPDATE SKIP LOCKED` lets many workers claim in parallel without blocking each other.
 */
export async function claimJob(
  db: Db,
  options: { workerId: string; kinds: string[]; leaseMs: number },
): Promise<Job | undefined> {
  if (options.kinds.length === 0) return undefined;
  const next = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.kind, options.kinds),
        or(
          and(eq(jobs.status, 'queued'), lte(jobs.runAt, sql`now()`)),
          and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`)),
        ),
      ),
    )
    .orderBy(jobs.runAt, jobs.id)
    .limit(1)
    .for('update', { skipLocked: true });
  const [job] = await db
    .update(jobs)
    .set({
      status: 'running',
      lockedBy: options.workerId,
      lockedUntil: nowPlus(options.leaseMs),
      attempts: sql`${jobs.attempts} + 1`,
      updatedAt: sql`now()`,
    })
    .where(inArray(jobs.id, next))
    .returning();
  return job;
}

const ownedBy = (id: number, workerId: string) =>
  and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running'));

/** Extends the lease; false when the job is no longer ours (lease expired and another worker took it). */
export async function extendLease(db: Db, id: number, workerId: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: nowPlus(leaseMs), updatedAt: sql`now()` })
    .where(ownedBy(id, workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function completeJob(db: Db, id: number, workerId: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'done',
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      finishedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(ownedBy(id, workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Records a failed attempt: back to `queued` after `retryInMs`, or `failed` for good when `retryInMs` is null. */
export async function failJob(
  db: Db,
  id: number,
  workerId: string,
  error: string,
  retryInMs: number | null,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: retryInMs === null ? 'failed' : 'queued',
      lockedBy: null,
      lockedUntil: null,
      lastError: error.slice(0, 2000),
      ...(retryInMs === null ? { finishedAt: sql`now()` } : { runAt: nowPlus(retryInMs) }),
      updatedAt: sql`now()`,
    })
    .where(ownedBy(id, workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}
