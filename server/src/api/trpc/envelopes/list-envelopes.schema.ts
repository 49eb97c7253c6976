import { z } from 'zod';
import { ENVELOPE_STATUSES } from '../../../db/schema';

export const ZListEnvelopesInputSchema = z.object({
  patientId: z.uuid().optional(),
  wardId: z.uuid().optional(),
  statuses: z.array(z.enum(ENVELOPE_STATUSES)).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
