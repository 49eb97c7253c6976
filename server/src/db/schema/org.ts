import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { checkIn, checkSubset } from './check-in';
import { createdAt, instant, updatedAt } from './columns';
import { DEVICE_STATUSES, STAFF_ROLES, type TStaffRole } from './enums';

export const wards = pgTable('wards', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const beds = pgTable(
  'beds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardId: uuid('ward_id')
      .notNull()
      .references(() => wards.id),
    label: text('label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('beds_ward_label_uq').on(t.wardId, t.label)],
);

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** scrypt/argon2 PHC string — never the password. */
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().$type<TStaffRole[]>().notNull().default(sql`'{}'::text[]`),
    wardId: uuid('ward_id').references(() => wards.id),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('staff_users_roles_ck', checkSubset(t.roles, STAFF_ROLES))],
);

/** Session id is the SHA-256 (hex) of the cookie token, so a database dump cannot replay sessions. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    csrfSecret: text('csrf_secret').notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** HIS/EMR integration clients. The API key is shown once; only a prefix (for lookup) and its hash are kept. */
export const apiClients = pgTable('api_clients', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  keyPrefix: text('key_prefix').notNull().unique(),
  keyHash: text('key_hash').notNull(),
  scopes: text('scopes').array().notNull().default(sql`'{}'::text[]`),
  revoked: boolean('revoked').notNull().default(false),
  createdAt: createdAt(),
  lastUsedAt: instant('last_used_at'),
});

/** Bedside devices: an enrollment code (hashed, expiring) is exchanged once for a long credential (hashed). */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    wardId: uuid('ward_id')
      .notNull()
      .references(() => wards.id),
    bedId: uuid('bed_id').references(() => beds.id),
    enrollmentCodeHash: text('enrollment_code_hash').unique(),
    enrollmentExpiresAt: instant('enrollment_expires_at'),
    credentialHash: text('credential_hash').unique(),
    status: text('status', { enum: DEVICE_STATUSES }).notNull().default('pending'),
    lastSeenAt: instant('last_seen_at'),
    enrolledAt: instant('enrolled_at'),
    revokedAt: instant('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [check('devices_status_ck', checkIn(t.status, DEVICE_STATUSES)), index('devices_ward_idx').on(t.wardId)],
);
