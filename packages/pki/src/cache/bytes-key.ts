import { createHash } from 'node:crypto';

/**
 * Cache key for one or more byte strings: SHA-256 over each part's length and bytes, so that
 * no two different inputs (or splits of the same bytes into parts) share a key. Everything a
 * cache entry states is a function of exactly these bytes.
 */
export function bytesKey(...parts: (Uint8Array | string)[]): string {
  const h = createHash('sha256');
  const len = Buffer.alloc(4);
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    len.writeUInt32BE(bytes.byteLength);
    h.update(len);
    h.update(bytes);
  }
  return h.digest('base64');
}
