import { createHash } from 'node:crypto';
import { type PdfDict, PdfRaw, type PdfRef } from '../core/objects.js';
import { PdfError } from '../errors.js';
import { indexOf } from '../parse/lexer.js';
import { appendIncrementalUpdate } from '../write/incremental-update.js';
import type { UpdateBuilder } from '../write/update-builder.js';

export type ContentHash = 'SHA-256' | 'SM3';

export interface SignedRevision {
  bytes: Uint8Array;
  /** The DER written into /Contents (without padding). */
  contents: Uint8Array;
  /** /Contents as stored, zero padding included (what a VRI key is computed over). */
  paddedContents: Uint8Array;
  byteRange: [number, number, number, number];
}

const RANGE_WIDTH = 10;

/**
 * Writes the update holding `sigDict` with a /Contents placeholder of `capacity` bytes, fixes /ByteRange to cover
 * everything but the /Contents string (ISO 32000-1 §12.8.1, ETSI EN 319 142-1 §5.1), hashes the ranges once and
 * fills in what `produce` returns for that digest.
 */
export async function writeSignedRevision(
  b: UpdateBuilder,
  sigRef: PdfRef,
  sigDict: PdfDict,
  capacity: number,
  hash: ContentHash,
  produce: (digest: Uint8Array) => Promise<Uint8Array>,
  addTrailingEntries?: (d: PdfDict) => void,
): Promise<SignedRevision> {
  const first = await writeOnce(b, sigRef, sigDict, capacity, hash, produce, addTrailingEntries);
  if (!('needed' in first)) return first;
  // Rare (long chains, big tokens): redo once with room to spare rather than fail the sealing job.
  const again = await writeOnce(b, sigRef, sigDict, first.needed + 2048, hash, produce, addTrailingEntries);
  if ('needed' in again) throw new PdfError('PLACEHOLDER_TOO_SMALL', `${again.needed} bytes needed`);
  return again;
}

async function writeOnce(
  b: UpdateBuilder,
  sigRef: PdfRef,
  sigDict: PdfDict,
  capacity: number,
  hash: ContentHash,
  produce: (digest: Uint8Array) => Promise<Uint8Array>,
  addTrailingEntries?: (d: PdfDict) => void,
): Promise<SignedRevision | { needed: number }> {
  const pad = '0'.repeat(RANGE_WIDTH);
  sigDict.set('ByteRange', new PdfRaw(`[0 ${pad} ${pad} ${pad}]`));
  sigDict.set('Contents', new PdfRaw(`<${'0'.repeat(capacity * 2)}>`));
  addTrailingEntries?.(sigDict);
  b.put(sigRef, sigDict);
  const { bytes, offsets } = appendIncrementalUpdate(b.file, b.objects());
  const at = offsets.get(sigRef.num)!;
  const brStart = indexOf(bytes, '/ByteRange', at);
  const open = indexOf(bytes, '[', brStart);
  const close = indexOf(bytes, ']', open);
  const cStart = indexOf(bytes, '<', indexOf(bytes, '/Contents', at));
  const cEnd = cStart + capacity * 2 + 2;
  if (brStart < 0 || cStart < 0 || bytes[cEnd - 1] !== 0x3e)
    throw new PdfError('SIGNING_FAILED', 'placeholder not found');
  const range: [number, number, number, number] = [0, cStart, cEnd, bytes.length - cEnd];
  const text = `[${range.join(' ')}`;
  const slot = close - open;
  if (text.length > slot) throw new PdfError('SIGNING_FAILED', 'file too large for /ByteRange placeholder');
  bytes.set(Buffer.from(text.padEnd(slot, ' '), 'latin1'), open);
  const h = createHash(hash === 'SM3' ? 'sm3' : 'sha256');
  h.update(bytes.subarray(0, cStart));
  h.update(bytes.subarray(cEnd));
  const der = await produce(new Uint8Array(h.digest()));
  if (der.length > capacity) return { needed: der.length };
  bytes.set(Buffer.from(Buffer.from(der).toString('hex').toUpperCase(), 'latin1'), cStart + 1);
  const paddedContents = new Uint8Array(capacity);
  paddedContents.set(der);
  return { bytes, contents: der, paddedContents, byteRange: range };
}
