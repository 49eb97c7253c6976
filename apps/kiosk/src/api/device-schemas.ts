import { z } from 'zod';

/** Wire types of the bedside device API (server/app/api/device), parsed at the edge. */
export const ZDeviceInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  ward: z.string().nullable(),
  bed: z.string().nullable(),
  hospital: z.string().nullish(),
});
export type TDeviceInfo = z.infer<typeof ZDeviceInfoSchema>;

export const ZEnvelopeSummarySchema = z.object({
  id: z.string(),
  status: z.string(),
  patientName: z.string(),
  documents: z.array(z.object({ id: z.string(), title: z.string() }).loose()),
  signers: z.array(
    z.object({ id: z.string(), role: z.string(), name: z.string().nullish(), status: z.string().nullish() }).loose(),
  ),
});
export type TEnvelopeSummary = z.infer<typeof ZEnvelopeSummarySchema>;

const ZLocalized = z.object({ zh: z.string(), en: z.string() });
export type TLocalized = z.infer<typeof ZLocalized>;
const ZEvidenceLevel = z.enum(['required', 'optional', 'none']);
export type TEvidenceLevel = z.infer<typeof ZEvidenceLevel>;

export const ZSignerSchema = z.object({
  id: z.string(),
  role: z.string(),
  name: z.string().nullish(),
  relationship: z.string().nullish(),
  status: z.string(),
  evidence: z
    .object({ idCard: ZEvidenceLevel, photo: ZEvidenceLevel, fingerprint: ZEvidenceLevel })
    .default({ idCard: 'optional', photo: 'optional', fingerprint: 'none' }),
});
export type TSigner = z.infer<typeof ZSignerSchema>;

export const ZSignatureFieldSchema = z.object({
  name: z.string(),
  role: z.string(),
  meaning: ZLocalized,
  page: z.union([z.number(), z.literal('last')]),
  rect: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
});
export type TSignatureField = z.infer<typeof ZSignatureFieldSchema>;

export const ZDocumentSchema = z.object({
  id: z.string(),
  title: z.string(),
  templateKey: z.string().nullish(),
  pdfUrl: z.string(),
  text: z.string().default(''),
  reading: z.object({ minSeconds: z.number().nonnegative(), scrollToEnd: z.boolean() }).default({
    minSeconds: 0,
    scrollToEnd: true,
  }),
  notices: z.array(z.object({ id: z.string(), text: z.string() })).default([]),
  comprehension: z
    .object({
      question: ZLocalized,
      options: z.array(z.object({ value: z.string(), label: ZLocalized })),
      answer: z.string().optional(),
    })
    .nullish(),
  signatureFields: z.array(ZSignatureFieldSchema),
});
export type TDocument = z.infer<typeof ZDocumentSchema>;

export const ZEnvelopeDetailSchema = z.object({
  id: z.string(),
  status: z.string(),
  expiresAt: z.string().nullish(),
  patient: z.object({
    name: z.string(),
    sex: z.string().nullish(),
    birthDate: z.string().nullish(),
    mrn: z.string().nullish(),
    ward: z.string().nullish(),
    bed: z.string().nullish(),
  }),
  signers: z.array(ZSignerSchema),
  documents: z.array(ZDocumentSchema),
});
export type TEnvelopeDetail = z.infer<typeof ZEnvelopeDetailSchema>;

export const ZIdCardOcrSchema = z
  .object({
    name: z.string().nullish(),
    sex: z.string().nullish(),
    ethnicity: z.string().nullish(),
    birthDate: z.string().nullish(),
    address: z.string().nullish(),
    idNumberMasked: z.string().nullish(),
    idNumberValid: z.boolean(),
    confidence: z.record(z.string(), z.unknown()).default({}),
    matchesPatient: z.boolean().nullable(),
  })
  .loose();
export type TIdCardOcr = z.infer<typeof ZIdCardOcrSchema>;

export const ZSubmissionAckSchema = z.object({ submissionId: z.string(), status: z.string() });
export const ZDeclineAckSchema = z.object({
  id: z.string(),
  status: z.literal('declined'),
  replayed: z.boolean().optional(),
});

/** RFC 9457 problem details as the server sends them. */
export const ZProblemSchema = z
  .object({
    title: z.string().optional(),
    status: z.number().optional(),
    code: z.string().optional(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
  })
  .loose();
