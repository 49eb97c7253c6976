import { asc } from 'drizzle-orm';
import { devices } from '../../../db/schema';
import { staffProcedure } from '../init';

export const listDevices = staffProcedure.query(({ ctx }) =>
  ctx.app.db
    .select({
      id: devices.id,
      name: devices.name,
      wardId: devices.wardId,
      bedId: devices.bedId,
      status: devices.status,
      lastSeenAt: devices.lastSeenAt,
      enrolledAt: devices.enrolledAt,
      enrollmentExpiresAt: devices.enrollmentExpiresAt,
    })
    .from(devices)
    .orderBy(asc(devices.name)),
);
