import { and, eq } from 'drizzle-orm';
import type { BlobStore } from '../../blobs/blob-store';
import type { Db } from '../../db/db';
import { documents } from '../../db/schema';
import { AppError } from '../../errors';

/** The current PDF (signed once sealed) of a document of this envelope, for the in-browser viewer. */
export async function readDocumentPdf(deps: { db: Db; blobs: BlobStore }, envelopeId: string, documentId: string) {
  const [doc] = await deps.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.envelopeId, envelopeId)));
  const sha = doc?.signedSha256 ?? doc?.originalSha256;
  if (!sha) throw new AppError('NOT_FOUND', '文书不存在 / Document not found');
  return { bytes: await deps.blobs.get(sha), sha };
}
