import { Inflate } from 'fflate';
import { EvidenceError } from '../errors.js';

const SLICE = 64 * 1024;

/**
 * Raw DEFLATE (RFC 1951) with a hard output bound: inflation stops the moment output passes `expectedSize`, so a
 * member that lies about its size cannot expand past the limits already checked against the central directory.
 */
export function inflateBounded(compressed: Uint8Array, expectedSize: number, name: string): Uint8Array {
  const out = new Uint8Array(expectedSize);
  let written = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.byteLength > expectedSize) {
      throw new EvidenceError('CONTAINER_LIMIT_EXCEEDED', `${name} inflates past its declared size`, {
        details: [name],
      });
    }
    out.set(chunk, written);
    written += chunk.byteLength;
    if (final) ended = true;
  });
  try {
    for (let off = 0; off < compressed.byteLength; off += SLICE) {
      const end = Math.min(off + SLICE, compressed.byteLength);
      inflater.push(compressed.subarray(off, end), end === compressed.byteLength);
    }
    if (compressed.byteLength === 0) inflater.push(new Uint8Array(0), true);
  } catch (cause) {
    if (cause instanceof EvidenceError) throw cause;
    throw new EvidenceError('CONTAINER_CORRUPT', `${name} is not valid DEFLATE data`, { cause, details: [name] });
  }
  if (!ended || written !== expectedSize) {
    throw new EvidenceError('CONTAINER_CORRUPT', `${name} inflates to ${written} bytes, ${expectedSize} declared`, {
      details: [name],
    });
  }
  return out;
}
