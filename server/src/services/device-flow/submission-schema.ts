import { ZInkDocumentSchema } from '@inkproof/ink';
import { z } from 'zod';
import { SIGNER_ROLES } from '../../db/schema';

export const SUBMISSION_FORMAT = 'application/vnd.inkproof.submission.v1+json';

const iso = z.iso.datetime({ offset: true });
const base64 = (maxBytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
    .max(Math.ceil((maxBytes * 4) / 3) + 4, `larger than ${maxBytes} bytes`);
const IMAGE_MAX = 6 * 1024 * 1024;

/** One signer's captured evidence, as the bedside app sends it (wire format v1; see kiosk contract). */
export const ZSubmissionSchema = z
  .object({
    format: z.literal(SUBMISSION_FORMAT),
    idempotencyKey: z.uuid(),
    envelopeId: z.uuid(),
    signerId: z.uuid(),
    signer: z.object({
      role: z.enum(SIGNER_ROLES),
      name: z.string().trim().min(1).max(60),
      relationship: z.string().trim().max(30).optional(),
      reasonPatientNotSigning: z.string().trim().max(300).optional(),
    }),
    biometricConsent: z.object({ accepted: z.boolean(), at: iso }),
    identity: z.object({
      idCard: z
        .object({
          imageJpegBase64: base64(IMAGE_MAX),
          ocr: z.record(z.string(), z.unknown()),
          confirmed: z.boolean(),
          at: iso,
        })
        .optional(),
      facePhoto: z.object({ imageJpegBase64: base64(IMAGE_MAX), at: iso }).optional(),
      skipped: z
        .array(
          z.object({ step: z.enum(['idCard', 'facePhoto', 'fingerprint']), reason: z.string().trim().min(1).max(300) }),
        )
        .max(3)
        .default([]),
    }),
    reading: z
      .array(
        z.object({
          documentId: z.uuid(),
          pages: z
            .array(z.object({ page: z.number().int().min(0), firstShownAt: iso, seconds: z.number().min(0) }))
            .max(500),
          scrolledToEnd: z.boolean(),
          scrolledToEndAt: iso.optional(),
          noticesAccepted: z.array(z.object({ id: z.string().min(1).max(80), at: iso })).max(50),
          quiz: z.object({ answer: z.string().max(80), correct: z.boolean(), at: iso }).optional(),
        }),
      )
      .max(10),
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
      .max(20),
    phrase: z.object({ text: z.string().trim().min(1).max(100), ink: ZInkDocumentSchema }).optional(),
    fingerprint: z
      .object({ imagePngBase64: base64(2 * 1024 * 1024), device: z.string().max(100).optional() })
      .optional(),
    timeline: z
      .array(
        z.object({ at: iso, type: z.string().min(1).max(60), detail: z.record(z.string(), z.unknown()).optional() }),
      )
      .max(2000),
    device: z.object({
      userAgent: z.string().max(500),
      screen: z.object({ width: z.number(), height: z.number(), dpr: z.number() }),
      pad: z.object({ model: z.string().max(80), capabilities: z.record(z.string(), z.unknown()) }).optional(),
      clockOffsetMs: z.number().optional(),
    }),
  })
  .refine((s) => ['patient', 'doctor', 'witness'].includes(s.signer.role) || !!s.signer.reasonPatientNotSigning, {
    message: '非患者本人签署须说明原因 / a reason is required when the patient does not sign (病历书写基本规范 Art.10)',
    path: ['signer', 'reasonPatientNotSigning'],
  })
  .refine((s) => ['patient', 'doctor', 'witness'].includes(s.signer.role) || !!s.signer.relationship, {
    message: '须填写与患者关系 / relationship is required',
    path: ['signer', 'relationship'],
  })
  .refine((s) => s.biometricConsent.accepted || (!s.fingerprint && !s.identity.facePhoto), {
    message: '未同意采集生物特征时不得提交照片或指纹 / biometrics submitted without consent',
    path: ['biometricConsent', 'accepted'],
  });

export type TSubmission = z.infer<typeof ZSubmissionSchema>;
