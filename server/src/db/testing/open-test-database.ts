import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, type Database } from '../create-database';
import type { DatabaseKind, Db } from '../db';
import { migrate } from '../migrate';
import { openMigratedPglite } from './pglite-template';

/** Kinds the integration suites run on; `INKPROOF_TEST_DB_KINDS=pglite` narrows it (e.g. without a local server). */
export const TEST_DATABASE_KINDS: readonly DatabaseKind[] = parseKinds(process.env.INKPROOF_TEST_DB_KINDS);

/** Maintenance connection used to create and drop the per-run databases. */
export const TEST_POSTGRES_ADMIN_URL =
  process.env.INKPROOF_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  db: Db;
  /** A fresh temporary directory (blob stores etc. may use it); removed by `cleanup`. */
  dataDir: string;
  /** PostgreSQL only: URL of the fresh database (for child processes). */
  url?: string;
  cleanup(): Promise<void>;
}

/**
 * A migrated, empty database of the given kind: in-memory PGlite, or a uniquely named database on the local
 * PostgreSQL that `cleanup()` drops again. Use with `describe.each(TEST_DATABASE_KINDS)`.
 */
export async function openTestDatabase(kind: DatabaseKind, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'inkproof-test-'));
  const name = kind === 'postgres' ? `inkproof_test_${process.pid}_${randomBytes(6).toString('hex')}` : undefined;
  let url: string | undefined;
  if (name) {
    await adminQuery(`create database ${name}`);
    const parsed = new URL(TEST_POSTGRES_ADMIN_URL);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  const database =
    kind === 'pglite' && options.migrate !== false
      ? await openMigratedPglite()
      : createDatabase({ url, dataDir, inMemory: true, poolMax: 5 });
  const cleanup = async () => {
    await database.close();
    if (name) await adminQuery(`drop database if exists ${name} with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    if (options.migrate !== false && database.kind === 'postgres') await migrate(database);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { kind, database, db: database.db, dataDir, cleanup, ...(url ? { url } : {}) };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function parseKinds(value: string | undefined): readonly DatabaseKind[] {
  if (!value) return ['pglite', 'postgres'];
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v): v is DatabaseKind => v === 'pglite' || v === 'postgres');
}
