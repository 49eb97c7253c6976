import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

export type Schema = typeof schema;

/**
 * A drizzle database or transaction on either driver. Transactions extend the database class, so every data-layer
 * function taking `Db` also runs inside a caller's `db.transaction(async (tx) => …)`.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** The transaction type handed to `db.transaction` callbacks. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DatabaseKind = 'pglite' | 'postgres';
