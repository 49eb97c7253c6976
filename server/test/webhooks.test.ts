import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClients, jobs, webhookDeliveries } from '../src/db/schema';
import { TEST_DATABASE_KINDS } from '../src/db/testing/open-test-database';
import { drainJobs } from '../src/jobs';
import { transitionEnvelope } from '../src/services/envelopes/transition-envelope';
import { verifyWebhook } from '../src/services/webhooks/webhook-signature';
import { createWebhookHandler, registerWebhook, WEBHOOK_JOB } from '../src/services/webhooks/webhooks';
import { setUpDeviceEnvelope } from './helpers/device-fixture';
import { createTestApp, type TestApp } from './helpers/test-app';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('webhook signatures', () => {
  it('verifies timestamp.body HMACs and enforces the replay window', async () => {
    const { signWebhook } = await import('../src/services/webhooks/webhook-signature');
    const sig = signWebhook('s3cret', 1_000_000, '{"a":1}');
    expect(verifyWebhook('s3cret', { signature: sig, timestamp: '1000000' }, '{"a":1}', 1_000_100)).toEqual({
      valid: true,
    });
    expect(verifyWebhook('s3cret', { signature: sig, timestamp: '1000000' }, '{"a":2}', 1_000_100)).toEqual({
      valid: false,
      reason: 'BAD_SIGNATURE',
    });
    expect(verifyWebhook('s3cret', { signature: sig, timestamp: '1000000' }, '{"a":1}', 1_000_301)).toEqual({
      valid: false,
      reason: 'STALE_TIMESTAMP',
    });
    expect(verifyWebhook('other', { signature: sig, timestamp: '1000000' }, '{"a":1}', 1_000_000).valid).toBe(false);
  });
});

describe.each(TEST_DATABASE_KINDS)('HIS webhooks on %s', (kind) => {
  let t: TestApp;
  let server: Server;
  let url: string;
  const received: Received[] = [];
  let failNext = 0;
  beforeAll(async () => {
    t = await createTestApp(kind);
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/his/consent-events`;
  });
  afterAll(async () => {
    server.close();
    await t.cleanup();
  });

  it('signs each delivery, retries a failing receiver and logs every attempt', async () => {
    const [client] = await t.app.db.select().from(apiClients);
    const hook = await registerWebhook(t.app, client!.id, { url, events: ['envelope.declined', 'envelope.cancelled'] });
    expect(hook.secret).toMatch(/^whsec_/);
    const { envelope } = await setUpDeviceEnvelope(t);
    failNext = 1;
    await transitionEnvelope(
      { ...t.app, push: { publish: async () => {} } },
      { type: 'system', id: null },
      envelope.id,
      'cancelled',
    );
    const handlers = { [WEBHOOK_JOB]: createWebhookHandler(t.app) };
    // The first attempt hits a 503 and is re-queued with backoff; drain again with a clock past the backoff.
    await drainJobs({ db: t.app.db, handlers });
    const [pending] = await t.app.db.select().from(webhookDeliveries);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 503 });
    await t.app.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.kind, WEBHOOK_JOB));
    await drainJobs({ db: t.app.db, handlers });
    const [done] = await t.app.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(done).toMatchObject({ status: 'delivered', attempts: 2, responseStatus: 204 });

    expect(received).toHaveLength(1);
    const delivery = received[0]!;
    const body = JSON.parse(delivery.body) as { event: string; data: { envelopeId: string } };
    expect(body).toMatchObject({ event: 'envelope.cancelled', data: { envelopeId: envelope.id } });
    const check = verifyWebhook(
      hook.secret,
      {
        signature: String(delivery.headers['x-inkproof-signature']),
        timestamp: String(delivery.headers['x-inkproof-timestamp']),
      },
      delivery.body,
    );
    expect(check).toEqual({ valid: true });
  });
});
