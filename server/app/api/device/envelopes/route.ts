import { requireDevice } from '../../../../src/http/device-auth';
import { handle, json } from '../../../../src/http/handle';
import { listEnvelopes } from '../../../../src/services/envelopes/list-envelopes';

export const dynamic = 'force-dynamic';

/** Envelopes waiting on this device (what the kiosk shows after a restart or a missed push). */
export const GET = handle(async (app, request) => {
  const device = await requireDevice(app, request);
  const rows = await listEnvelopes(app.db, { deviceId: device.id, statuses: ['sent', 'opened', 'signing'] });
  return json(rows.filter((r) => r.expiresAt > app.clock()));
});
