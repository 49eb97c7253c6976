import { inflateRawSync } from 'node:zlib';
import { EvidenceError } from '../errors.js';

/**
 * Raw DEFLATE (RFC 1951, APPNOTE method 8) with a hard output bound: zlib stops the moment output would pass the
 * declared size (maxOutputLength), so a member that lies about its size cannot expand past the limits already
 * checked against the central directory.
 */
export function inflateBounded(compressed: Uint8Array, expectedSize: number, name: string): Uint8Array {
  let out: Buffer;
  try {
    out = inflateRawSync(compressed, { maxOutputLength: Math.max(1, expectedSize) });
  } catch (cause) {
    const tooLarge = (cause as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new EvidenceError(
      tooLarge ? 'CONTAINER_LIMIT_EXCEEDED' : 'CONTAINER_CORRUPT',
      tooLarge ? `${name} inflates past its declared size` : `${name} is not valid DEFLATE data`,
      { cause, details: [name] },
    );
  }
  if (out.byteLength !== expectedSize) {
    throw new EvidenceError(
      'CONTAINER_CORRUPT',
      `${name} inflates to ${out.byteLength} bytes, ${expectedSize} declared`,
      {
        details: [name],
      },
    );
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
