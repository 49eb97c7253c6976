import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeThumbnail, THUMBNAIL_MAX_BYTES } from '../../src/report/make-thumbnail.js';
import { seededBytes } from '../helpers.js';

describe('makeThumbnail', () => {
  it('keeps small images byte for byte', async () => {
    const small = new Uint8Array([0xff, 0xd8, 1, 2, 3]);
    expect(await makeThumbnail(small)).toBe(small);
  });

  it('downscales a large photo to a JPEG with a 480 px longest edge', async () => {
    const noise = seededBytes(1600 * 1200 * 3, 9);
    const big = new Uint8Array(
      await sharp(Buffer.from(noise), { raw: { width: 1600, height: 1200, channels: 3 } })
        .jpeg({ quality: 95 })
        .toBuffer(),
    );
    expect(big.byteLength).toBeGreaterThan(THUMBNAIL_MAX_BYTES);
    const thumb = await makeThumbnail(big);
    const meta = await sharp(Buffer.from(thumb!)).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(480);
  });

  it('gives up (undefined) on large bytes that are no image', async () => {
    expect(await makeThumbnail(seededBytes(THUMBNAIL_MAX_BYTES + 1, 3))).toBeUndefined();
  });
});
