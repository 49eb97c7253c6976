import type { GrayImage } from '../image/gray-image';

/**
 * A binary PGM (Netpbm P5) of a gray image: what tesseract's image reader (leptonica) takes without any codec, so
 * the browser needs no canvas round trip to hand a crop to the OCR worker.
 */
export function encodePgm(image: GrayImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const out = new Uint8Array(header.length + image.width * image.height);
  out.set(header);
  out.set(image.data.subarray(0, image.width * image.height), header.length);
  return out;
}
