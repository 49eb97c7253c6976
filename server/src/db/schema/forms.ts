import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { blobs } from './blobs';
import { checkIn } from './check-in';
import { bytea, createdAt, instant, updatedAt } from './columns';
import {
  DOCUMENT_STATUSES,
  ENVELOPE_CHANNELS,
  ENVELOPE_STATUSES,
  LINK_TOKEN_PURPOSES,
  SIGNATURE_LEVELS,
  SIGNER_ROLES,
  SIGNER_STATUSES,
  SUBMISSION_STATUSES,
} from './enums';
import { apiClients, devices, staffUsers, wards } from './org';
import { patients } from './patients';

/** Consent templates; a (key, version) row is immutable once used — edits create a new version. */
export const templates = pgTable(
  'templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    unique('templates_key_version_uq').on(t.key, t.version),
    check('templates_version_ck', sql`${t.version} > 0`),
  ],
);

export const envelopes = pgTable(
  'envelopes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    wardId: uuid('ward_id').references(() => wards.id),
    createdBy: uuid('created_by').references(() => staffUsers.id),
    apiClientId: uuid('api_client_id').references(() => apiClients.id),
    /** Idempotency-Key of the REST call that created it; unique per API client (NULLs never collide). */
    idempotencyKey: text('idempotency_key'),
    channel: text('channel', { enum: ENVELOPE_CHANNELS }).notNull(),
    deviceId: uuid('device_id').references(() => devices.id),
    status: text('status', { enum: ENVELOPE_STATUSES }).notNull().default('draft'),
    statusReason: text('status_reason'),
    formData: jsonb('form_data').$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: instant('expires_at').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sentAt: instant('sent_at'),
    completedAt: instant('completed_at'),
  },
  (t) => [
    check('envelopes_status_ck', checkIn(t.status, ENVELOPE_STATUSES)),
    check('envelopes_channel_ck', checkIn(t.channel, ENVELOPE_CHANNELS)),
    unique('envelopes_client_idempotency_uq').on(t.apiClientId, t.idempotencyKey),
    index('envelopes_patient_idx').on(t.patientId),
    index('envelopes_ward_status_idx').on(t.wardId, t.status),
    index('envelopes_device_status_idx').on(t.deviceId, t.status),
  ],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => envelopes.id, { onDelete: 'cascade' }),
    templateId: uuid('template_id')
      .notNull()
      .references(() => templates.id),
    templateKey: text('template_key').notNull(),
    templateVersion: integer('template_version').notNull(),
    title: text('title').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    originalSha256: text('original_sha256').references(() => blobs.sha256),
    signedSha256: text('signed_sha256').references(() => blobs.sha256),
    status: text('status', { enum: DOCUMENT_STATUSES }).notNull().default('pending'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('documents_status_ck', checkIn(t.status, DOCUMENT_STATUSES)),
    unique('documents_envelope_position_uq').on(t.envelopeId, t.position),
  ],
);

export const signers = pgTable(
  'signers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => envelopes.id, { onDelete: 'cascade' }),
    role: text('role', { enum: SIGNER_ROLES }).notNull(),
    /** Relationship to the patient (配偶, 子女, 父母 …); null for the patient and staff roles. */
    relationship: text('relationship'),
    name: text('name').notNull(),
    phoneEnc: text('phone_enc'),
    position: integer('position').notNull().default(0),
    status: text('status', { enum: SIGNER_STATUSES }).notNull().default('pending'),
    /** Identity check outcome (OCR fields match, photo taken …) — never the raw ID number. */
    identity: jsonb('identity').$type<Record<string, unknown>>(),
    signedAt: instant('signed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('signers_role_ck', checkIn(t.role, SIGNER_ROLES)),
    check('signers_status_ck', checkIn(t.status, SIGNER_STATUSES)),
    index('signers_envelope_idx').on(t.envelopeId),
  ],
);

/** One signer's captured evidence as sent by the client; raw items point at blobs. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => envelopes.id),
    signerId: uuid('signer_id')
      .notNull()
      .references(() => signers.id),
    payloadDigest: text('payload_digest').notNull(),
    items: jsonb('items').$type<unknown[]>().notNull().default([]),
    status: text('status', { enum: SUBMISSION_STATUSES }).notNull().default('accepted'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('submissions_status_ck', checkIn(t.status, SUBMISSION_STATUSES)),
    index('submissions_signer_idx').on(t.signerId),
  ],
);

export const signatures = pgTable(
  'signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    signerId: uuid('signer_id')
      .notNull()
      .references(() => signers.id),
    submissionId: uuid('submission_id').references(() => submissions.id),
    fieldName: text('field_name').notNull(),
    eventCertificateDer: bytea('event_certificate_der'),
    level: text('level', { enum: SIGNATURE_LEVELS }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('signatures_level_ck', checkIn(t.level, SIGNATURE_LEVELS)),
    unique('signatures_document_field_uq').on(t.documentId, t.fieldName),
  ],
);

/** Single-use, expiring links for remote signers; only the SHA-256 of the token is stored. */
export const linkTokens = pgTable(
  'link_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => envelopes.id, { onDelete: 'cascade' }),
    signerId: uuid('signer_id').references(() => signers.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: LINK_TOKEN_PURPOSES }).notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('link_tokens_purpose_ck', checkIn(t.purpose, LINK_TOKEN_PURPOSES)),
    index('link_tokens_envelope_idx').on(t.envelopeId),
  ],
);
