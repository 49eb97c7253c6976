import { z } from 'zod';
import { requireDevice } from '../../../../../../src/http/device-auth';
import { handle, json } from '../../../../../../src/http/handle';
import { readJson } from '../../../../../../src/http/read-json';
import { declineEnvelope } from '../../../../../../src/services/device-flow/decline-envelope';

export const dynamic = 'force-dynamic';

export const POST = handle<{ id: string }>(async (app, request, { id }) => {
  const device = await requireDevice(app, request);
  return json(await declineEnvelope(app, device.id, z.uuid().parse(id), await readJson(request, 65_536)));
});
