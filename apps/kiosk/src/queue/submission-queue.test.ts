import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../kiosk-error';
import { backoffDelay } from './backoff-delay';
import { SubmissionQueue } from './submission-queue';
import { type OutboxKind, openSubmissionStore } from './submission-store';

const body = (key: string, extra: Record<string, unknown> = {}) => ({
  format: 'application/vnd.inkproof.submission.v1+json',
  idempotencyKey: key,
  envelopeId: 'env-1',
  ...extra,
});

/** A fake server: records each upload; fails according to a script of outcomes. */
function fakeServer(script: ('ok' | 'network' | '5xx' | '409')[]) {
  const received: { idempotencyKey: string }[] = [];
  const kinds: string[] = [];
  const accepted = new Set<string>();
  const upload = async ({ kind, body: b }: { kind: OutboxKind; body: unknown }) => {
    const outcome = script.shift() ?? 'ok';
    const item = b as { idempotencyKey: string };
    if (outcome === 'network') throw new KioskError('NETWORK', 'offline');
    received.push(item);
    kinds.push(kind);
    if (outcome === '5xx') throw new KioskError('SERVER', 'HTTP 503', { status: 503 });
    if (outcome === '409') throw new KioskError('CONFLICT', 'not open', { status: 409 });
    accepted.add(item.idempotencyKey);
    return { id: `${kind === 'decline' ? 'dec' : 'sub'}-${item.idempotencyKey}` };
  };
  return { upload, received, kinds, accepted };
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
        return { id: 's1' };
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

describe('SubmissionQueue with declines', () => {
  const decline = (key: string, envelopeId = 'env-9') => ({
    idempotencyKey: key,
    envelopeId,
    signerId: 'signer-1',
    reason: '需要与家人商量',
    timeline: [{ at: '2026-11-22T03:00:00.000Z', type: 'flow.declined' }],
  });

  it('stores a decline made offline before sending it, and tells the flow at once that it will be retried', async () => {
    const store = await openSubmissionStore(new IDBFactory());
    let storedAtUpload: unknown[] = [];
    const queue = new SubmissionQueue({
      store,
      upload: async () => {
        storedAtUpload = await store.list();
        throw new KioskError('NETWORK', 'offline');
      },
      baseDelayMs: 60_000,
    });
    const statuses: [number, number, string[]][] = [];
    queue.onChange((s) => statuses.push([s.pending, s.pendingDeclines, s.envelopeIds]));
    const { firstAttempt } = await queue.enqueue(decline('d1'), 'decline');
    expect(await firstAttempt).toEqual({ state: 'retrying', error: { code: 'NETWORK', message: 'offline' } });
    queue.stop();
    expect(storedAtUpload).toMatchObject([{ kind: 'decline', idempotencyKey: 'd1', body: decline('d1') }]);
    const [kept] = await store.list();
    expect(kept).toMatchObject({ version: 2, kind: 'decline', state: 'pending', attempts: 1, envelopeId: 'env-9' });
    // The declined envelope is not offered again while its decline waits.
    expect(statuses.at(-1)).toEqual([1, 1, ['env-9']]);
  });

  it('a decline survives a reload and is sent exactly once when the network is back', async () => {
    const factory = new IDBFactory();
    const offline = new SubmissionQueue({
      store: await openSubmissionStore(factory),
      upload: fakeServer(['network', 'network']).upload,
      baseDelayMs: 60_000,
    });
    await offline.enqueue(decline('d2'), 'decline');
    await offline.kick();
    offline.stop();
    // "Reload": a new queue over the same database, now online.
    const store = await openSubmissionStore(factory);
    const server = fakeServer([]);
    const online = new SubmissionQueue({ store, upload: server.upload, ...fast });
    await online.kick();
    await online.kick();
    expect(server.received).toEqual([decline('d2')]);
    expect(server.kinds).toEqual(['decline']);
    expect(await store.list()).toEqual([]);
  });

  it('sends submissions and declines in the order they were made, each by its own kind', async () => {
    const store = await openSubmissionStore(new IDBFactory());
    const server = fakeServer(['network']);
    const queue = new SubmissionQueue({ store, upload: server.upload, ...fast });
    const a = await queue.enqueue(body('s1'));
    const b = await queue.enqueue(decline('d3'), 'decline');
    expect(await a.firstAttempt).toMatchObject({ state: 'retrying' });
    expect(await b.firstAttempt).toMatchObject({ state: 'retrying' });
    expect(await b.acknowledged).toBe('dec-d3');
    expect(await a.acknowledged).toBe('sub-s1');
    expect(server.received.map((r) => r.idempotencyKey)).toEqual(['s1', 'd3']);
    expect(server.kinds).toEqual(['submission', 'decline']);
  });

  it('reports a refused decline as rejected on its first attempt and keeps it, never resent', async () => {
    const store = await openSubmissionStore(new IDBFactory());
    const server = fakeServer(['409']);
    const queue = new SubmissionQueue({ store, upload: server.upload, ...fast });
    const { firstAttempt } = await queue.enqueue(decline('d4'), 'decline');
    expect(await firstAttempt).toEqual({ state: 'rejected', error: { code: 'CONFLICT', message: 'not open' } });
    await queue.kick();
    expect(server.received).toHaveLength(1);
    expect((await store.list()).map((i) => [i.kind, i.state])).toEqual([['decline', 'rejected']]);
  });

  it('reads a v1 record (written before declines were queued) as a submission and sends it', async () => {
    const factory = new IDBFactory();
    await openSubmissionStore(factory);
    await new Promise<void>((resolve, reject) => {
      const open = factory.open('inkproof-kiosk', 1);
      open.onsuccess = () => {
        const tx = open.result.transaction('submissions', 'readwrite');
        tx.objectStore('submissions').put({
          version: 1,
          idempotencyKey: 'old-1',
          envelopeId: 'env-1',
          createdAt: '2026-11-01T00:00:00.000Z',
          attempts: 2,
          state: 'pending',
          body: body('old-1'),
        });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const store = await openSubmissionStore(factory);
    expect(await store.list()).toMatchObject([{ version: 2, kind: 'submission', idempotencyKey: 'old-1' }]);
    const server = fakeServer([]);
    await new SubmissionQueue({ store, upload: server.upload, ...fast }).kick();
    expect(server.kinds).toEqual(['submission']);
    expect(await store.list()).toEqual([]);
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
