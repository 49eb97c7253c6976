import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeBmp, UnsupportedBmpError } from './decode-bmp';
import { FingerprintError } from './fingerprint-error';
import { readPngSize, sniffImageType } from './image-format';
import { buildBmp, buildGreyPng } from './test-images';
import { toPng } from './to-png';

const grey = (n: number): [number, number, number] => [n, n, n];
const greyPalette = Array.from({ length: 256 }, (_, i) => grey(i));

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return 'NONE';
  } catch (error) {
    return error instanceof FingerprintError ? error.code : String(error);
  }
}

/** Pixels of a PNG written by encodePng (filter 0 rows), via node:zlib. */
function pngPixels(png: Uint8Array, channels: number) {
  const buf = Buffer.from(png);
  const { width, height } = readPngSize(png);
  const idat = buf.subarray(41, 41 + buf.readUInt32BE(33));
  const raw = inflateSync(idat);
  const rows: number[][] = [];
  for (let y = 0; y < height; y++)
    rows.push([...raw.subarray(y * (width * channels + 1) + 1, (y + 1) * (width * channels + 1))]);
  return rows;
}

describe('decodeBmp', () => {
  it('reads an 8-bit greyscale bottom-up bitmap (what capture services deliver) as one grey channel', () => {
    const bmp = buildBmp({ width: 3, height: 2, bpp: 8, palette: greyPalette, pixel: (x, y) => x * 100 + y * 5 });
    const image = decodeBmp(bmp);
    expect([image.width, image.height, image.channels]).toEqual([3, 2, 1]);
    expect([...image.pixels]).toEqual([0, 100, 200, 5, 105, 205]);
  });

  it('reads 24-bit top-down rows with padding, 1-bit and 4-bit palettes, and 32-bit bitfields', () => {
    const colours: [number, number, number][] = [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
    ];
    const rgb = decodeBmp(buildBmp({ width: 3, height: 1, bpp: 24, topDown: true, pixel: (x) => colours[x]! }));
    expect([rgb.channels, ...rgb.pixels]).toEqual([3, 255, 0, 0, 0, 255, 0, 0, 0, 255]);
    const mono = decodeBmp(
      buildBmp({ width: 9, height: 1, bpp: 1, palette: [grey(0), grey(255)], pixel: (x) => x % 2 }),
    );
    expect([...mono.pixels]).toEqual([0, 255, 0, 255, 0, 255, 0, 255, 0]);
    const four = decodeBmp(buildBmp({ width: 3, height: 1, bpp: 4, palette: colours, pixel: (x) => 2 - x }));
    expect([...four.pixels]).toEqual([0, 0, 255, 0, 255, 0, 255, 0, 0]);
    const fields = decodeBmp(
      buildBmp({
        width: 2,
        height: 1,
        bpp: 32,
        compression: 3,
        masks: [0xff00, 0xff0000, 0xff000000],
        pixel: (x) => (x ? [10, 20, 30] : [40, 40, 40]),
      }),
    );
    expect([fields.channels, ...fields.pixels]).toEqual([3, 40, 40, 40, 10, 20, 30]);
  });

  it('refuses truncated data and leaves compressed variants to the browser', () => {
    const bmp = buildBmp({ width: 4, height: 4, bpp: 8, palette: greyPalette, pixel: () => 1 });
    expect(() => decodeBmp(bmp.subarray(0, bmp.length - 3))).toThrow(FingerprintError);
    const rle = buildBmp({ width: 4, height: 4, bpp: 8, palette: greyPalette, pixel: () => 1, compression: 1 });
    expect(() => decodeBmp(rle)).toThrow(UnsupportedBmpError);
  });
});

describe('toPng', () => {
  it('keeps a PNG byte for byte and reports its size', async () => {
    const png = buildGreyPng(40, 50);
    const out = await toPng(png);
    expect(out).toMatchObject({ width: 40, height: 50, sourceMediaType: 'image/png' });
    expect(out.png).toBe(png);
  });

  it('converts an 8-bit BMP to a greyscale PNG with the same pixels', async () => {
    const bmp = buildBmp({ width: 4, height: 3, bpp: 8, palette: greyPalette, pixel: (x, y) => x * 60 + y });
    const out = await toPng(bmp);
    expect(out).toMatchObject({ width: 4, height: 3, sourceMediaType: 'image/bmp' });
    expect(sniffImageType(out.png)).toBe('image/png');
    expect(pngPixels(out.png, 1)).toEqual([
      [0, 60, 120, 180],
      [1, 61, 121, 181],
      [2, 62, 122, 182],
    ]);
  });

  it('hands JPEG and compressed BMP to the browser encoder and checks what comes back', async () => {
    const seen: string[] = [];
    const browserEncoder = async (_: Uint8Array, type: string) => {
      seen.push(type);
      return buildGreyPng(8, 8);
    };
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
    expect(await toPng(jpeg, { browserEncoder })).toMatchObject({ sourceMediaType: 'image/jpeg', width: 8 });
    const rle = buildBmp({ width: 4, height: 4, bpp: 8, palette: greyPalette, pixel: () => 1, compression: 1 });
    expect(await toPng(rle, { browserEncoder })).toMatchObject({ sourceMediaType: 'image/bmp' });
    expect(seen).toEqual(['image/jpeg', 'image/bmp']);
    const broken = async () => {
      throw new Error('decode failed');
    };
    expect(await codeOf(toPng(jpeg, { browserEncoder: broken }))).toBe('BAD_IMAGE');
  });

  it('refuses empty, unknown, truncated and oversized images as BAD_IMAGE', async () => {
    const png = buildGreyPng(10, 10);
    expect(await codeOf(toPng(new Uint8Array(0)))).toBe('BAD_IMAGE');
    expect(await codeOf(toPng(new TextEncoder().encode('GIF89a-not-a-fingerprint-image')))).toBe('BAD_IMAGE');
    expect(await codeOf(toPng(png.subarray(0, png.length - 12)))).toBe('BAD_IMAGE');
    expect(await codeOf(toPng(buildGreyPng(3000, 10)))).toBe('BAD_IMAGE');
    expect(await codeOf(toPng(new Uint8Array(3 * 1024 * 1024)))).toBe('BAD_IMAGE');
  });
});
