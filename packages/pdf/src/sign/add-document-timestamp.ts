import type { TimestampClient } from '@inkproof/pki';
import { name, PdfDict } from '../core/objects.js';
import type { UpdateBuilder } from '../write/update-builder.js';
import { placeSignature } from './place-signature.js';
import { type SignedRevision, writeSignedRevision } from './write-signed-revision.js';

export const DOC_TIMESTAMP_CAPACITY = 12_288;

/**
 * Finishes `b` with a document time-stamp (ETSI EN 319 142-1 §5.4.3, ISO 32000-2 §12.8.5): an invisible field whose
 * /DocTimeStamp dictionary holds an RFC 3161 token over the SHA-256 of the signed byte ranges.
 */
export function writeDocumentTimestamp(
  b: UpdateBuilder,
  tsa: TimestampClient,
  capacity = DOC_TIMESTAMP_CAPACITY,
): Promise<SignedRevision> {
  const sigRef = b.alloc();
  placeSignature(b, sigRef, { invisible: true }, 'DocTimeStamp');
  const dict = new PdfDict([
    ['Type', name('DocTimeStamp')],
    ['Filter', name('Adobe.PPKLite')],
    ['SubFilter', name('ETSI.RFC3161')],
  ]);
  return writeSignedRevision(b, sigRef, dict, capacity, 'SHA-256', (digest) => tsa.timestamp(digest, 'SHA-256'));
}
