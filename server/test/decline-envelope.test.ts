import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as declineRoute } from '../app/api/device/envelopes/[id]/decline/route';
import { apiClients, auditLog, blobs, envelopes, signers, webhookDeliveries } from '../src/db/schema';
import { TEST_DATABASE_KINDS } from '../src/db/testing/open-test-database';
import type { AppError } from '../src/errors';
import { DECLINE_RECORD_TYPE, declineEnvelope } from '../src/services/device-flow/decline-envelope';
import { getDeviceEnvelope } from '../src/services/device-flow/get-device-envelope';
import type { PushEvent } from '../src/services/push-events/push-events';
import { registerWebhook } from '../src/services/webhooks/webhooks';
import { setUpDeviceEnvelope } from './helpers/device-fixture';
import { createTestApp, type TestApp } from './helpers/test-app';

const BASE = 'http://localhost:3000';

describe.each(TEST_DATABASE_KINDS)('bedside decline on %s', (kind) => {
  let t: TestApp;
  const pushed: PushEvent[] = [];
  beforeAll(async () => {
    t = await createTestApp(kind);
    const [client] = await t.app.db.select().from(apiClients);
    await registerWebhook(t.app, client!.id, { url: 'http://127.0.0.1:9/his', events: ['envelope.declined'] });
  });
  afterAll(() => t.cleanup());
  const deps = () => ({ ...t.app, push: { publish: async (_: string, e: PushEvent) => void pushed.push(e) } });

  async function openEnvelope() {
    const { device, envelope } = await setUpDeviceEnvelope(t);
    const view = await getDeviceEnvelope({ ...t.app, hospitalName: 'h' }, device.deviceId, envelope.id);
    const body = {
      idempotencyKey: randomUUID(),
      envelopeId: envelope.id,
      signerId: view.signers[0]!.id,
      reason: '需要与家人商量后再决定',
      timeline: [
        { at: '2026-11-22T03:00:00.000Z', type: 'flow.started' },
        { at: '2026-11-22T03:01:00.000Z', type: 'flow.declined', detail: { reason: '需要与家人商量后再决定' } },
      ],
    };
    return { device, envelopeId: envelope.id, body };
  }
  const declines = (envelopeId: string) =>
    t.app.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, envelopeId), eq(auditLog.action, 'envelope.declined')));
  const deliveries = async (envelopeId: string) =>
    (await t.app.db.select().from(webhookDeliveries)).filter(
      (d) => (d.payload as { envelopeId?: string }).envelopeId === envelopeId,
    );
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected the decline to be refused');
      },
      (e: unknown) => e as AppError,
    );

  it('records a decline once: signer and envelope declined, record stored, audited, webhook queued, console told', async () => {
    const { device, envelopeId, body } = await openEnvelope();
    pushed.length = 0;
    expect(await declineEnvelope(deps(), device.deviceId, envelopeId, body)).toEqual({
      id: envelopeId,
      status: 'declined',
      replayed: false,
    });
    const [env] = await t.app.db.select().from(envelopes).where(eq(envelopes.id, envelopeId));
    expect(env).toMatchObject({ status: 'declined', statusReason: '需要与家人商量后再决定' });
    const [signer] = await t.app.db.select().from(signers).where(eq(signers.id, body.signerId));
    expect(signer!.status).toBe('declined');
    const audit = await declines(envelopeId);
    expect(audit).toHaveLength(1);
    const details = audit[0]!.details as { declineKey: string; recordSha256: string };
    expect(details.declineKey).toBe(body.idempotencyKey);
    // The audit row keeps digests only; the reason and the timeline live in the stored record.
    expect(JSON.stringify(details)).not.toContain('家人');
    const record = JSON.parse(Buffer.from(await t.app.blobs.get(details.recordSha256)).toString('utf8'));
    expect(record).toMatchObject({ idempotencyKey: body.idempotencyKey, reason: body.reason });
    expect(record.timeline.map((e: { type: string }) => e.type)).toEqual(['flow.started', 'flow.declined']);
    const [blobRow] = await t.app.db.select().from(blobs).where(eq(blobs.sha256, details.recordSha256));
    expect(blobRow?.mediaType).toBe(DECLINE_RECORD_TYPE);
    expect(await deliveries(envelopeId)).toHaveLength(1);
    expect(pushed.filter((e) => e.type === 'envelope.status' && e.envelopeId === envelopeId)).toHaveLength(1);
  });

  it('answers success to the same decline sent again, and changes nothing', async () => {
    const { device, envelopeId, body } = await openEnvelope();
    await declineEnvelope(deps(), device.deviceId, envelopeId, body);
    pushed.length = 0;
    const again = await declineEnvelope(deps(), device.deviceId, envelopeId, structuredClone(body));
    expect(again).toEqual({ id: envelopeId, status: 'declined', replayed: true });
    expect(await declines(envelopeId)).toHaveLength(1);
    expect(await deliveries(envelopeId)).toHaveLength(1);
    expect(pushed).toEqual([]);
  });

  it('two copies of one decline racing each other record it exactly once', async () => {
    const { device, envelopeId, body } = await openEnvelope();
    const results = await Promise.all([
      declineEnvelope(deps(), device.deviceId, envelopeId, body),
      declineEnvelope(deps(), device.deviceId, envelopeId, structuredClone(body)),
    ]);
    expect(results.map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(await declines(envelopeId)).toHaveLength(1);
    expect(await deliveries(envelopeId)).toHaveLength(1);
  });

  it('refuses the same key with other content, and any other decline of a declined envelope, by code', async () => {
    const { device, envelopeId, body } = await openEnvelope();
    await declineEnvelope(deps(), device.deviceId, envelopeId, body);
    const changed = await refusal(
      declineEnvelope(deps(), device.deviceId, envelopeId, { ...body, reason: '改主意了' }),
    );
    expect(changed.code).toBe('IDEMPOTENCY_MISMATCH');
    const other = await refusal(
      declineEnvelope(deps(), device.deviceId, envelopeId, { ...body, idempotencyKey: randomUUID() }),
    );
    expect([other.code, other.details.reason]).toEqual(['CONFLICT', 'ALREADY_DECLINED']);
    const { idempotencyKey: _, ...keyless } = body;
    const legacy = await refusal(declineEnvelope(deps(), device.deviceId, envelopeId, keyless));
    expect([legacy.code, legacy.details.reason]).toEqual(['CONFLICT', 'ALREADY_DECLINED']);
    expect(await declines(envelopeId)).toHaveLength(1);
  });

  it('validates the body and leaves an open envelope untouched when it refuses', async () => {
    const { device, envelopeId, body } = await openEnvelope();
    const blank = await refusal(declineEnvelope(deps(), device.deviceId, envelopeId, { ...body, reason: ' ' }));
    expect(blank.details.fields?.map((f) => f.path)).toEqual(['reason']);
    const elsewhere = await refusal(
      declineEnvelope(deps(), device.deviceId, envelopeId, { ...body, envelopeId: randomUUID() }),
    );
    expect(elsewhere.details.fields?.map((f) => f.path)).toEqual(['envelopeId']);
    const stranger = await refusal(
      declineEnvelope(deps(), device.deviceId, envelopeId, { ...body, signerId: randomUUID() }),
    );
    expect(stranger.code).toBe('NOT_FOUND');
    const late = await refusal(
      declineEnvelope(
        { ...deps(), clock: () => new Date(Date.now() + 48 * 3_600_000) },
        device.deviceId,
        envelopeId,
        body,
      ),
    );
    expect(late.code).toBe('INVALID_STATE');
    const [env] = await t.app.db.select().from(envelopes).where(eq(envelopes.id, envelopeId));
    expect(env!.status).not.toBe('declined');
    expect(await declines(envelopeId)).toHaveLength(0);
  });

  it('over HTTP: a resend answers 200 like the first time; another decline answers 409 ALREADY_DECLINED', async () => {
    const { device, envelopeId, body } = await openEnvelope();
    const post = (payload: unknown) =>
      declineRoute(
        new Request(`${BASE}/api/device/envelopes/${envelopeId}/decline`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${device.credential}` },
          body: JSON.stringify(payload),
        }),
        { params: Promise.resolve({ id: envelopeId }) },
      );
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'declined', replayed: false });
    const resent = await post(body);
    expect(resent.status).toBe(200);
    expect(await resent.json()).toMatchObject({ status: 'declined', replayed: true });
    const other = await post({ ...body, idempotencyKey: randomUUID() });
    expect(other.status).toBe(409);
    expect(await other.json()).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DECLINED' });
    expect(await declines(envelopeId)).toHaveLength(1);
  });
});
