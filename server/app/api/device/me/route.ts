import { eq } from 'drizzle-orm';
import { beds, wards } from '../../../../src/db/schema';
import { requireDevice } from '../../../../src/http/device-auth';
import { handle, json } from '../../../../src/http/handle';
import { touchDevice } from '../../../../src/services/devices/devices';

export const dynamic = 'force-dynamic';

/** Heartbeat: who am I (hospital, ward, bed) — and marks the device as seen. */
export const GET = handle(async (app, request) => {
  const device = await requireDevice(app, request);
  await touchDevice(app, device.id);
  const [ward] = await app.db.select().from(wards).where(eq(wards.id, device.wardId));
  const [bed] = device.bedId ? await app.db.select().from(beds).where(eq(beds.id, device.bedId)) : [];
  return json({ id: device.id, name: device.name, ward: ward?.name ?? null, bed: bed?.label ?? null });
});
