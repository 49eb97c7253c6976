import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './create-database';
import { DataError } from './data-error';
import * as schema from './schema';

/** Arbitrary constant key of the session-level advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK_KEY = 7_215_001;

export interface MigrateOptions {
  /** Folder written by `drizzle-kit generate`; default: `server/drizzle` found next to this source tree or the cwd. */
  migrationsFolder?: string;
}

/**
 * Applies the committed SQL migrations (`server/drizzle/`) with drizzle's migrator for the handle's driver.
 * On PostgreSQL several instances may start at once: an advisory lock on one pooled connection makes the
 * others wait and then find nothing left to do.
 */
export async function migrate(database: Database, options: MigrateOptions = {}): Promise<void> {
  const migrationsFolder = options.migrationsFolder ?? findMigrationsFolder();
  try {
    if (database.kind === 'pglite') {
      await migratePglite(database.db as unknown as PgliteDatabase<typeof schema>, { migrationsFolder });
      return;
    }
    const client = await database.raw.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        await migratePostgres(drizzlePostgres({ client, schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError('MIGRATION_FAILED', `Migration failed: ${(error as Error).message}`, { cause: error });
  }
}

export function findMigrationsFolder(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.INKPROOF_MIGRATIONS_DIR,
    resolve(here, '../../drizzle'),
    join(process.cwd(), 'drizzle'),
    join(process.cwd(), 'server', 'drizzle'),
  ];
  for (const candidate of candidates) {
    if (candidate && existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
  }
  throw new DataError('MIGRATION_FAILED', 'Migrations folder not found (set INKPROOF_MIGRATIONS_DIR)');
}
