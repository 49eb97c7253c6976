import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSeededRandom,
  generateSyntheticCard,
  isValidIdNumber,
  validateIdNumber,
  writeFakeCameraFile,
  writeSyntheticCardSet,
} from '../src/index';
import { generateSyntheticIdentity } from '../src/synth/synthetic-identity';

let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'idcard-synth-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('generateSyntheticCard', () => {
  it('is byte-for-byte reproducible from its seed', async () => {
    const [a, b] = await Promise.all([
      generateSyntheticCard(42, { level: 'moderate' }),
      generateSyntheticCard(42, { level: 'moderate' }),
    ]);
    expect(Buffer.from(a.jpeg).equals(Buffer.from(b.jpeg))).toBe(true);
    expect(a.identity).toEqual(b.identity);
    const c = await generateSyntheticCard(43, { level: 'moderate' });
    expect(c.identity).not.toEqual(a.identity);
  });

  it('prints a self-consistent identity: valid number encoding the birth date and sex', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    for (let seed = 0; seed < 500; seed++) {
      const identity = generateSyntheticIdentity(createSeededRandom(seed), now);
      const info = validateIdNumber(identity.idNumber, { now });
      expect(info.birthDate).toBe(identity.birthDate);
      expect(info.sex).toBe(identity.sex);
      expect([...identity.address].length).toBeLessThanOrEqual(42);
      expect([...identity.name].length).toBeGreaterThanOrEqual(2);
    }
  });

  it('writes a JPEG photo of the requested size with the degradation drawn for the level', async () => {
    const card = await generateSyntheticCard(7, { level: 'harsh', photoWidth: 1024, photoHeight: 768 });
    const meta = await sharp(card.jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1024, 768]);
    expect(card.degradation.level).toBe('harsh');
    expect(Math.abs(card.degradation.rotationDeg)).toBeLessThanOrEqual(14);
    expect(card.degradation.jpegQuality).toBeLessThanOrEqual(60);
    expect(card.corners).toHaveLength(4);
  });

  it('writes a card set with truth.json', async () => {
    const cards = await writeSyntheticCardSet(join(directory, 'set'), {
      seed: 100,
      count: 3,
      levels: ['clean', 'mild'],
    });
    const truth = JSON.parse(await readFile(join(directory, 'set', 'truth.json'), 'utf8')) as {
      identity: { idNumber: string };
    }[];
    expect(truth.map((t) => t.identity.idNumber)).toEqual(cards.map((c) => c.identity.idNumber));
    expect(cards.map((c) => c.degradation.level)).toEqual(['clean', 'mild', 'clean']);
    expect(truth.every((t) => isValidIdNumber(t.identity.idNumber))).toBe(true);
  });
});

describe('writeFakeCameraFile', () => {
  it('writes YUV4MPEG2 4:2:0 frames Chromium can loop', async () => {
    const card = await generateSyntheticCard(1);
    const file = join(directory, 'camera.y4m');
    const size = await writeFakeCameraFile(file, card.jpeg, {
      format: 'y4m',
      width: 640,
      height: 480,
      frames: 3,
      fps: 15,
    });
    const bytes = await readFile(file);
    const header = 'YUV4MPEG2 W640 H480 F15:1 Ip A1:1 C420jpeg\n';
    expect(bytes.subarray(0, header.length).toString('latin1')).toBe(header);
    const frame = 'FRAME\n'.length + 640 * 480 * 1.5;
    expect(size).toBe(bytes.length);
    expect(bytes.length).toBe(header.length + 3 * frame);
  });

  it('writes concatenated JPEG frames for .mjpeg', async () => {
    const card = await generateSyntheticCard(1);
    const file = join(directory, 'camera.mjpeg');
    await writeFakeCameraFile(file, card.jpeg, { frames: 4 });
    const bytes = await readFile(file);
    let starts = 0;
    for (let i = 0; i + 2 < bytes.length; i++)
      if (bytes[i] === 0xff && bytes[i + 1] === 0xd8 && bytes[i + 2] === 0xff) starts++;
    expect(starts).toBe(4);
    expect((await sharp(bytes).metadata()).width).toBe(1280);
  });

  it('refuses an extension that does not match the format', async () => {
    const card = await generateSyntheticCard(1);
    await expect(writeFakeCameraFile(join(directory, 'camera.mp4'), card.jpeg)).rejects.toMatchObject({
      code: 'BAD_ARGUMENTS',
    });
    await expect(
      writeFakeCameraFile(join(directory, 'camera.y4m'), card.jpeg, { format: 'y4m', width: 641 }),
    ).rejects.toMatchObject({
      code: 'BAD_ARGUMENTS',
    });
  });
});
