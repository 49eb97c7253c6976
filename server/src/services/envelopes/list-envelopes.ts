import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/db';
import { documents, envelopes, evidenceBundles, patients, signers, type TEnvelopeStatus } from '../../db/schema';
import { AppError } from '../../errors';

const envelopeColumns = {
  id: envelopes.id,
  status: envelopes.status,
  statusReason: envelopes.statusReason,
  channel: envelopes.channel,
  deviceId: envelopes.deviceId,
  patientId: envelopes.patientId,
  patientName: patients.name,
  patientMrn: patients.mrn,
  expiresAt: envelopes.expiresAt,
  createdAt: envelopes.createdAt,
  updatedAt: envelopes.updatedAt,
};

export interface EnvelopeFilter {
  patientId?: string;
  wardId?: string;
  deviceId?: string;
  statuses?: TEnvelopeStatus[];
  limit?: number;
}

/** Envelopes with their documents and signers, newest first. */
export async function listEnvelopes(db: Db, filter: EnvelopeFilter) {
  const where: SQL[] = [];
  if (filter.patientId) where.push(eq(envelopes.patientId, filter.patientId));
  if (filter.wardId) where.push(eq(envelopes.wardId, filter.wardId));
  if (filter.deviceId) where.push(eq(envelopes.deviceId, filter.deviceId));
  if (filter.statuses?.length) where.push(inArray(envelopes.status, filter.statuses));
  const rows = await db
    .select(envelopeColumns)
    .from(envelopes)
    .innerJoin(patients, eq(patients.id, envelopes.patientId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(envelopes.createdAt))
    .limit(Math.min(filter.limit ?? 50, 200));
  return attachParts(db, rows);
}

export async function getEnvelope(db: Db, id: string) {
  const [row] = await listById(db, id);
  if (!row) throw new AppError('NOT_FOUND', '签署任务不存在 / Signing request not found', { entity: 'envelope' });
  return row;
}

async function listById(db: Db, id: string) {
  const rows = await db
    .select(envelopeColumns)
    .from(envelopes)
    .innerJoin(patients, eq(patients.id, envelopes.patientId))
    .where(eq(envelopes.id, id));
  return attachParts(db, rows);
}

async function attachParts<T extends { id: string }>(db: Db, rows: T[]) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const docs = await db
    .select({
      id: documents.id,
      envelopeId: documents.envelopeId,
      title: documents.title,
      templateKey: documents.templateKey,
      templateVersion: documents.templateVersion,
      status: documents.status,
      originalSha256: documents.originalSha256,
      signedSha256: documents.signedSha256,
      position: documents.position,
    })
    .from(documents)
    .where(inArray(documents.envelopeId, ids))
    .orderBy(asc(documents.position));
  const people = await db
    .select({
      id: signers.id,
      envelopeId: signers.envelopeId,
      role: signers.role,
      name: signers.name,
      relationship: signers.relationship,
      status: signers.status,
      position: signers.position,
      signedAt: signers.signedAt,
    })
    .from(signers)
    .where(inArray(signers.envelopeId, ids))
    .orderBy(asc(signers.position));
  const bundles = await db
    .select({
      id: evidenceBundles.id,
      envelopeId: evidenceBundles.envelopeId,
      signerId: evidenceBundles.signerId,
      createdAt: evidenceBundles.createdAt,
    })
    .from(evidenceBundles)
    .where(inArray(evidenceBundles.envelopeId, ids));
  return rows.map((r) => ({
    ...r,
    documents: docs.filter((d) => d.envelopeId === r.id),
    signers: people.filter((s) => s.envelopeId === r.id),
    bundles: bundles.filter((b) => b.envelopeId === r.id),
  }));
}
