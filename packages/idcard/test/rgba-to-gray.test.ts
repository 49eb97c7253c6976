import sharp from 'sharp';
import { expect, it } from 'vitest';
import { encodePgm, rgbaToGray } from '../src/browser';
import { decodeImage } from '../src/image/decode-image';
import { extractCard } from '../src/image/extract-card';
import { generateSyntheticCard } from '../src/index';

async function rgbaOf(bytes: Uint8Array) {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data) };
}

it('makes the gray image the server decoder makes (libvips greyscale), within a level or two', async () => {
  const card = await generateSyntheticCard(11, { level: 'mild' });
  const ours = rgbaToGray(await rgbaOf(card.jpeg));
  const server = await decodeImage(card.jpeg);
  expect([ours.width, ours.height]).toEqual([server.width, server.height]);
  let worst = 0;
  let total = 0;
  for (let i = 0; i < ours.data.length; i++) {
    const d = Math.abs((ours.data[i] ?? 0) - (server.data[i] ?? 0));
    worst = Math.max(worst, d);
    total += d;
  }
  expect(total / ours.data.length).toBeLessThan(1);
  expect(worst).toBeLessThanOrEqual(3);
});

it('finds the card where the server finds it (same detection on both decoders)', async () => {
  const card = await generateSyntheticCard(21, { level: 'mild' });
  const local = extractCard(rgbaToGray(await rgbaOf(card.jpeg)));
  const server = extractCard(await decodeImage(card.jpeg));
  expect(local.isDetected).toBe(true);
  local.quad.forEach((p, i) => {
    expect(Math.hypot(p.x - (server.quad[i]?.x ?? 0), p.y - (server.quad[i]?.y ?? 0))).toBeLessThan(1.5);
  });
});

it('shrinks a large photo to fit 2000 px like the server, keeping the mean brightness', async () => {
  const width = 4000;
  const height = 1000;
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const v = (i % width) % 2 === 0 ? 255 : 0;
    data.set([v, v, v, 255], i * 4);
  }
  const gray = rgbaToGray({ width, height, data });
  expect([gray.width, gray.height]).toEqual([2000, 500]);
  // Alternating black/white columns average to the gray of half the light, not to either extreme.
  const mean = gray.data.reduce((s, v) => s + v, 0) / gray.data.length;
  expect(mean).toBeGreaterThan(120);
  expect(mean).toBeLessThan(135);
});

it('refuses pixels that are not RGBA of the stated size', () => {
  expect(() => rgbaToGray({ width: 10, height: 10, data: new Uint8Array(10 * 10 * 3) })).toThrow(RangeError);
});

it('encodes a crop as a binary PGM: header, then the rows as they are (read back by tesseract in read-card-locally)', () => {
  const gray = { width: 5, height: 3, data: Uint8Array.from({ length: 15 }, (_, i) => i * 17) };
  const pgm = encodePgm(gray);
  const header = 'P5\n5 3\n255\n';
  expect(new TextDecoder().decode(pgm.subarray(0, header.length))).toBe(header);
  expect([...pgm.subarray(header.length)]).toEqual([...gray.data]);
});
