/** Closed value sets of the text columns guarded by CHECK constraints (text + CHECK, not pg enums: adding a value is a
 * plain migration on both PostgreSQL 15 and PGlite, with no `ALTER TYPE … ADD VALUE` transaction caveats). */

export const STAFF_ROLES = ['nurse', 'doctor', 'records', 'admin'] as const;
export type TStaffRole = (typeof STAFF_ROLES)[number];

export const PATIENT_SEXES = ['male', 'female', 'unknown'] as const;
export type TPatientSex = (typeof PATIENT_SEXES)[number];

export const ENVELOPE_CHANNELS = ['device', 'link'] as const;
export type TEnvelopeChannel = (typeof ENVELOPE_CHANNELS)[number];

export const ENVELOPE_STATUSES = [
  'draft',
  'sent',
  'opened',
  'signing',
  'sealing',
  'completed',
  'declined',
  'expired',
  'cancelled',
  'failed',
] as const;
export type TEnvelopeStatus = (typeof ENVELOPE_STATUSES)[number];

export const DOCUMENT_STATUSES = ['pending', 'rendered', 'signed', 'sealed', 'failed'] as const;
export type TDocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const SIGNER_ROLES = ['patient', 'guardian', 'agent', 'near_relative', 'witness', 'doctor'] as const;
export type TSignerRole = (typeof SIGNER_ROLES)[number];

export const SIGNER_STATUSES = ['pending', 'opened', 'signing', 'signed', 'declined'] as const;
export type TSignerStatus = (typeof SIGNER_STATUSES)[number];

export const SUBMISSION_STATUSES = ['accepted', 'sealing', 'sealed', 'failed', 'rejected'] as const;
export type TSubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** PAdES baseline levels, ETSI EN 319 142-1 §6. */
export const SIGNATURE_LEVELS = ['B-B', 'B-T', 'B-LT', 'B-LTA'] as const;
export type TSignatureLevel = (typeof SIGNATURE_LEVELS)[number];

export const DEVICE_STATUSES = ['pending', 'active', 'revoked'] as const;
export type TDeviceStatus = (typeof DEVICE_STATUSES)[number];

export const LINK_TOKEN_PURPOSES = ['sign', 'view'] as const;
export type TLinkTokenPurpose = (typeof LINK_TOKEN_PURPOSES)[number];

export const AUDIT_ACTOR_TYPES = ['staff', 'api_client', 'device', 'signer', 'system'] as const;
export type TAuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type TJobStatus = (typeof JOB_STATUSES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type TWebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
