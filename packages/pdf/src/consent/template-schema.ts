import { z } from 'zod';
import { listTextPlaceholders } from './list-placeholders.js';

/** Media type of the stored template format; bump (with a migration) when the shape changes. */
export const CONSENT_TEMPLATE_FORMAT = 'application/vnd.inkproof.consent-template.v1+json' as const;

/** Signer roles, in the order they are usually shown. Same vocabulary as the `signers.role` column. */
export const CONSENT_SIGNER_ROLES = ['patient', 'guardian', 'agent', 'near_relative', 'witness', 'doctor'] as const;
export type TConsentSignerRole = (typeof CONSENT_SIGNER_ROLES)[number];

/** 知情同意书 / 告知书 / 委托书. */
export const CONSENT_TEMPLATE_KINDS = ['informed_consent', 'notification', 'power_of_attorney'] as const;
export type TConsentTemplateKind = (typeof CONSENT_TEMPLATE_KINDS)[number];

export const ZLocalizedTextSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });

/** ISO 216 A4 in PDF points; templates are laid out for A4 only. */
const A4_POINTS = { width: 595.28, height: 841.89 };

const fieldKey = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'camelCase key');

export const ZConsentFieldSchema = z.object({
  key: fieldKey,
  label: ZLocalizedTextSchema,
  type: z.enum(['text', 'date', 'textarea', 'select']),
  required: z.boolean(),
  /** `patient` fields form the patient info table at the top of the form. */
  group: z.enum(['patient', 'procedure', 'signer', 'other']),
  maxLength: z.number().int().positive().optional(),
  options: z.array(z.object({ value: z.string().min(1), label: ZLocalizedTextSchema })).optional(),
});

export const ZConsentSectionSchema = z.object({
  id: z.string().min(1),
  heading: ZLocalizedTextSchema,
  /** zh-CN paragraphs; `{{fieldKey}}` is replaced by the form value. */
  paragraphs: z.array(z.string().min(1)).min(1),
});

export const ZConsentNoticeSchema = z.object({
  id: z.string().min(1),
  /** What the signer confirms by ticking (zh-CN, may hold placeholders). */
  text: z.string().min(1),
});

export const ZComprehensionQuestionSchema = z.object({
  question: ZLocalizedTextSchema,
  options: z.array(z.object({ value: z.string().min(1), label: ZLocalizedTextSchema })).min(2),
  answer: z.string().min(1),
});

export const ZEvidenceLevelSchema = z.enum(['required', 'optional', 'none']);

export const ZConsentSignerSchema = z.object({
  role: z.enum(CONSENT_SIGNER_ROLES),
  /** A required signer must sign; otherwise at least one signer of each `alternativeGroup` must sign. */
  required: z.boolean(),
  alternativeGroup: z.string().min(1).optional(),
  evidence: z.object({ idCard: ZEvidenceLevelSchema, photo: ZEvidenceLevelSchema, fingerprint: ZEvidenceLevelSchema }),
});

export const ZPdfRectSchema = z.object({
  x: z.number().nonnegative(),
  y: z.number().nonnegative(),
  width: z.number().positive(),
  height: z.number().positive(),
});

export const ZSignatureFieldSchema = z.object({
  /** AcroForm field name; defaults to `sig_<role>`. */
  name: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]*$/)
    .optional(),
  role: z.enum(CONSENT_SIGNER_ROLES),
  /** Printed meaning of the signature, e.g. 患者本人签名. */
  meaning: ZLocalizedTextSchema,
  /** `last`, or a 0-based page index (clamped to the last page when the document is shorter). */
  page: z.union([z.literal('last'), z.number().int().nonnegative()]),
  /** In PDF points, origin bottom-left of an A4 page (ISO 32000-1 §8.3.2.3 default user space). */
  rect: ZPdfRectSchema,
});

const ZTemplateObjectSchema = z.object({
  format: z.literal(CONSENT_TEMPLATE_FORMAT),
  key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case key'),
  version: z.number().int().positive(),
  kind: z.enum(CONSENT_TEMPLATE_KINDS),
  title: ZLocalizedTextSchema,
  fields: z.array(ZConsentFieldSchema).min(1),
  sections: z.array(ZConsentSectionSchema).min(1),
  notices: z.array(ZConsentNoticeSchema),
  comprehension: ZComprehensionQuestionSchema.optional(),
  reading: z.object({ minSeconds: z.number().int().nonnegative(), scrollToEnd: z.boolean() }),
  signers: z.array(ZConsentSignerSchema).min(1),
  signatureFields: z.array(ZSignatureFieldSchema).min(1),
});

/** A versioned consent template; cross-references (placeholders, roles, names) are checked too. */
export const ZConsentTemplateSchema = ZTemplateObjectSchema.superRefine((t, ctx) => {
  const keys = new Set<string>();
  t.fields.forEach((f, i) => {
    if (keys.has(f.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: 'duplicate field key' });
    keys.add(f.key);
    const hasOptions = (f.options?.length ?? 0) > 0;
    if ((f.type === 'select') !== hasOptions)
      ctx.addIssue({ code: 'custom', path: ['fields', i, 'options'], message: 'options iff type is select' });
  });
  const checkText = (text: string, path: (string | number)[]) => {
    for (const p of listTextPlaceholders(text))
      if (!keys.has(p)) ctx.addIssue({ code: 'custom', path, message: `unknown placeholder {{${p}}}` });
  };
  t.sections.forEach((s, i) => {
    s.paragraphs.forEach((p, j) => {
      checkText(p, ['sections', i, 'paragraphs', j]);
    });
  });
  t.notices.forEach((n, i) => {
    checkText(n.text, ['notices', i, 'text']);
  });
  if (t.comprehension && !t.comprehension.options.some((o) => o.value === t.comprehension?.answer))
    ctx.addIssue({ code: 'custom', path: ['comprehension', 'answer'], message: 'answer is not an option' });
  const roles = new Set(t.signers.map((s) => s.role));
  const names = new Set<string>();
  t.signatureFields.forEach((f, i) => {
    const { x, y, width, height } = f.rect;
    if (x + width > A4_POINTS.width || y + height > A4_POINTS.height)
      ctx.addIssue({ code: 'custom', path: ['signatureFields', i, 'rect'], message: 'rect leaves the A4 page' });
    if (!roles.has(f.role))
      ctx.addIssue({ code: 'custom', path: ['signatureFields', i, 'role'], message: 'no signer' });
    const name = f.name ?? `sig_${f.role}`;
    if (names.has(name))
      ctx.addIssue({ code: 'custom', path: ['signatureFields', i, 'name'], message: 'duplicate field name' });
    names.add(name);
  });
  t.signers.forEach((s, i) => {
    if (!t.signatureFields.some((f) => f.role === s.role))
      ctx.addIssue({ code: 'custom', path: ['signers', i, 'role'], message: 'signer has no signature field' });
  });
});

export type TConsentTemplate = z.infer<typeof ZConsentTemplateSchema>;
export type TConsentField = z.infer<typeof ZConsentFieldSchema>;
export type TConsentSection = z.infer<typeof ZConsentSectionSchema>;
export type TConsentSigner = z.infer<typeof ZConsentSignerSchema>;
export type TSignatureFieldDef = z.infer<typeof ZSignatureFieldSchema>;
export type TPdfRect = z.infer<typeof ZPdfRectSchema>;

/** Form data as entered in the console or sent by the HIS: one string per field key. */
export const ZConsentFormDataSchema = z.record(z.string(), z.string());
export type TConsentFormData = z.infer<typeof ZConsentFormDataSchema>;

/** The AcroForm name of a signature field (ours: `sig_<role>` unless the template names it). */
export function signatureFieldName(field: TSignatureFieldDef): string {
  return field.name ?? `sig_${field.role}`;
}
