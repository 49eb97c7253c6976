import { sql } from 'drizzle-orm';
import { bigint, check, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/** Registry of blobs in the content-addressed store (`src/blobs/`); the bytes live on disk, never in the database. */
export const blobs = pgTable(
  'blobs',
  {
    sha256: text('sha256').primaryKey(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull().default('application/octet-stream'),
    createdAt: createdAt(),
  },
  (t) => [check('blobs_sha256_ck', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`)],
);
