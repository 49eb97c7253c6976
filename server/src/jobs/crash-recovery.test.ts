import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../db/schema';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../db/testing/open-test-database';
import { enqueue } from './enqueue';
import { startWorker } from './start-worker';

const CHILD = fileURLToPath(new URL('./testing/job-child.ts', import.meta.url));

describe.runIf(TEST_DATABASE_KINDS.includes('postgres'))('job recovery after a worker process is killed', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
  });
  afterAll(() => t?.cleanup());

  it('runs the job again in another process once the dead worker lease expires', async () => {
    const { id } = await enqueue(t.db, { kind: 'crash.me', payload: { submissionId: 's1' } });
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, '500'], {
      env: { ...process.env, DATABASE_URL: t.url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe(`RUNNING ${id}`);
    child.kill('SIGKILL');
    await once(child, 'exit');
    const [orphan] = await t.db.select().from(jobs).where(eq(jobs.id, id));
    expect(orphan).toMatchObject({ status: 'running', lockedBy: 'child-worker', attempts: 1 });

    const ranBy: string[] = [];
    const worker = startWorker({
      db: t.db,
      pollMs: 20,
      workerId: 'survivor',
      handlers: { 'crash.me': async (_job, ctx) => void ranBy.push(ctx.workerId) },
    });
    await expect
      .poll(async () => (await t.db.select().from(jobs).where(eq(jobs.id, id)))[0]!.status, { timeout: 15_000 })
      .toBe('done');
    await worker.stop();
    expect(ranBy).toEqual(['survivor']);
    const [done] = await t.db.select().from(jobs).where(eq(jobs.id, id));
    expect(done).toMatchObject({ attempts: 2, lockedBy: null, lastError: null });
  });
});
