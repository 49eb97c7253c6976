import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DataError } from '../db/data-error';
import { jobs } from '../db/schema';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../db/testing/open-test-database';
import { computeBackoff } from './backoff';
import { enqueue } from './enqueue';
import { claimJob, completeJob } from './job-store';
import { drainJobs, startWorker } from './start-worker';

const fast = { pollMs: 20, backoff: { baseMs: 5, maxMs: 20 } };

describe('computeBackoff', () => {
  it('doubles per attempt up to the cap, with half the delay jittered', () => {
    const mid = { baseMs: 1000, maxMs: 10_000, random: () => 0.5 };
    expect([1, 2, 3, 4, 5, 6].map((a) => computeBackoff(a, mid))).toEqual([750, 1500, 3000, 6000, 7500, 7500]);
    expect(computeBackoff(3, { baseMs: 1000, random: () => 0 })).toBe(2000);
    expect(computeBackoff(3, { baseMs: 1000, random: () => 0.999999 })).toBe(4000);
  });
});

describe.each(TEST_DATABASE_KINDS)('jobs on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t?.cleanup());
  beforeEach(async () => {
    await t.db.delete(jobs);
  });
  const jobById = async (id: number) => (await t.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

  it('enqueues inside the caller transaction and dedupes by key', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueue(tx, { kind: 'envelope.seal', payload: { submissionId: 's0' } });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.db.select().from(jobs)).toHaveLength(0);
    const first = await t.db.transaction((tx) =>
      enqueue(tx, { kind: 'envelope.seal', payload: { submissionId: 's1' }, dedupeKey: 'seal:s1' }),
    );
    const again = await enqueue(t.db, { kind: 'envelope.seal', payload: { other: true }, dedupeKey: 'seal:s1' });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect((await jobById(first.id)).payload).toEqual({ submissionId: 's1' });
    await expect(enqueue(t.db, { kind: 'Bad Kind', payload: {} })).rejects.toMatchObject({ code: 'JOB_INVALID' });
  });

  it('runs due jobs with bounded concurrency and leaves future jobs alone', async () => {
    const ran: unknown[] = [];
    let running = 0;
    let peak = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    for (let i = 0; i < 5; i++) await enqueue(t.db, { kind: 'demo', payload: { i } });
    const later = await enqueue(t.db, {
      kind: 'demo',
      payload: { later: true },
      runAt: new Date(Date.now() + 3_600_000),
    });
    const worker = startWorker({
      db: t.db,
      concurrency: 2,
      ...fast,
      handlers: {
        demo: async (job) => {
          running += 1;
          peak = Math.max(peak, running);
          await gate;
          ran.push(job.payload);
          running -= 1;
        },
      },
    });
    await expect.poll(() => running, { timeout: 10_000 }).toBe(2);
    await new Promise((r) => setTimeout(r, 100));
    open();
    await expect.poll(() => ran.length, { timeout: 10_000 }).toBe(5);
    await worker.stop();
    expect(peak).toBe(2);
    const rows = await t.db.select().from(jobs);
    expect(rows.filter((r) => r.status === 'done')).toHaveLength(5);
    expect((await jobById(later.id)).status).toBe('queued');
  });

  it('retries with backoff and succeeds, or fails for good after max attempts', async () => {
    const flaky = await enqueue(t.db, { kind: 'flaky', payload: {} });
    const broken = await enqueue(t.db, { kind: 'broken', payload: {}, maxAttempts: 3 });
    const invalid = await enqueue(t.db, { kind: 'invalid', payload: {} });
    let flakyCalls = 0;
    const worker = startWorker({
      db: t.db,
      ...fast,
      handlers: {
        flaky: async () => {
          flakyCalls += 1;
          if (flakyCalls < 3) throw new Error(`transient ${flakyCalls}`);
        },
        broken: async () => {
          throw new Error('TSA unreachable');
        },
        invalid: async () => {
          throw new DataError('JOB_INVALID', 'payload does not parse');
        },
      },
    });
    await expect.poll(async () => (await jobById(broken.id)).status, { timeout: 10_000 }).toBe('failed');
    await expect.poll(async () => (await jobById(flaky.id)).status, { timeout: 10_000 }).toBe('done');
    await worker.stop();
    expect(await jobById(flaky.id)).toMatchObject({ attempts: 3, lastError: null, lockedBy: null });
    expect(await jobById(broken.id)).toMatchObject({ attempts: 3, lastError: 'Error: TSA unreachable' });
    expect(await jobById(invalid.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await jobById(invalid.id)).lastError).toMatch(/^JOB_INVALID/);
  });

  it('recovers a job whose worker died: the lease expires and another worker runs it', async () => {
    const { id } = await enqueue(t.db, { kind: 'seal', payload: {} });
    const dead = await claimJob(t.db, { workerId: 'dead-worker', kinds: ['seal'], leaseMs: 1000 });
    expect(dead).toMatchObject({ id, status: 'running', lockedBy: 'dead-worker', attempts: 1 });
    // Still leased: nobody else may take it.
    expect(await claimJob(t.db, { workerId: 'other', kinds: ['seal'], leaseMs: 1000 })).toBeUndefined();
    const ranBy: string[] = [];
    const worker = startWorker({
      db: t.db,
      ...fast,
      workerId: 'rescuer',
      handlers: { seal: async (_job, ctx) => void ranBy.push(ctx.workerId) },
    });
    await expect.poll(async () => (await jobById(id)).status, { timeout: 10_000 }).toBe('done');
    await worker.stop();
    expect(ranBy).toEqual(['rescuer']);
    expect(await jobById(id)).toMatchObject({ attempts: 2, lockedBy: null });
    // The dead worker coming back late cannot overwrite the outcome.
    expect(await completeJob(t.db, id, 'dead-worker')).toBe(false);
  });

  it('marks a job failed when its last attempt died with the lease', async () => {
    const { id } = await enqueue(t.db, { kind: 'seal', payload: {}, maxAttempts: 1 });
    await claimJob(t.db, { workerId: 'dead-worker', kinds: ['seal'], leaseMs: 1 });
    await new Promise((r) => setTimeout(r, 20));
    const results = await drainJobs({ db: t.db, handlers: { seal: async () => {} } });
    expect(results.map((r) => r.outcome)).toEqual(['failed']);
    expect((await jobById(id)).lastError).toMatch(/^LEASE_EXPIRED/);
  });

  it('keeps a long job leased by heart-beating', async () => {
    const { id } = await enqueue(t.db, { kind: 'slow', payload: {} });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const worker = startWorker({ db: t.db, ...fast, leaseMs: 400, handlers: { slow: () => released } });
    await expect.poll(async () => (await jobById(id)).lockedUntil, { timeout: 10_000 }).toBeInstanceOf(Date);
    const firstLease = (await jobById(id)).lockedUntil!.getTime();
    // Waits for real heartbeats instead of racing a timer, so a loaded machine only makes it slower.
    await expect
      .poll(async () => (await jobById(id)).lockedUntil!.getTime() - firstLease, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(300);
    release();
    await expect.poll(async () => (await jobById(id)).status, { timeout: 10_000 }).toBe('done');
    await worker.stop();
    expect((await jobById(id)).attempts).toBe(1);
  });

  it('runs each job exactly once with several workers claiming concurrently', async () => {
    const ids = [];
    for (let i = 0; i < 24; i++) ids.push((await enqueue(t.db, { kind: 'count', payload: { i } })).id);
    const seen = new Map<number, number>();
    const handlers = {
      count: async (job: { id: number }) => {
        seen.set(job.id, (seen.get(job.id) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 5));
      },
    };
    const workers = [1, 2, 3].map(() => startWorker({ db: t.db, concurrency: 3, ...fast, handlers }));
    await expect.poll(() => seen.size, { timeout: 10_000 }).toBe(24);
    await Promise.all(workers.map((w) => w.stop()));
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(jobs).where(eq(jobs.status, 'done'));
    expect(row!.n).toBe(24);
  });

  it('stops gracefully: waits for running jobs, or aborts them after the grace period', async () => {
    const a = await enqueue(t.db, { kind: 'wait', payload: {} });
    const finished: number[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const worker = startWorker({
      db: t.db,
      ...fast,
      handlers: {
        wait: async (job) => {
          await gate;
          finished.push(job.id);
        },
      },
    });
    await expect.poll(async () => (await jobById(a.id)).status, { timeout: 5000 }).toBe('running');
    const stopped = worker.stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(finished).toEqual([]);
    open();
    await stopped;
    expect(finished).toEqual([a.id]);
    expect((await jobById(a.id)).status).toBe('done');

    const b = await enqueue(t.db, { kind: 'wait', payload: {} });
    const hang = async (_job: unknown, ctx: { signal: AbortSignal }) =>
      new Promise<void>((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
    const second = startWorker({ db: t.db, ...fast, handlers: { wait: hang } });
    await expect.poll(async () => (await jobById(b.id)).status, { timeout: 5000 }).toBe('running');
    await second.stop({ graceMs: 50 });
    expect(await jobById(b.id)).toMatchObject({ status: 'queued', attempts: 1 });
  });
});
