import { z } from 'zod';

export const ZGetPatientInputSchema = z.object({ patientId: z.uuid() });
