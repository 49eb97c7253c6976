import { appendAudit } from '../../db/audit/append-audit';
import type { Db } from '../../db/db';
import type { Actor } from '../deps';

/** The records department's audit actions (issue 7: every view, decryption and export is logged). */
export type RecordsAuditAction =
  | 'records.searched'
  | 'records.viewed'
  | 'records.item_decrypted'
  | 'records.exported'
  | 'records.audit_viewed';

/** Appends one records action; `details` carries ids, kinds and the stated reason only (no personal data). */
export function recordAudit(
  db: Db,
  actor: Actor,
  action: RecordsAuditAction,
  subject: { type: 'envelope' | 'patient' | 'evidence_bundle'; id: string } | null,
  details: Record<string, unknown> = {},
) {
  return appendAudit(db, {
    actorType: actor.type,
    actorId: actor.id,
    action,
    subjectType: subject?.type ?? null,
    subjectId: subject?.id ?? null,
    details,
  });
}
