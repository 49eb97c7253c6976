import { z } from 'zod';
import { AppError, fieldIssuesOf } from '../../../../src/errors';
import { handle, json } from '../../../../src/http/handle';
import { readJson } from '../../../../src/http/read-json';
import { authenticateApiClient } from '../../../../src/services/api-clients/api-keys';
import { registerWebhook, WEBHOOK_EVENTS } from '../../../../src/services/webhooks/webhooks';

export const dynamic = 'force-dynamic';

const ZWebhookSchema = z.object({ url: z.url(), events: z.array(z.enum(WEBHOOK_EVENTS)).min(1) });

/** Registers a webhook for the calling HIS client; the response carries the signing secret, shown only once. */
export const POST = handle(async (app, request) => {
  const client = await authenticateApiClient(app.db, request.headers.get('authorization'));
  const parsed = ZWebhookSchema.safeParse(await readJson(request, 16_384));
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', '输入有误 / Invalid input', { fields: fieldIssuesOf(parsed.error.issues) });
  return json(await registerWebhook(app, client.id, parsed.data), 201);
});
