import type { RasterImage } from './encode-png';
import { FingerprintError } from './fingerprint-error';
import { checkSize } from './image-format';

const BI_RGB = 0;
const BI_BITFIELDS = 3;

/** Thrown for BMP variants this decoder leaves to the browser's image decoder (RLE, 16-bit, JPEG/PNG-in-BMP). */
export class UnsupportedBmpError extends Error {
  override readonly name = 'UnsupportedBmpError';
}

/** Position of the lowest set bit and the width of a channel mask (BI_BITFIELDS). */
function maskShift(mask: number): { shift: number; max: number } {
  if (!mask) return { shift: 0, max: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { shift, max: mask >>> shift };
}

/**
 * Decodes an uncompressed Windows bitmap — what fingerprint capture services commonly deliver (8-bit greyscale with a
 * palette) — to 8-bit grey or RGB rows, top to bottom. Covers BITMAPINFOHEADER and later headers, 1/4/8-bit
 * palettes, 24-bit BGR, 32-bit BGRX and BI_BITFIELDS; greyscale input stays greyscale (1 channel).
 */
export function decodeBmp(bytes: Uint8Array): RasterImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (end: number) => {
    if (end > bytes.length) throw new FingerprintError('BAD_IMAGE', { detail: 'truncated BMP' });
  };
  need(54);
  if (bytes[0] !== 0x42 || bytes[1] !== 0x4d) throw new FingerprintError('BAD_IMAGE', { detail: 'not a BMP' });
  const pixelOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  if (headerSize < 40) throw new UnsupportedBmpError(`BMP header of ${headerSize} bytes`);
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bpp = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  checkSize(width, height);
  const ok =
    (compression === BI_RGB && [1, 4, 8, 24, 32].includes(bpp)) || (compression === BI_BITFIELDS && bpp === 32);
  if (!ok) throw new UnsupportedBmpError(`BMP ${bpp}-bit, compression ${compression}`);

  let palette: Uint8Array | undefined;
  let paletteIsGrey = true;
  if (bpp <= 8) {
    const count = view.getUint32(46, true) || 1 << bpp;
    const at = 14 + headerSize;
    need(at + count * 4);
    palette = new Uint8Array(count * 3);
    for (let i = 0; i < count; i++) {
      const [b, g, r] = [bytes[at + i * 4]!, bytes[at + i * 4 + 1]!, bytes[at + i * 4 + 2]!];
      palette.set([r, g, b], i * 3);
      if (r !== g || g !== b) paletteIsGrey = false;
    }
  }
  let masks = { r: maskShift(0xff0000), g: maskShift(0xff00), b: maskShift(0xff) };
  if (compression === BI_BITFIELDS) {
    need(66);
    masks = {
      r: maskShift(view.getUint32(54, true)),
      g: maskShift(view.getUint32(58, true)),
      b: maskShift(view.getUint32(62, true)),
    };
  }

  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  need(pixelOffset + stride * height);
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * 3;
      if (palette) {
        const bits = x * bpp;
        const byte = bytes[row + (bits >> 3)]!;
        const index = bpp === 8 ? byte : (byte >> (8 - bpp - (bits & 7))) & ((1 << bpp) - 1);
        if (index * 3 >= palette.length) throw new FingerprintError('BAD_IMAGE', { detail: 'BMP palette index' });
        rgb.set(palette.subarray(index * 3, index * 3 + 3), out);
      } else if (bpp === 24) {
        const at = row + x * 3;
        rgb[out] = bytes[at + 2]!;
        rgb[out + 1] = bytes[at + 1]!;
        rgb[out + 2] = bytes[at]!;
      } else {
        const v = view.getUint32(row + x * 4, true);
        const channel = (m: { shift: number; max: number }) =>
          m.max ? Math.round((((v >>> m.shift) & m.max) * 255) / m.max) : 0;
        rgb[out] = channel(masks.r);
        rgb[out + 1] = channel(masks.g);
        rgb[out + 2] = channel(masks.b);
      }
    }
  }
  const isGrey = palette ? paletteIsGrey : everyPixelGrey(rgb);
  if (!isGrey) return { width, height, channels: 3, pixels: rgb };
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = rgb[i * 3]!;
  return { width, height, channels: 1, pixels: grey };
}

function everyPixelGrey(rgb: Uint8Array): boolean {
  for (let i = 0; i < rgb.length; i += 3) if (rgb[i] !== rgb[i + 1] || rgb[i + 1] !== rgb[i + 2]) return false;
  return true;
}
