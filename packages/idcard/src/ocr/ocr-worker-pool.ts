import { access } from 'node:fs/promises';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { IdCardError } from '../idcard-error';

/** Debian's `tesseract-ocr-chi-sim` / `-eng` packages (fast LSTM models, uncompressed). */
export const DEFAULT_LANG_PATH = '/usr/share/tesseract-ocr/5/tessdata';

export interface OcrPoolOptions {
  /** Directory (or URL the product serves) holding chi_sim.traineddata and eng.traineddata. */
  readonly langPath?: string;
  /** Number of slots (cards read in parallel); each slot holds two tesseract workers. Default 1. */
  readonly workers?: number;
  /**
   * Languages for the CJK fields. Default 'chi_sim': with 'chi_sim+eng' every CJK line also goes through the
   * English model (≈3× slower on this machine) without reading better once Latin letters are blacklisted.
   */
  readonly textLanguages?: string;
  /** Languages for the number (whitelist 0-9X). Default 'chi_sim+eng'. */
  readonly numberLanguages?: string;
  /** Overrides for the worker script and wasm core; by default both come from node_modules, never a CDN. */
  readonly workerPath?: string;
  readonly corePath?: string;
}

/** One card's worth of OCR engines: a worker for the CJK fields and one for the number. */
export interface OcrSlot {
  readonly text: Worker;
  readonly digits: Worker;
}

/** A fixed set of worker slots lent out one card at a time, first come first served. */
export class OcrWorkerPool {
  private readonly idle: OcrSlot[];
  private readonly waiting: { resolve: (slot: OcrSlot) => void; reject: (error: Error) => void }[] = [];
  private isClosed = false;

  private constructor(private readonly slots: readonly OcrSlot[]) {
    this.idle = [...slots];
  }

  static async create(options: OcrPoolOptions = {}): Promise<OcrWorkerPool> {
    const count = Math.max(1, Math.floor(options.workers ?? 1));
    const workerOptions = {
      langPath: options.langPath ?? DEFAULT_LANG_PATH,
      gzip: false,
      cacheMethod: 'none',
      ...(options.workerPath === undefined ? {} : { workerPath: options.workerPath }),
      ...(options.corePath === undefined ? {} : { corePath: options.corePath }),
    };
    const languages = [options.textLanguages ?? 'chi_sim', options.numberLanguages ?? 'chi_sim+eng'];
    await checkTrainedData(workerOptions.langPath, languages);
    const started = await Promise.allSettled(
      Array.from({ length: count }, () => languages.map((l) => startWorker(l, workerOptions))).flat(),
    );
    const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failure = started.find((s) => s.status === 'rejected');
    if (failure !== undefined) {
      await Promise.allSettled(workers.map((w) => w.terminate()));
      throw new IdCardError('OCR_FAILED', '文字识别引擎启动失败 / The OCR engine failed to start', {
        cause: failure.reason,
      });
    }
    const slots = Array.from({ length: count }, (_, i) => ({
      text: workers[2 * i] as Worker,
      digits: workers[2 * i + 1] as Worker,
    }));
    return new OcrWorkerPool(slots);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Runs `job` on the next free slot. */
  async run<T>(job: (slot: OcrSlot) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      return await job(slot);
    } finally {
      this.release(slot);
    }
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(closedError());
    await Promise.allSettled(this.slots.flatMap((s) => [s.text.terminate(), s.digits.terminate()]));
  }

  private acquire(): Promise<OcrSlot> {
    if (this.isClosed) return Promise.reject(closedError());
    const slot = this.idle.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(slot: OcrSlot): void {
    if (this.isClosed) return;
    const next = this.waiting.shift();
    if (next === undefined) this.idle.push(slot);
    else next.resolve(slot);
  }
}

/**
 * tesseract.js 7 never settles `createWorker` when a language fails to load unless an `errorHandler` is set, and
 * without one it throws from a message handler (an uncaught exception). Errors of later jobs still reject their
 * own promises, so the handler only has to settle start-up.
 */
function startWorker(languages: string, options: Record<string, unknown>): Promise<Worker> {
  return new Promise((resolve, reject) => {
    createWorker(languages, OEM.LSTM_ONLY, { ...options, errorHandler: (error: unknown) => reject(error) }).then(
      resolve,
      reject,
    );
  });
}

/** A missing local traineddata file would leave a worker thread hanging; fail fast instead. */
async function checkTrainedData(langPath: string, languages: readonly string[]): Promise<void> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(langPath)) return;
  for (const language of new Set(languages.flatMap((l) => l.split('+')))) {
    const file = `${langPath.replace(/\/$/, '')}/${language}.traineddata`;
    await access(file).catch((cause: unknown) => {
      throw new IdCardError('OCR_FAILED', `缺少文字识别模型 ${language} / OCR model ${language} is missing (${file})`, {
        cause,
      });
    });
  }
}

function closedError(): IdCardError {
  return new IdCardError('READER_CLOSED', '识别器已关闭 / The ID card reader has been closed');
}
