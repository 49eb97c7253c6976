import { PdfError } from '../errors.js';

/**
 * Total length of the DER TLV at the start of `bytes` (X.690 §8.1.3). /Contents is zero-padded, and a DER value may
 * legitimately end in 0x00, so the CMS is cut by its own length, never by stripping zeros (STANDARDS.md).
 */
export function derLength(bytes: Uint8Array): number {
  if (bytes.length < 2) throw new PdfError('MALFORMED_PDF', 'DER too short');
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) throw new PdfError('MALFORMED_PDF', 'unsupported DER length');
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i]!;
  const total = 2 + n + len;
  if (total > bytes.length) throw new PdfError('MALFORMED_PDF', 'DER value longer than /Contents');
  return total;
}

/** The DER value inside a zero-padded /Contents string. */
export function trimDer(contents: Uint8Array): Uint8Array {
  return contents.subarray(0, derLength(contents));
}
