import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { envelopes } from '../../../../../../src/db/schema';
import { AppError } from '../../../../../../src/errors';
import { requireDevice } from '../../../../../../src/http/device-auth';
import { handle, json } from '../../../../../../src/http/handle';
import { transitionEnvelope } from '../../../../../../src/services/envelopes/transition-envelope';

export const dynamic = 'force-dynamic';

/** The device shows the envelope to the signer: sent → opened. Only the device it was sent to may do this. */
export const POST = handle<{ id: string }>(async (app, request, { id }) => {
  const device = await requireDevice(app, request);
  z.uuid().parse(id);
  const [env] = await app.db
    .select()
    .from(envelopes)
    .where(and(eq(envelopes.id, id), eq(envelopes.deviceId, device.id)));
  if (!env) throw new AppError('NOT_FOUND', '签署任务不存在 / Signing request not found');
  if (env.status === 'opened') return json({ id, status: env.status });
  const row = await transitionEnvelope(app, { type: 'device', id: device.id }, id, 'opened');
  return json({ id, status: row.status });
});
