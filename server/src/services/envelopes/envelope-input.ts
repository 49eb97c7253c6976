import { z } from 'zod';
import { SIGNER_ROLES } from '../../db/schema';

export const ZSignerInputSchema = z
  .object({
    role: z.enum(SIGNER_ROLES),
    name: z.string().trim().min(1).max(60),
    relationship: z.string().trim().max(30).optional(),
  })
  .refine((s) => ['patient', 'doctor', 'witness'].includes(s.role) || !!s.relationship, {
    message: '监护人/代理人/近亲属须填写与患者关系 / relationship is required for guardian, agent and near relative',
    path: ['relationship'],
  });

/** The envelope body shared by the console (patient by id) and the HIS API (patient by MRN). */
export const ZEnvelopeBodySchema = z.object({
  documents: z
    .array(
      z.object({
        templateKey: z.string().min(1).max(80).describe('e.g. surgery-consent'),
        templateVersion: z.number().int().positive().optional().describe('defaults to the newest active version'),
        data: z.record(z.string(), z.string().max(4000)).default({}).describe('form field values by key'),
      }),
    )
    .min(1)
    .max(10),
  signers: z.array(ZSignerInputSchema).min(1).max(6),
  channel: z.enum(['device', 'link']),
  deviceId: z.uuid().optional().describe('required for channel=device'),
  expiresInHours: z
    .number()
    .min(0.25)
    .max(24 * 14)
    .default(24),
});

export const hasDeviceWhenNeeded = (e: { channel: string; deviceId?: string | undefined }) =>
  e.channel !== 'device' || !!e.deviceId;
export const deviceNeededError = { message: '请选择床旁设备 / choose a bedside device', path: ['deviceId'] };

export const ZCreateEnvelopeInputSchema = ZEnvelopeBodySchema.extend({ patientId: z.uuid() }).refine(
  hasDeviceWhenNeeded,
  deviceNeededError,
);

export type TCreateEnvelopeInput = z.input<typeof ZCreateEnvelopeInputSchema>;
