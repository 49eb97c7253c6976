import sharp from 'sharp';
import type { Worker } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalOcrEngines, readCardLocally } from '../src/browser';
import { DEFAULT_LANG_PATH, generateSyntheticCard, isIdCardError, maskIdNumber } from '../src/index';
import { startWorker } from '../src/ocr/start-worker';

// The browser pipeline with Node tesseract.js workers: the same code runs in the kiosk with Web Workers.
let workers: Worker[] = [];
let engines: LocalOcrEngines;
beforeAll(async () => {
  const options = { langPath: DEFAULT_LANG_PATH, gzip: false, cacheMethod: 'none' };
  workers = await Promise.all([startWorker('chi_sim+eng', options), startWorker('chi_sim', options)]);
  const asEngine = (w: Worker) => ({
    setParameters: (p: Parameters<Worker['setParameters']>[0]) => w.setParameters(p),
    recognize: (image: Uint8Array) => w.recognize(Buffer.from(image)),
  });
  engines = { digits: asEngine(workers[0] as Worker), text: asEngine(workers[1] as Worker) };
}, 60_000);
afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

async function rgbaOf(bytes: Uint8Array) {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data) };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isIdCardError(error) ? error.code : `untyped: ${String(error)}`;
  }
}

describe('readCardLocally on decoded synthetic photos', () => {
  it.each([
    [15, 'clean'],
    [21, 'mild'],
    [22, 'mild'],
    [7031, 'clean'],
  ] as const)(
    'reads the number (masked, checksum-valid) and the name (seed %i, %s)',
    async (seed, level) => {
      const card = await generateSyntheticCard(seed, { level });
      const reading = await readCardLocally(engines, await rgbaOf(card.jpeg));
      expect(reading.idNumberValid).toBe(true);
      expect(reading.idNumberMasked).toBe(maskIdNumber(card.identity.idNumber));
      expect(reading.name).toBe(card.identity.name);
      expect(reading.confidence.idNumber).toBeGreaterThan(0.5);
      expect(reading.warnings).toEqual([]);
      // The full number is never part of the reading.
      expect(JSON.stringify(reading)).not.toContain(card.identity.idNumber.slice(6, 14));
    },
    30_000,
  );

  it('turns an upside-down photo the right way and says so', async () => {
    const card = await generateSyntheticCard(13, { level: 'clean' });
    const rotated = new Uint8Array(await sharp(card.jpeg).rotate(180).jpeg({ quality: 92 }).toBuffer());
    const reading = await readCardLocally(engines, await rgbaOf(rotated));
    expect(reading.idNumberMasked).toBe(maskIdNumber(card.identity.idNumber));
    expect(reading.warnings).toContain('CARD_UPSIDE_DOWN');
  }, 30_000);

  it('says ID_NUMBER_INVALID and keeps only a masked reading when the printed number fails the checksum', async () => {
    // A valid number with its check character changed: 18 characters read, none validates.
    const card = await generateSyntheticCard(16, { level: 'clean', identity: { idNumber: '110105194912310021' } });
    const reading = await readCardLocally(engines, await rgbaOf(card.jpeg));
    expect(reading.idNumberValid).toBe(false);
    expect(reading.warnings).toContain('ID_NUMBER_INVALID');
    expect(reading.idNumberMasked).toBe('110105********0021');
  }, 30_000);

  it('rejects a blank frame with NO_CARD_FOUND and an empty buffer with IMAGE_UNREADABLE', async () => {
    const blank = { width: 640, height: 480, data: new Uint8ClampedArray(640 * 480 * 4).fill(244) };
    expect(await codeOf(readCardLocally(engines, blank))).toBe('NO_CARD_FOUND');
    expect(await codeOf(readCardLocally(engines, { width: 640, height: 480, data: new Uint8Array(0) }))).toBe(
      'IMAGE_UNREADABLE',
    );
  }, 30_000);
});
