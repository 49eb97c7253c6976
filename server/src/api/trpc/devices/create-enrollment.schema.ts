import { z } from 'zod';

export const ZCreateEnrollmentInputSchema = z.object({
  name: z.string().trim().min(1).max(60),
  wardId: z.uuid(),
  bedId: z.uuid().optional(),
  validHours: z.number().min(0.1).max(72).optional(),
});
