import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { checkIn } from './check-in';
import { createdAt, instant, updatedAt } from './columns';
import { JOB_STATUSES, WEBHOOK_DELIVERY_STATUSES } from './enums';
import { apiClients } from './org';

/** Durable outbox (`src/jobs/`): rows are inserted in the caller's transaction and claimed with SKIP LOCKED. */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull().default({}),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(10),
    runAt: instant('run_at').notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: instant('locked_until'),
    lastError: text('last_error'),
    /** Identifies one logical job forever (e.g. `seal:<submission id>`): a second enqueue is a no-op. */
    dedupeKey: text('dedupe_key').unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    check('jobs_status_ck', checkIn(t.status, JOB_STATUSES)),
    check('jobs_attempts_ck', sql`${t.attempts} >= 0 and ${t.maxAttempts} > 0`),
    index('jobs_claim_idx').on(t.status, t.runAt),
  ],
);

export const webhooks = pgTable(
  'webhooks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    apiClientId: uuid('api_client_id')
      .notNull()
      .references(() => apiClients.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** HMAC signing secret, field-encrypted (`src/crypto/field-cipher.ts`). */
    secretEnc: text('secret_enc').notNull(),
    events: text('events').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('webhooks_client_idx').on(t.apiClientId)],
);

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    deliveredAt: instant('delivered_at'),
  },
  (t) => [
    check('webhook_deliveries_status_ck', checkIn(t.status, WEBHOOK_DELIVERY_STATUSES)),
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt),
  ],
);
