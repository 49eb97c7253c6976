import { z } from 'zod';

export const ZRevokeDeviceInputSchema = z.object({ deviceId: z.uuid() });
