import { revokeDevice as revokeDeviceService } from '../../../services/devices/devices';
import { roleProcedure } from '../init';
import { ZRevokeDeviceInputSchema } from './revoke-device.schema';

export const revokeDevice = roleProcedure('admin')
  .input(ZRevokeDeviceInputSchema)
  .mutation(async ({ ctx, input }) => {
    const row = await revokeDeviceService(ctx.app, ctx.actor, input.deviceId);
    return { id: row.id, status: row.status };
  });
