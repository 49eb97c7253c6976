import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../kiosk-error';
import { backoffDelay } from './backoff-delay';
import { SubmissionQueue } from './submission-queue';
import { openSubmissionStore } from './submission-store';

const body = (key: string, extra: Record<string, unknown> = {}) => ({
  format: 'application/vnd.inkproof.submission.v1+json',
  idempotencyKey: key,
  envelopeId: 'env-1',
  ...extra,
});

/** A fake server: records each upload; fails according to a script of outcomes. */
function fakeServer(script: ('ok' | 'network' | '5xx' | '409')[]) {
  const received: { idempotencyKey: string }[] = [];
  const accepted = new Set<string>();
  const upload = async (b: unknown) => {
    const outcome = script.shift() ?? 'ok';
    const item = b as { idempotencyKey: string };
    if (outcome === 'network') throw new KioskError('NETWORK', 'offline');
    received.push(item);
    if (outcome === '5xx') throw new KioskError('SERVER', 'HTTP 503', { status: 503 });
    if (outcome === '409') throw new KioskError('CONFLICT', 'not open', { status: 409 });
    accepted.add(item.idempotencyKey);
    return { submissionId: `sub-${item.idempotencyKey}` };
  };
  return { upload, received, accepted };
}

const fast = { baseDelayMs: 5, maxDelayMs: 20, random: () => 0.5 };

describe('SubmissionQueue', () => {
  it('stores before uploading and deletes only after the acknowledgement', async () => {
    const store = await openSubmissionStore(new IDBFactory());
    let storedAtUpload = 0;
    const queue = new SubmissionQueue({
      store,
      upload: async () => {
        storedAtUpload = (await store.list()).length;
        return { submissionId: 's1' };
      },
      ...fast,
    });
    const { acknowledged } = await queue.enqueue(body('k1'));
    expect(await acknowledged).toBe('s1');
    expect(storedAtUpload).toBe(1);
    expect(await store.list()).toEqual([]);
  });

  it('retries network loss and 5xx with backoff until the server acknowledges', async () => {
    const store = await openSubmissionStore(new IDBFactory());
    const server = fakeServer(['network', '5xx', 'network', 'ok']);
    const queue = new SubmissionQueue({ store, upload: server.upload, ...fast });
    const { acknowledged } = await queue.enqueue(body('k2'));
    expect(await acknowledged).toBe('sub-k2');
    expect([...server.accepted]).toEqual(['k2']);
    expect(server.received.map((r) => r.idempotencyKey)).toEqual(['k2', 'k2']);
    expect(await store.list()).toEqual([]);
  });

  it('keeps a submission across a reload and sends it first on start-up', async () => {
    const factory = new IDBFactory();
    const first = new SubmissionQueue({
      store: await openSubmissionStore(factory),
      upload: fakeServer(['network', 'network', 'network']).upload,
      baseDelayMs: 60_000,
    });
    await first.enqueue(body('k3', { signatures: [{ fieldName: 'sig_patient' }] }));
    await first.kick();
    first.stop();
    // "Reload": a new queue over the same database.
    const store = await openSubmissionStore(factory);
    const pending = await store.list();
    expect(pending.map((p) => [p.idempotencyKey, p.state])).toEqual([['k3', 'pending']]);
    expect(pending[0]?.attempts).toBeGreaterThanOrEqual(1);
    expect(pending[0]?.lastError?.code).toBe('NETWORK');
    const server = fakeServer([]);
    const second = new SubmissionQueue({ store, upload: server.upload, ...fast });
    await second.kick();
    expect(server.received).toEqual([body('k3', { signatures: [{ fieldName: 'sig_patient' }] })]);
    expect(await store.list()).toEqual([]);
  });

  it('marks a submission the server refuses for good as rejected and never resends it', async () => {
    const store = await openSubmissionStore(new IDBFactory());
    const server = fakeServer(['409']);
    const queue = new SubmissionQueue({ store, upload: server.upload, ...fast });
    const statuses: string[] = [];
    queue.onChange((s) => statuses.push(`${s.pending}/${s.rejected}/${s.lastError?.code ?? '-'}`));
    await queue.enqueue(body('k4'));
    await queue.kick();
    await queue.kick();
    expect(server.received).toHaveLength(1);
    const [item] = await store.list();
    expect(item?.state).toBe('rejected');
    expect(item?.lastError?.code).toBe('CONFLICT');
    expect(statuses.at(-1)).toBe('0/1/CONFLICT');
  });

  it('uploads in creation order and picks up submissions enqueued during a pass', async () => {
    const store = await openSubmissionStore(new IDBFactory());
    const server = fakeServer([]);
    const queue = new SubmissionQueue({ store, upload: server.upload, ...fast });
    const a = await queue.enqueue(body('a'));
    const b = await queue.enqueue(body('b'));
    await Promise.all([a.acknowledged, b.acknowledged]);
    expect(server.received.map((r) => r.idempotencyKey)).toEqual(['a', 'b']);
  });
});

describe('backoffDelay', () => {
  it('grows exponentially and stays within the cap', () => {
    const mid = () => 0.5;
    expect(backoffDelay(0, 1000, 60_000, mid)).toBe(750);
    expect(backoffDelay(3, 1000, 60_000, mid)).toBe(6000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffDelay(20, 1000, 60_000, () => 0)).toBe(30_000);
  });
});
