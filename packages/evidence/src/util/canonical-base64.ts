import { z } from 'zod';

/**
 * Base64 (RFC 4648 §4) that is also canonical: padded, and the unused low bits of the last character zero
 * (RFC 4648 §3.5). Otherwise two different strings decode to the same bytes and a flipped character goes unnoticed.
 */
export const ZCanonicalBase64 = z
  .base64()
  .refine((s) => Buffer.from(s, 'base64').toString('base64') === s, 'non-canonical base64');
