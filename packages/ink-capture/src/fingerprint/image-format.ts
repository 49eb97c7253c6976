import { FingerprintError } from './fingerprint-error';

export type FingerprintMediaType = 'image/png' | 'image/bmp' | 'image/jpeg';

/** Largest image edge accepted from a reader (fingerprint scans are a few hundred pixels; this is generous). */
export const MAX_EDGE = 2048;
/** Largest encoded image accepted from a reader, and the largest PNG handed on (the server takes 2 MiB). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The format by its magic bytes (PNG signature, "BM", JPEG SOI + marker), or undefined. */
export function sniffImageType(bytes: Uint8Array): FingerprintMediaType | undefined {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  if (bytes.length >= 26 && bytes[0] === 0x42 && bytes[1] === 0x4d) return 'image/bmp';
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return undefined;
}

/**
 * Checks a PNG's structure (signature, IHDR first with a sane size, chunks inside the file, IEND last) and returns
 * its size. Pixel data is not decoded: the server re-checks the image on arrival.
 */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } {
  if (sniffImageType(bytes) !== 'image/png') throw new FingerprintError('BAD_IMAGE', { detail: 'not a PNG' });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 33 || view.getUint32(8) !== 13 || type(12) !== 'IHDR')
    throw new FingerprintError('BAD_IMAGE', { detail: 'PNG without IHDR' });
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  checkSize(width, height);
  let at = 8;
  let last = '';
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    last = type(at + 4);
    at += 12 + length;
    if (last === 'IEND') break;
  }
  if (last !== 'IEND' || at > bytes.length) throw new FingerprintError('BAD_IMAGE', { detail: 'truncated PNG' });
  return { width, height };
}

export function checkSize(width: number, height: number): void {
  if (!(width > 0 && height > 0 && width <= MAX_EDGE && height <= MAX_EDGE))
    throw new FingerprintError('BAD_IMAGE', { detail: `size ${width}×${height}` });
}
