import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Db } from './db';
import { lockPgliteDir } from './pglite-lock';
import * as schema from './schema';

export interface CreateDatabaseOptions {
  /** `DATABASE_URL`; when unset the embedded PGlite is used. */
  url?: string | undefined;
  /** Data directory; PGlite lives in `${dataDir}/pglite`. */
  dataDir: string;
  /** PGlite only: keep everything in memory (tests). */
  inMemory?: boolean;
  /** PostgreSQL only: pool size (default 10). */
  poolMax?: number;
}

interface DatabaseBase {
  db: Db;
  /** Idempotent. */
  close(): Promise<void>;
}
export interface PgliteDatabaseHandle extends DatabaseBase {
  kind: 'pglite';
  raw: PGlite;
}
export interface PostgresDatabaseHandle extends DatabaseBase {
  kind: 'postgres';
  raw: pg.Pool;
  /** Connection string, for components that need their own connection (LISTEN). */
  url: string;
}
export type Database = PgliteDatabaseHandle | PostgresDatabaseHandle;

/**
 * Opens the database: node-postgres Pool when `url` is set, otherwise PGlite under `${dataDir}/pglite`.
 * Nothing connects at import time; a Pool connects on first query. A PGlite directory is locked to one opener
 * (`${dir}.lock`, DB_UNAVAILABLE otherwise): two processes would silently lose writes — multi-process needs
 * PostgreSQL. Call `close()` to release it.
 */
export function createDatabase(options: CreateDatabaseOptions): Database {
  if (options.url) return openPostgres(options.url, options.poolMax ?? 10);
  return openPglite(options);
}

function openPglite(options: CreateDatabaseOptions): PgliteDatabaseHandle {
  if (options.inMemory) return wrapPglite(new PGlite());
  const dir = join(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const release = lockPgliteDir(dir);
  try {
    return wrapPglite(new PGlite(dir), release);
  } catch (error) {
    release();
    throw error;
  }
}

/** Wraps an already constructed PGlite (e.g. one loaded from a data-dir dump in tests) as a database handle. */
export function wrapPglite(client: PGlite, onClosed: () => void = () => {}): PgliteDatabaseHandle {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    db,
    raw: client,
    close: () => {
      closing ??= (client.closed ? Promise.resolve() : client.close()).finally(onClosed);
      return closing;
    },
  };
}

function openPostgres(url: string, max: number): PostgresDatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its connection emits on the pool; without a listener Node would crash the process.
  pool.on('error', () => {});
  const db = drizzlePostgres({ client: pool, schema }) as unknown as Db;
  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    db,
    raw: pool,
    url,
    close: () => {
      closing ??= pool.end();
      return closing;
    },
  };
}
