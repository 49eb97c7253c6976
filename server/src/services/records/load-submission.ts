import type { BlobStore } from '../../blobs/blob-store';
import { type TSubmission, ZSubmissionSchema } from '../device-flow/submission-schema';

interface StoredItem {
  kind: string;
  sha256: string;
}

/**
 * The raw v1 submission the kiosk sent (kept as a blob, the `submission` item). Parsed again with the wire schema so
 * the console only ever sees a shape it knows; null when the blob is missing or unreadable.
 */
export async function loadSubmission(blobs: BlobStore, items: unknown[]): Promise<TSubmission | null> {
  const raw = (items as StoredItem[]).find((i) => i?.kind === 'submission');
  if (!raw) return null;
  try {
    const bytes = await blobs.get(raw.sha256);
    const parsed = ZSubmissionSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
