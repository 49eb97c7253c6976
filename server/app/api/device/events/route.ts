import { requireDevice } from '../../../../src/http/device-auth';
import { handle } from '../../../../src/http/handle';
import { sseResponse } from '../../../../src/http/sse';
import { touchDevice } from '../../../../src/services/devices/devices';
import { deviceChannel } from '../../../../src/services/push-events/push-events';

export const dynamic = 'force-dynamic';

/** The push channel a bedside device listens on; keep-alive ticks double as heartbeats. */
export const GET = handle(async (app, request) => {
  const device = await requireDevice(app, request);
  await touchDevice(app, device.id);
  return sseResponse(request, app.push, [deviceChannel(device.id)], { deviceId: device.id }, () =>
    touchDevice(app, device.id),
  );
});
