import { inflateSync, crc32 as nodeCrc32 } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from './encode-png';

/** Splits a PNG into its chunks, checking each CRC with node:zlib. */
function chunks(png: Uint8Array) {
  const buf = Buffer.from(png);
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    expect(buf.readUInt32BE(at + 8 + length)).toBe(nodeCrc32(buf.subarray(at + 4, at + 8 + length)));
    out.push({ type, data: buf.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

describe('encodePng', () => {
  it('computes the PNG CRC-32 (the IEND chunk CRC is AE426082)', () => {
    expect(crc32(new TextEncoder().encode('IEND')).toString(16)).toBe('ae426082');
  });

  it('writes greyscale as colour type 0 with one filter byte per row and nothing but IHDR, IDAT, IEND', async () => {
    const pixels = new Uint8Array([0, 64, 128, 255, 10, 20]);
    const png = await encodePng({ width: 3, height: 2, channels: 1, pixels });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const parts = chunks(png);
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const ihdr = parts[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([3, 2, 8, 0]);
    expect([...inflateSync(parts[1]!.data)]).toEqual([0, 0, 64, 128, 0, 255, 10, 20]);
  });

  it('writes RGB that an independent PNG reader (pdf-lib) embeds at the right size', async () => {
    const pixels = new Uint8Array(5 * 4 * 3).map((_, i) => (i * 37) % 256);
    const png = await encodePng({ width: 5, height: 4, channels: 3, pixels });
    expect(chunks(png)[0]!.data[9]).toBe(2);
    const image = await (await PDFDocument.create()).embedPng(png);
    expect([image.width, image.height]).toEqual([5, 4]);
  });

  it('refuses a pixel buffer that does not match the size', async () => {
    await expect(encodePng({ width: 2, height: 2, channels: 1, pixels: new Uint8Array(3) })).rejects.toThrow(
      RangeError,
    );
  });
});
