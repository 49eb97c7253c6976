import type { PadImage, PadImageEncoding } from '../pad-driver';

/**
 * RGBA → the LCD's pixel format, rows top to bottom. 24-bit is **BGR** byte order; 16-bit is RGB565
 * big-endian; 1-bit packs 8 pixels per byte, most significant bit first, 1 = dark pixel.
 */
export function encodeStuImage(image: PadImage, encoding: PadImageEncoding): Uint8Array {
  const { width, height, data } = image;
  const n = width * height;
  if (encoding === '24bit-bgr') {
    const out = new Uint8Array(n * 3);
    for (let i = 0; i < n; i++) {
      out[i * 3] = data[i * 4 + 2]!;
      out[i * 3 + 1] = data[i * 4 + 1]!;
      out[i * 3 + 2] = data[i * 4]!;
    }
    return out;
  }
  if (encoding === '16bit-565') {
    const out = new Uint8Array(n * 2);
    for (let i = 0; i < n; i++) {
      const v = ((data[i * 4]! >> 3) << 11) | ((data[i * 4 + 1]! >> 2) << 5) | (data[i * 4 + 2]! >> 3);
      out[i * 2] = v >> 8;
      out[i * 2 + 1] = v & 0xff;
    }
    return out;
  }
  const stride = Math.ceil(width / 8);
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const luma = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      if (luma < 128) out[y * stride + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}
