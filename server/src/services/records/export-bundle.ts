import { and, eq } from 'drizzle-orm';
import type { BlobStore } from '../../blobs/blob-store';
import type { Db } from '../../db/db';
import { evidenceBundles } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../deps';
import { recordAudit } from './record-audit';

/** One sealed evidence bundle of a signing, as stored (biometric items stay encrypted), audit-logged. */
export async function exportBundle(
  deps: { db: Db; blobs: BlobStore },
  actor: Actor,
  envelopeId: string,
  bundleId: string,
) {
  const [row] = await deps.db
    .select()
    .from(evidenceBundles)
    .where(and(eq(evidenceBundles.id, bundleId), eq(evidenceBundles.envelopeId, envelopeId)));
  if (!row) throw new AppError('NOT_FOUND', '证据包不存在 / Evidence bundle not found');
  await recordAudit(
    deps.db,
    actor,
    'records.exported',
    { type: 'envelope', id: envelopeId },
    {
      format: 'evidence-bundle',
      bundleId: row.id,
      sha256: row.bundleSha256,
    },
  );
  return {
    bytes: await deps.blobs.get(row.bundleSha256),
    filename: `evidence-${row.id}.zip`,
    sha256: row.bundleSha256,
  };
}
