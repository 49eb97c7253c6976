import type { Db } from '../db/db';
import { blobs } from '../db/schema';
import type { BlobInput, BlobStore, StoredBlob } from './blob-store';

/**
 * Writes the bytes (durably) and then registers them in the `blobs` table — in that order, so a row never points at
 * missing content. Pass the use case's transaction as `db`; a rollback leaves at most an unreferenced file.
 */
export async function storeBlob(db: Db, store: BlobStore, input: BlobInput, mediaType?: string): Promise<StoredBlob> {
  const stored = await store.put(input, mediaType);
  await db
    .insert(blobs)
    .values({ sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType })
    .onConflictDoNothing({ target: blobs.sha256 });
  return stored;
}
