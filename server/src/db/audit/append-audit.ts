import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { queryRows } from '../query-rows';
import { auditLog, type TAuditActorType } from '../schema';
import { assertAuditDetails } from './assert-audit-details';
import { AUDIT_GENESIS_HASH, computeAuditHash } from './audit-hash';

/** Transaction-scoped advisory lock key that serialises appends, so the chain stays linear across connections. */
const AUDIT_LOCK_KEY = 7_215_002;

export interface AuditEntry {
  actorType: TAuditActorType;
  actorId?: string | null;
  /** Dotted verb, e.g. `envelope.sent`, `device.enrolled`. */
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Non-personal context only (ids, counts, statuses); see `assertAuditDetails`. */
  details?: Record<string, unknown>;
  at?: Date;
}

export interface AppendedAudit {
  id: number;
  hash: string;
  prevHash: string;
}

/**
 * Appends one row to the hash chain. Pass the caller's transaction to make the audit row part of the use case
 * (it then commits or rolls back with it); the advisory lock is held until that transaction ends.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<AppendedAudit> {
  const details = entry.details ?? {};
  assertAuditDetails(details);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const [head] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const [next] = await queryRows<{ id: string }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('audit_log', 'id'))::text as id`,
    );
    const row = {
      id: Number(next!.id),
      // Millisecond precision: what JS can represent is exactly what timestamptz round-trips.
      at: entry.at ?? new Date(),
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      details: JSON.parse(JSON.stringify(details)) as Record<string, unknown>,
      prevHash: head?.hash ?? AUDIT_GENESIS_HASH,
    };
    const hash = computeAuditHash(row);
    await tx.insert(auditLog).values({ ...row, hash });
    return { id: row.id, hash, prevHash: row.prevHash };
  });
}
