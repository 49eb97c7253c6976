import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { computeAuditHash } from '../../db/audit/audit-hash';
import { verifyAuditChain } from '../../db/audit/verify-audit-chain';
import type { Db } from '../../db/db';
import { auditLog, documents, envelopes, evidenceBundles, staffUsers, submissions } from '../../db/schema';
import type { Actor } from '../deps';
import { recordAudit } from './record-audit';

export interface AuditTrailEntry {
  id: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  /** This row's own hash recomputes (the chain check below covers links and deletions). */
  rowIntact: boolean;
}

async function subjectsOf(db: Db, envelopeIds: string[]) {
  if (envelopeIds.length === 0) return [];
  const [docs, subs, bundles] = await Promise.all([
    db.select({ id: documents.id }).from(documents).where(inArray(documents.envelopeId, envelopeIds)),
    db.select({ id: submissions.id }).from(submissions).where(inArray(submissions.envelopeId, envelopeIds)),
    db.select({ id: evidenceBundles.id }).from(evidenceBundles).where(inArray(evidenceBundles.envelopeId, envelopeIds)),
  ]);
  const match = (type: string, ids: string[]): SQL | undefined =>
    ids.length ? and(eq(auditLog.subjectType, type), inArray(auditLog.subjectId, ids)) : undefined;
  return [
    match('envelope', envelopeIds),
    match(
      'document',
      docs.map((d) => d.id),
    ),
    match(
      'submission',
      subs.map((s) => s.id),
    ),
    match(
      'evidence_bundle',
      bundles.map((b) => b.id),
    ),
  ];
}

/**
 * Every audit event about one envelope (or all of a patient's envelopes), oldest first, with the whole hash chain
 * verified (`verifyAuditChain`) so the page can say intact/broken. Logs `records.audit_viewed`.
 */
export async function listAuditTrail(db: Db, actor: Actor, scope: { envelopeId: string } | { patientId: string }) {
  const envelopeIds =
    'envelopeId' in scope
      ? [scope.envelopeId]
      : (await db.select({ id: envelopes.id }).from(envelopes).where(eq(envelopes.patientId, scope.patientId))).map(
          (e) => e.id,
        );
  const subject =
    'envelopeId' in scope
      ? { type: 'envelope' as const, id: scope.envelopeId }
      : { type: 'patient' as const, id: scope.patientId };
  await recordAudit(db, actor, 'records.audit_viewed', subject);
  const conditions = [
    ...(await subjectsOf(db, envelopeIds)),
    and(eq(auditLog.subjectType, 'patient'), eq(auditLog.subjectId, subject.id)),
  ];
  const rows = await db
    .select({ row: auditLog, actorName: staffUsers.displayName })
    .from(auditLog)
    .leftJoin(staffUsers, and(eq(auditLog.actorType, 'staff'), sql`${staffUsers.id}::text = ${auditLog.actorId}`))
    .where(or(...conditions))
    .orderBy(asc(auditLog.id));
  const chain = await verifyAuditChain(db);
  const entries: AuditTrailEntry[] = rows.map(({ row, actorName }) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    actorName,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    details: row.details,
    rowIntact: computeAuditHash(row) === row.hash,
  }));
  return { entries, chain };
}
