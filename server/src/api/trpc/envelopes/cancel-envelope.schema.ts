import { z } from 'zod';

export const ZCancelEnvelopeInputSchema = z.object({
  envelopeId: z.uuid(),
  reason: z.string().trim().max(200).optional(),
});
