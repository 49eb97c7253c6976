import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { webhookDeliveries, webhooks } from '../../../../../../src/db/schema';
import { AppError } from '../../../../../../src/errors';
import { handle, json } from '../../../../../../src/http/handle';
import { authenticateApiClient } from '../../../../../../src/services/api-clients/api-keys';

export const dynamic = 'force-dynamic';

/** The delivery log of one of the caller's webhooks (newest first). */
export const GET = handle<{ id: string }>(async (app, request, { id }) => {
  const client = await authenticateApiClient(app.db, request.headers.get('authorization'));
  const [hook] = await app.db
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.id, z.uuid().parse(id)), eq(webhooks.apiClientId, client.id)));
  if (!hook) throw new AppError('NOT_FOUND', 'Webhook 不存在 / Webhook not found');
  const rows = await app.db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseStatus: webhookDeliveries.responseStatus,
      lastError: webhookDeliveries.lastError,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.webhookId, hook.id))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(200);
  return json(rows);
});
