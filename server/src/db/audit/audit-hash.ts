import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { TAuditActorType } from '../schema';

/** prev_hash of the first row. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Version of the hashed record layout; bump with a migration path if fields change. */
export const AUDIT_HASH_VERSION = 1;

export interface AuditHashInput {
  id: number;
  at: Date;
  actorType: TAuditActorType;
  actorId: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/**
 * SHA-256 (hex) over the RFC 8785 (JCS) serialisation of the row fields and the previous row's hash. JCS makes the
 * bytes independent of key order, which jsonb does not preserve.
 */
export function computeAuditHash(row: AuditHashInput): string {
  const canonical = canonicalize({
    v: AUDIT_HASH_VERSION,
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    details: row.details,
    prevHash: row.prevHash,
  });
  if (canonical === undefined) throw new TypeError('audit row is not serialisable');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
