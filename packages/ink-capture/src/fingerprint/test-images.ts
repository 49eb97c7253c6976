/**
 * Test images built byte by byte from the format specifications (BMP: Microsoft BITMAPFILEHEADER +
 * BITMAPINFOHEADER; PNG: ISO/IEC 15948 via node:zlib), so the decoders are checked against the layouts, not against
 * themselves. Test-only; not exported from the package.
 */
import { crc32, deflateSync } from 'node:zlib';

export interface BmpSpec {
  width: number;
  height: number;
  bpp: 1 | 4 | 8 | 24 | 32;
  /** Pixel (x, y) from the top-left → palette index (≤ 8 bpp) or [r, g, b]. */
  pixel: (x: number, y: number) => number | [number, number, number];
  palette?: [number, number, number][];
  topDown?: boolean;
  compression?: number;
  masks?: [number, number, number];
}

export function buildBmp(spec: BmpSpec): Uint8Array {
  const { width, height, bpp } = spec;
  const palette = spec.palette ?? [];
  const bitfields = spec.compression === 3;
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  const headerEnd = 14 + 40 + (bitfields ? 12 : 0);
  const pixelOffset = headerEnd + palette.length * 4;
  const out = new Uint8Array(pixelOffset + stride * height);
  const view = new DataView(out.buffer);
  out.set([0x42, 0x4d]);
  view.setUint32(2, out.length, true);
  view.setUint32(10, pixelOffset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, spec.topDown ? -height : height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, bpp, true);
  view.setUint32(30, spec.compression ?? 0, true);
  view.setUint32(34, stride * height, true);
  view.setUint32(46, palette.length, true);
  if (bitfields) for (const [i, m] of spec.masks!.entries()) view.setUint32(54 + i * 4, m, true);
  for (const [i, [r, g, b]] of palette.entries()) out.set([b, g, r, 0], headerEnd + i * 4);
  for (let y = 0; y < height; y++) {
    const row = pixelOffset + (spec.topDown ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const p = spec.pixel(x, y);
      if (typeof p === 'number') {
        const bit = x * bpp;
        out[row + (bit >> 3)]! |= p << (8 - bpp - (bit & 7));
      } else if (bpp === 24) out.set([p[2], p[1], p[0]], row + x * 3);
      else {
        const [mr, mg, mb] = spec.masks ?? [0xff0000, 0xff00, 0xff];
        const place = (v: number, m: number) => (v << Math.log2(m & -m)) & m;
        view.setUint32(row + x * 4, (place(p[0], mr) | place(p[1], mg) | place(p[2], mb)) >>> 0, true);
      }
    }
  }
  return out;
}

/** A greyscale PNG with a ridge-like pattern, encoded with node:zlib (independent of encodePng). */
export function buildGreyPng(width: number, height: number): Uint8Array {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      raw[y * (width + 1) + 1 + x] = 128 + Math.round(100 * Math.sin(Math.hypot(x - width / 2, y - height / 2) / 3));
  const chunk = (type: string, data: Uint8Array) => {
    const c = Buffer.alloc(12 + data.length);
    c.writeUInt32BE(data.length, 0);
    c.write(type, 4, 'latin1');
    Buffer.from(data).copy(c, 8);
    c.writeUInt32BE(crc32(c.subarray(4, 8 + data.length)), 8 + data.length);
    return c;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}
