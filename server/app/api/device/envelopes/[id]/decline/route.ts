import { z } from 'zod';
import { requireDevice } from '../../../../../../src/http/device-auth';
import { handle, json } from '../../../../../../src/http/handle';
import { readJson } from '../../../../../../src/http/read-json';
import { DECLINE_LIMIT_BYTES, declineEnvelope } from '../../../../../../src/services/device-flow/decline-envelope';

export const dynamic = 'force-dynamic';

/** The bedside decline; idempotent per key, so the kiosk's offline queue may resend it (200 both times). */
export const POST = handle<{ id: string }>(async (app, request, { id }) => {
  const device = await requireDevice(app, request);
  return json(await declineEnvelope(app, device.id, z.uuid().parse(id), await readJson(request, DECLINE_LIMIT_BYTES)));
});
