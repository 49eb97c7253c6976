import { ZInkDocumentSchema } from '@inkproof/ink';
import { z } from 'zod';

export const STAFF_SUBMISSION_FORMAT = 'application/vnd.inkproof.staff-submission.v1+json';

const iso = z.iso.datetime({ offset: true });

/**
 * A doctor's or witness's signature made in the console. Identity comes from the staff session, not the body: the
 * server fills in the signer's name and role and keeps the session with the evidence.
 */
export const ZStaffSubmissionSchema = z.object({
  format: z.literal(STAFF_SUBMISSION_FORMAT),
  idempotencyKey: z.uuid(),
  envelopeId: z.uuid(),
  signerId: z.uuid(),
  /** The notice that dynamic handwriting (timing, pressure) is kept as evidence; refused → only the shape is kept. */
  biometricConsent: z.object({ accepted: z.boolean(), at: iso }),
  signatures: z
    .array(
      z.object({
        documentId: z.uuid(),
        fieldName: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/),
        signedAt: iso,
        ink: ZInkDocumentSchema,
      }),
    )
    .min(1)
    .max(20)
    .refine(
      (sigs) => new Set(sigs.map((x) => `${x.documentId}/${x.fieldName}`)).size === sigs.length,
      'each field is signed once',
    ),
  /** Console events only (opened, captured, rejected, submitted): no bedside reading or quiz events. */
  timeline: z
    .array(
      z.object({
        at: iso,
        type: z
          .string()
          .max(60)
          .regex(/^(staff-signing|signature)\.[a-z-]+$/, 'staff-signing.* or signature.* events only'),
        detail: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .max(500),
  device: z.object({
    userAgent: z.string().max(500),
    screen: z.object({ width: z.number(), height: z.number(), dpr: z.number() }),
    pad: z.object({ model: z.string().max(80), capabilities: z.record(z.string(), z.unknown()) }).optional(),
    clockOffsetMs: z.number().optional(),
  }),
});

export type TStaffSubmission = z.infer<typeof ZStaffSubmissionSchema>;
