import { z } from 'zod';
import { ENVELOPE_STATUSES, SIGNER_ROLES } from '../../db/schema';

/** Keyset cursor: the (createdAt, id) of the last row of the previous page, newest first. */
export const ZSearchCursorSchema = z.object({ createdAt: z.iso.datetime({ offset: true }), id: z.uuid() });

export const ZSearchSigningsInputSchema = z.object({
  /** Patient name (substring) or MRN (exact or prefix). */
  query: z.string().trim().max(60).optional(),
  /** Exact ID number, matched through the salted lookup hash; never stored, logged or echoed. */
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$/)
    .optional(),
  wardId: z.uuid().optional(),
  templateKey: z.string().trim().min(1).max(80).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  statuses: z.array(z.enum(ENVELOPE_STATUSES)).max(ENVELOPE_STATUSES.length).optional(),
  signerRole: z.enum(SIGNER_ROLES).optional(),
  cursor: ZSearchCursorSchema.optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export type TSearchSigningsInput = z.input<typeof ZSearchSigningsInputSchema>;
export type TSearchCursor = z.infer<typeof ZSearchCursorSchema>;
