import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog } from '../schema';
import { AUDIT_GENESIS_HASH, computeAuditHash } from './audit-hash';

export type AuditChainBreak = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH';

export interface AuditChainReport {
  intact: boolean;
  /** Rows checked (up to and including the first broken one). */
  checked: number;
  /** Id of the first row that fails. */
  brokenAt?: number;
  /** HASH_MISMATCH: the row was edited. PREV_HASH_MISMATCH: a row before it was deleted, inserted or re-ordered. */
  reason?: AuditChainBreak;
  /** Hash of the last row — anchor it elsewhere (transparency log) to detect truncation of the tail. */
  headHash?: string;
}

/** Re-computes every row's hash in id order and checks each row links to the one before. */
export async function verifyAuditChain(db: Db, options: { batchSize?: number } = {}): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1000;
  let previous = AUDIT_GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const row of rows) {
      checked += 1;
      if (row.prevHash !== previous) return { intact: false, checked, brokenAt: row.id, reason: 'PREV_HASH_MISMATCH' };
      if (computeAuditHash(row) !== row.hash)
        return { intact: false, checked, brokenAt: row.id, reason: 'HASH_MISMATCH' };
      previous = row.hash;
      lastId = row.id;
    }
    if (rows.length < batchSize) break;
  }
  return { intact: true, checked, ...(checked > 0 ? { headHash: previous } : {}) };
}
