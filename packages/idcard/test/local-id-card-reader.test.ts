import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalIdCardReader, isIdCardError, type RgbaImage, type StartedEngine } from '../src/browser';
import { resolveSameOriginUrl } from '../src/browser/same-origin-url';
import { generateSyntheticCard } from '../src/index';

const ASSETS = { workerPath: '/kiosk/ocr/worker.min.js', corePath: '/kiosk/ocr/', langPath: '/kiosk/ocr/' };

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isIdCardError(error) ? error.code : `untyped: ${String(error)}`;
  }
}

/** Engines that answer a fixed number / name, log what they are asked, and can be slowed down. */
function fakeEngines(log: string[], delayMs = 0) {
  const started: string[] = [];
  const terminated: string[] = [];
  const start = async (languages: string): Promise<StartedEngine> => {
    started.push(languages);
    const isDigits = languages.includes('eng');
    return {
      setParameters: async () => undefined,
      recognize: async () => {
        log.push(`${isDigits ? 'digits' : 'text'} start`);
        await new Promise((r) => setTimeout(r, delayMs));
        log.push(`${isDigits ? 'digits' : 'text'} end`);
        return { data: { text: isDigits ? '11010519491231002X' : '王小明', confidence: 90 } };
      },
      terminate: async () => void terminated.push(languages),
    };
  };
  return { start, started, terminated };
}

let photo: RgbaImage;
beforeAll(async () => {
  const card = await generateSyntheticCard(15, { level: 'clean' });
  const { data, info } = await sharp(card.jpeg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  photo = { width: info.width, height: info.height, data: new Uint8Array(data) };
});

describe('createLocalIdCardReader', () => {
  it('starts no worker until asked, then the number and the name engines once', async () => {
    const fake = fakeEngines([]);
    const reader = createLocalIdCardReader(ASSETS, fake.start);
    expect(fake.started).toEqual([]);
    await Promise.all([reader.start(), reader.start()]);
    const reading = await reader.recognize(photo);
    expect(fake.started.sort()).toEqual(['chi_sim', 'chi_sim+eng']);
    expect(reading).toMatchObject({ name: '王小明', idNumberMasked: '110105********002X', idNumberValid: true });
    await reader.terminate();
  });

  it('reads one card at a time: a second card waits for the first', async () => {
    const log: string[] = [];
    const reader = createLocalIdCardReader(ASSETS, fakeEngines(log, 5).start);
    await Promise.all([reader.recognize(photo), reader.recognize(photo)]);
    // Each card makes the same engine calls; serialised, the first half of the log is the first card's calls, all
    // of them finished, and the second card's calls only begin after it.
    const half = log.length / 2;
    const first = log.slice(0, half);
    expect(first.filter((l) => l.endsWith('start'))).toHaveLength(half / 2);
    expect(first.filter((l) => l.endsWith('end'))).toHaveLength(half / 2);
    expect(log[half]).toMatch(/start$/);
    await reader.terminate();
  });

  it('fails with OCR_FAILED when an engine cannot start, stops the other, and can start again', async () => {
    let hasFailed = false;
    const stopped: string[] = [];
    const reader = createLocalIdCardReader(ASSETS, async (languages) => {
      if (!hasFailed && languages === 'chi_sim') {
        hasFailed = true;
        throw new Error('404 chi_sim.traineddata');
      }
      return {
        setParameters: async () => undefined,
        recognize: async () => ({ data: { text: '', confidence: 0 } }),
        terminate: async () => void stopped.push(languages),
      };
    });
    expect(await codeOf(reader.start())).toBe('OCR_FAILED');
    expect(stopped).toEqual(['chi_sim+eng']);
    await expect(reader.start()).resolves.toBeUndefined();
    await reader.terminate();
  });

  it('terminates both workers, and refuses to read afterwards with READER_CLOSED', async () => {
    const fake = fakeEngines([]);
    const reader = createLocalIdCardReader(ASSETS, fake.start);
    await reader.start();
    await reader.terminate();
    expect(fake.terminated.sort()).toEqual(['chi_sim', 'chi_sim+eng']);
    expect(await codeOf(reader.recognize(photo))).toBe('READER_CLOSED');
    expect(await codeOf(reader.start())).toBe('READER_CLOSED');
  });

  it('stops workers that finish starting after terminate, and reads nothing with them', async () => {
    const log: string[] = [];
    const fake = fakeEngines(log);
    let go!: () => void;
    const gate = new Promise<void>((resolve) => {
      go = resolve;
    });
    const reader = createLocalIdCardReader(ASSETS, async (languages) => {
      await gate;
      return fake.start(languages);
    });
    const reading = codeOf(reader.recognize(photo));
    // The card is waiting for the workers to start when the reader is terminated.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const terminated = reader.terminate();
    go();
    await terminated;
    expect(await reading).toBe('READER_CLOSED');
    expect(fake.terminated.sort()).toEqual(['chi_sim', 'chi_sim+eng']);
    expect(log).toEqual([]);
  });

  it('starts nothing in a page-less environment with the real engines (browser only)', async () => {
    const reader = createLocalIdCardReader(ASSETS);
    expect(await codeOf(reader.start())).toBe('OCR_FAILED');
  });
});

describe('resolveSameOriginUrl', () => {
  const page = 'https://inkproof.hospital.example/kiosk/sign';
  it('resolves the product paths against the page', () => {
    expect(resolveSameOriginUrl('/kiosk/ocr/', page)).toBe('https://inkproof.hospital.example/kiosk/ocr/');
    expect(resolveSameOriginUrl('ocr/worker.min.js', page)).toBe(
      'https://inkproof.hospital.example/kiosk/ocr/worker.min.js',
    );
  });

  it('refuses a CDN or any other origin with BAD_ARGUMENTS', () => {
    for (const url of [
      'https://cdn.jsdelivr.net/npm/tesseract.js@7.0.0/dist/worker.min.js',
      '//unpkg.com/tesseract.js-core/',
      'http://inkproof.hospital.example/kiosk/ocr/',
    ]) {
      expect(() => resolveSameOriginUrl(url, page)).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENTS' }));
    }
  });
});
