import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../db/testing/open-test-database';
import { createPushBus } from './create-push-bus';
import { createPgPushBus } from './pg-push-bus';
import type { PushEvent } from './push-bus';

const CHILD = fileURLToPath(new URL('./testing/push-child.ts', import.meta.url));

function spawnChild(url: string, args: string[]): { child: ChildProcess; lines: AsyncIterableIterator<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return { child, lines };
}

async function nextLine(lines: AsyncIterableIterator<string>): Promise<string> {
  const { value, done } = await lines.next();
  if (done) throw new Error('child exited early');
  return value;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe.runIf(TEST_DATABASE_KINDS.includes('postgres'))('LISTEN/NOTIFY push bus', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('postgres', { migrate: false });
  });
  afterAll(() => t?.cleanup());

  it('delivers a publish from one process to a subscriber in another', async () => {
    const listener = spawnChild(t.url!, ['listen', 'device:abc', '2']);
    expect(await nextLine(listener.lines)).toBe('READY');
    const publisher = spawnChild(t.url!, ['publish', 'device:abc', JSON.stringify({ envelopeId: 'e1', n: 1 })]);
    expect(await nextLine(publisher.lines)).toBe('SENT');
    expect(await exited(publisher.child)).toBe(0);
    expect(await nextLine(listener.lines)).toBe('EVENT {"envelopeId":"e1","n":1}');
    // This process is a third instance: its publish reaches the child too.
    const bus = createPushBus(t.database);
    await bus.publish('device:abc', { envelopeId: 'e2', n: 2 });
    expect(await nextLine(listener.lines)).toBe('EVENT {"envelopeId":"e2","n":2}');
    expect(await exited(listener.child)).toBe(0);
    await bus.close();
  });

  it('reconnects after its listening connection is killed and signals a resync', async () => {
    const receiver = createPgPushBus({ url: t.url!, minRetryMs: 20 });
    const sender = createPgPushBus({ url: t.url! });
    await Promise.all([receiver.ready(), sender.ready()]);
    const got: PushEvent[] = [];
    receiver.subscribe('ward:1', (event) => got.push(event));
    let resynced = 0;
    const resync = new Promise<void>((resolve) =>
      receiver.onResync(() => {
        resynced += 1;
        resolve();
      }),
    );
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and application_name = 'inkproof-push' and query ilike 'listen%'`,
    );
    await admin.end();
    await resync;
    await sender.publish('ward:1', { after: 'reconnect' });
    await expect.poll(() => got, { timeout: 5000 }).toContainEqual({ after: 'reconnect' });
    expect(resynced).toBeGreaterThanOrEqual(1);
    await Promise.all([receiver.close(), sender.close()]);
  });

  it('does not deliver its own notifications twice', async () => {
    const bus = createPgPushBus({ url: t.url! });
    await bus.ready();
    const got: PushEvent[] = [];
    bus.subscribe('envelope:x', (event) => got.push(event));
    await bus.publish('envelope:x', { n: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toEqual([{ n: 1 }]);
    await bus.close();
  });
});
