import { z } from 'zod';
import { HOSPITAL_NAME } from '../../../../../src/app-context';
import { requireDevice } from '../../../../../src/http/device-auth';
import { handle, json } from '../../../../../src/http/handle';
import { getDeviceEnvelope } from '../../../../../src/services/device-flow/get-device-envelope';

export const dynamic = 'force-dynamic';

export const GET = handle<{ id: string }>(async (app, request, { id }) => {
  const device = await requireDevice(app, request);
  return json(await getDeviceEnvelope({ ...app, hospitalName: HOSPITAL_NAME }, device.id, z.uuid().parse(id)));
});
