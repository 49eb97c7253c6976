import { z } from 'zod';

export const ZGetStaffSigningInputSchema = z.object({ envelopeId: z.uuid() });
