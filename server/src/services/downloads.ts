import { eq } from 'drizzle-orm';
import type { BlobStore } from '../blobs';
import { appendAudit } from '../db/audit/append-audit';
import type { Db } from '../db/db';
import { documents, evidenceBundles } from '../db/schema';
import { AppError } from '../errors';
import type { Actor } from './deps';

/** A document's current PDF (signed once sealed) for staff, audit-logged. */
export async function downloadDocument(deps: { db: Db; blobs: BlobStore }, actor: Actor, documentId: string) {
  const [doc] = await deps.db.select().from(documents).where(eq(documents.id, documentId));
  const sha = doc?.signedSha256 ?? doc?.originalSha256;
  if (!doc || !sha) throw new AppError('NOT_FOUND', '文书不存在 / Document not found');
  await appendAudit(deps.db, {
    actorType: actor.type,
    actorId: actor.id,
    action: 'document.downloaded',
    subjectType: 'document',
    subjectId: doc.id,
    details: { signed: !!doc.signedSha256 },
  });
  return {
    bytes: await deps.blobs.get(sha),
    filename: `${doc.templateKey}-${doc.id.slice(0, 8)}${doc.signedSha256 ? '-signed' : ''}.pdf`,
    sha,
  };
}

/** An evidence bundle (zip; biometric items inside stay encrypted to the escrow certificate), audit-logged. */
export async function downloadBundle(deps: { db: Db; blobs: BlobStore }, actor: Actor, bundleId: string) {
  const [row] = await deps.db.select().from(evidenceBundles).where(eq(evidenceBundles.id, bundleId));
  if (!row) throw new AppError('NOT_FOUND', '证据包不存在 / Evidence bundle not found');
  await appendAudit(deps.db, {
    actorType: actor.type,
    actorId: actor.id,
    action: 'bundle.downloaded',
    subjectType: 'evidence_bundle',
    subjectId: row.id,
  });
  return {
    bytes: await deps.blobs.get(row.bundleSha256),
    filename: `evidence-${row.id.slice(0, 8)}.zip`,
    sha: row.bundleSha256,
  };
}
