import { z } from 'zod';
import { ENVELOPE_STATUSES, SIGNER_ROLES } from '../../db/schema';
import { deviceNeededError, hasDeviceWhenNeeded, ZEnvelopeBodySchema } from '../../services/envelopes/envelope-input';

/** HIS/EMR API wire types (`/api/v1`). The OpenAPI document is generated from exactly these schemas. */
export const ZRestCreateEnvelopeSchema = ZEnvelopeBodySchema.extend({
  patientMrn: z.string().trim().min(1).max(32).describe('住院号 / medical record number of an existing patient'),
})
  .refine(hasDeviceWhenNeeded, deviceNeededError)
  .meta({ id: 'CreateEnvelope' });

export const ZRestDocumentSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    templateKey: z.string(),
    templateVersion: z.number().int(),
    status: z.string(),
    sha256: z.string().nullable().describe('SHA-256 of the current (signed if available) PDF'),
    signed: z.boolean(),
  })
  .meta({ id: 'Document' });

export const ZRestEnvelopeSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(ENVELOPE_STATUSES),
    statusReason: z.string().nullable(),
    channel: z.enum(['device', 'link']),
    patientMrn: z.string(),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    documents: z.array(ZRestDocumentSchema),
    signers: z.array(
      z.object({
        id: z.uuid(),
        role: z.enum(SIGNER_ROLES),
        name: z.string(),
        relationship: z.string().nullable(),
        status: z.string(),
      }),
    ),
    bundles: z
      .array(z.object({ id: z.uuid(), signerId: z.uuid().nullable() }))
      .describe('sealed evidence bundles, one per signer and sitting'),
  })
  .meta({ id: 'Envelope' });

export const ZProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
