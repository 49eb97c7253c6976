import { IdCardError } from '../idcard-error';
import type { OcrEngine } from '../ocr/read-field-with';
import { startWorker } from '../ocr/start-worker';
import {
  type LocalIdCardReading,
  type LocalOcrEngines,
  type ReadCardLocallyOptions,
  readCardLocally,
} from './read-card-locally';
import type { RgbaImage } from './rgba-to-gray';
import { resolveSameOriginUrl } from './same-origin-url';

/** Where the browser loads tesseract.js from: URLs on the product's own origin (relative ones resolve to the page). */
export interface LocalIdCardReaderOptions {
  /** tesseract.js `dist/worker.min.js`. */
  readonly workerPath: string;
  /** The prefix under which the tesseract.js-core `*.wasm.js` builds are served (the worker picks the build). */
  readonly corePath: string;
  /** The prefix of the uncompressed fast models `chi_sim.traineddata` and `eng.traineddata`. */
  readonly langPath: string;
}

/** A started engine and how to stop it. */
export interface StartedEngine extends OcrEngine {
  terminate(): Promise<unknown>;
}

/** Starts one tesseract.js worker for `languages`; replaced in tests. */
export type StartEngine = (languages: string) => Promise<StartedEngine>;

/**
 * Reads ID cards on the device with tesseract.js in Web Workers. Nothing starts until `start` or the first
 * `recognize`; `terminate` stops the workers (the bedside app calls it when the sitting ends).
 */
export interface LocalIdCardReader {
  /** Loads the core and models into two workers (number, name); resolves when both are ready. Idempotent. */
  start(): Promise<void>;
  /** One card at a time: a second call waits for the first. Throws IdCardError. */
  recognize(image: RgbaImage, options?: ReadCardLocallyOptions): Promise<LocalIdCardReading>;
  terminate(): Promise<void>;
}

/** The number engine reads with English digits beside chi_sim, as on the server; the name engine chi_sim alone. */
const LANGUAGES = { digits: 'chi_sim+eng', text: 'chi_sim' } as const;

export function createLocalIdCardReader(
  options: LocalIdCardReaderOptions,
  startEngine: StartEngine = browserEngineStarter(options),
): LocalIdCardReader {
  let engines: Promise<{ digits: StartedEngine; text: StartedEngine }> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let isTerminated = false;

  const start = (): Promise<{ digits: StartedEngine; text: StartedEngine }> => {
    if (isTerminated) return Promise.reject(closedError());
    engines ??= startBoth(startEngine).catch((error: unknown) => {
      engines = undefined;
      throw error;
    });
    return engines;
  };

  return {
    start: async () => {
      await start();
    },
    recognize: (image, recognizeOptions) => {
      if (isTerminated) return Promise.reject(closedError());
      const run = queue.then(async () => {
        const started: LocalOcrEngines = await start();
        // Terminated while the workers were starting: they are stopped, nothing is read.
        if (isTerminated) throw closedError();
        const reading = await readCardLocally(started, image, recognizeOptions);
        if (isTerminated) throw closedError();
        return reading;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    terminate: async () => {
      isTerminated = true;
      const running = engines;
      engines = undefined;
      const started = await running?.catch(() => undefined);
      await Promise.allSettled([started?.digits.terminate(), started?.text.terminate()]);
    },
  };
}

async function startBoth(startEngine: StartEngine): Promise<{ digits: StartedEngine; text: StartedEngine }> {
  const [digits, text] = await Promise.allSettled([startEngine(LANGUAGES.digits), startEngine(LANGUAGES.text)]);
  if (digits.status === 'fulfilled' && text.status === 'fulfilled') return { digits: digits.value, text: text.value };
  await Promise.allSettled([digits, text].flatMap((s) => (s.status === 'fulfilled' ? [s.value.terminate()] : [])));
  const failure = digits.status === 'rejected' ? digits.reason : (text as PromiseRejectedResult).reason;
  throw new IdCardError('OCR_FAILED', '文字识别引擎启动失败 / The OCR engine failed to start', { cause: failure });
}

/** tesseract.js Web Workers loading everything from the page's origin (no CDN, no IndexedDB model cache). */
function browserEngineStarter(options: LocalIdCardReaderOptions): StartEngine {
  return async (languages) => {
    const page = globalThis.location?.href;
    if (page === undefined) throw new IdCardError('BAD_ARGUMENTS', '仅可在浏览器中使用 / Browser only');
    const worker = await startWorker(languages, {
      workerPath: resolveSameOriginUrl(options.workerPath, page),
      corePath: resolveSameOriginUrl(options.corePath, page),
      langPath: resolveSameOriginUrl(options.langPath, page),
      gzip: false,
      // The models come with long HTTP cache lifetimes; tesseract.js's own IndexedDB cache would keep a second copy.
      cacheMethod: 'none',
      // A worker from the script's own URL: allowed by `worker-src 'self'` and subject to the page origin's rules.
      workerBlobURL: false,
    });
    return {
      setParameters: (parameters) => worker.setParameters(parameters),
      // tesseract.js types its input as `ImageLike`; its browser loader reads a Uint8Array as the encoded image.
      recognize: (image) => worker.recognize(image as unknown as Blob),
      terminate: () => worker.terminate(),
    };
  };
}

function closedError(): IdCardError {
  return new IdCardError('READER_CLOSED', '识别器已关闭 / The ID card reader has been closed');
}
