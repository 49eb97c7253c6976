import { z } from 'zod';

export const ZResendEnvelopeInputSchema = z.object({ envelopeId: z.uuid() });
