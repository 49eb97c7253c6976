import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** `column IN ('a','b',…)` with literal values, for CHECK constraints (DDL cannot take bind parameters). */
export function checkIn(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}

/** `column <@ ARRAY['a','b',…]::text[]` — every element of a text[] column comes from the closed set. */
export function checkSubset(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} <@ ${sql.raw(`array[${list}]::text[]`)}`;
}
