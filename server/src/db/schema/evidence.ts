import { bigint, bigserial, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { blobs } from './blobs';
import { checkIn } from './check-in';
import { bytea, createdAt, instant } from './columns';
import { AUDIT_ACTOR_TYPES } from './enums';
import { envelopes, signers, submissions } from './forms';

/** The sealed evidence bundle of one submission (manifest + seal + log proof), stored as a blob. */
export const evidenceBundles = pgTable(
  'evidence_bundles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    envelopeId: uuid('envelope_id')
      .notNull()
      .references(() => envelopes.id),
    signerId: uuid('signer_id').references(() => signers.id),
    submissionId: uuid('submission_id')
      .references(() => submissions.id)
      .unique(),
    /** Media type + version of the bundle format, e.g. `application/vnd.inkproof.bundle+zip;version=1`. */
    format: text('format').notNull(),
    manifestSha256: text('manifest_sha256').notNull(),
    bundleSha256: text('bundle_sha256')
      .notNull()
      .references(() => blobs.sha256),
    tlogIndex: bigint('tlog_index', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [index('evidence_bundles_envelope_idx').on(t.envelopeId)],
);

/**
 * Append-only, hash-chained audit trail (`src/db/audit/`). `hash` = SHA-256 over the JCS (RFC 8785) form of the
 * row fields and `prev_hash`; rows are only ever inserted by `appendAudit`. `details` never holds personal data.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: instant('at').notNull(),
    actorType: text('actor_type', { enum: AUDIT_ACTOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [
    check('audit_log_actor_type_ck', checkIn(t.actorType, AUDIT_ACTOR_TYPES)),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

/** RFC 9162 transparency-log leaves; `index` is the 0-based leaf position. */
export const tlogLeaves = pgTable('tlog_leaves', {
  index: bigint('index', { mode: 'number' }).primaryKey(),
  leafHash: text('leaf_hash').notNull().unique(),
  bundleId: uuid('bundle_id').references(() => evidenceBundles.id),
  createdAt: createdAt(),
});

/** Signed tree heads (one per tree size), each optionally timestamped (RFC 3161 token, DER). */
export const tlogHeads = pgTable(
  'tlog_heads',
  {
    treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
    rootHash: text('root_hash').notNull(),
    signedHead: bytea('signed_head').notNull(),
    timestampToken: bytea('timestamp_token'),
    createdAt: createdAt(),
  },
  (t) => [index('tlog_heads_created_idx').on(t.createdAt)],
);
