import { createHash } from 'node:crypto';

export type HashName = 'SHA-256' | 'SM3';

/** Hex digests of bytes for each requested algorithm (SM3 per GB/T 32905, via OpenSSL 3 in Node). */
export function digestHex(bytes: Uint8Array, algorithm: HashName): string {
  return createHash(algorithm === 'SM3' ? 'sm3' : 'sha256')
    .update(bytes)
    .digest('hex');
}
