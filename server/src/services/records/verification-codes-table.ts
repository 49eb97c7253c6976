import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../db/schema/columns';
import { documents } from '../../db/schema/forms';

/**
 * Public verification codes (migration 0002). Declared here rather than in the shared schema barrel: only the
 * records/verify services read it; the SQL in drizzle/0002_records_search_and_verify_codes.sql is the source of truth.
 */
export const verificationCodes = pgTable('verification_codes', {
  code: text('code').primaryKey(),
  documentId: uuid('document_id')
    .notNull()
    .unique()
    .references(() => documents.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});
