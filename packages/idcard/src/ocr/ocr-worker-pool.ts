import type { Worker } from 'tesseract.js';
import { IdCardError } from '../idcard-error';
import { startWorker } from './start-worker';
import { DEFAULT_LANG_PATH, resolveTextLangPath, type StagedTrainedData, stageTrainedData } from './trained-data';

export { DEFAULT_LANG_PATH } from './trained-data';

export interface OcrPoolOptions {
  /**
   * Directory (or URL the product serves) holding the fast chi_sim and eng models: the number engine and the second
   * reader of names. Default DEFAULT_LANG_PATH.
   */
  readonly langPath?: string;
  /**
   * Directory (or URL) holding chi_sim for the CJK fields (name, sex/ethnicity, birth date, address). Default: the
   * tessdata 4.0.0 model of `@tesseract.js-data/chi_sim` in node_modules (see `resolveTextLangPath`).
   */
  readonly textLangPath?: string;
  /** Number of slots (cards read in parallel); each slot holds three tesseract workers. Default 1. */
  readonly workers?: number;
  /**
   * Languages for the CJK fields, all found in `textLangPath`. Default 'chi_sim': with 'chi_sim+eng' every CJK line
   * also goes through the English model (≈3× slower on this machine) without reading better once Latin letters are
   * blacklisted.
   */
  readonly textLanguages?: string;
  /** Languages for the number (whitelist 0-9X). Default 'chi_sim+eng'. */
  readonly numberLanguages?: string;
  /** Overrides for the worker script and wasm core; by default both come from node_modules, never a CDN. */
  readonly workerPath?: string;
  readonly corePath?: string;
}

/**
 * One card's worth of OCR engines: the CJK fields (best model), a second reader of names (fast model: its errors are
 * other glyphs than the best model's), and the number.
 */
export interface OcrSlot {
  readonly text: Worker;
  readonly fastText: Worker;
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
    const { engines, release } = await stageEngines(options);
    // Workers read their traineddata while starting; the staged copies are not needed afterwards.
    const started = await Promise.allSettled(
      Array.from({ length: count }, () => engines.map((e) => startWorker(e.languages, e.options))).flat(),
    );
    await release();
    const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failure = started.find((s) => s.status === 'rejected');
    if (failure !== undefined) {
      await Promise.allSettled(workers.map((w) => w.terminate()));
      throw new IdCardError('OCR_FAILED', '文字识别引擎启动失败 / The OCR engine failed to start', {
        cause: failure.reason,
      });
    }
    const perSlot = engines.length;
    const slots = Array.from({ length: count }, (_, i) => ({
      text: workers[perSlot * i] as Worker,
      fastText: workers[perSlot * i + 1] as Worker,
      digits: workers[perSlot * i + 2] as Worker,
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
    await Promise.allSettled(
      this.slots.flatMap((s) => [s.text.terminate(), s.fastText.terminate(), s.digits.terminate()]),
    );
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

interface Engine {
  readonly languages: string;
  readonly options: Record<string, unknown>;
}

/** Languages and worker options of the slot's engines (text, fastText, digits), their traineddata staged. */
async function stageEngines(options: OcrPoolOptions): Promise<{ engines: Engine[]; release: () => Promise<void> }> {
  const shared = {
    cacheMethod: 'none',
    ...(options.workerPath === undefined ? {} : { workerPath: options.workerPath }),
    ...(options.corePath === undefined ? {} : { corePath: options.corePath }),
  };
  const fastPath = options.langPath ?? DEFAULT_LANG_PATH;
  const wanted = [
    { languages: options.textLanguages ?? 'chi_sim', langPath: options.textLangPath ?? defaultTextLangPath() },
    { languages: 'chi_sim', langPath: fastPath },
    { languages: options.numberLanguages ?? 'chi_sim+eng', langPath: fastPath },
  ];
  const staged = await Promise.allSettled(wanted.map((w) => stageTrainedData(w.langPath, [w.languages])));
  const ready = staged.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const release = async () => {
    await Promise.allSettled(ready.map((s) => s.release()));
  };
  const failure = staged.find((s) => s.status === 'rejected');
  if (failure !== undefined) {
    await release();
    throw failure.reason;
  }
  const engines = wanted.map(({ languages }, i) => {
    const { langPath, gzip } = ready[i] as StagedTrainedData;
    return { languages, options: { ...shared, langPath, gzip } };
  });
  return { engines, release };
}

function defaultTextLangPath(): string {
  try {
    return resolveTextLangPath();
  } catch (cause) {
    throw new IdCardError(
      'OCR_FAILED',
      '缺少文字识别模型包 @tesseract.js-data/chi_sim，请运行 npm ci / OCR model package @tesseract.js-data/chi_sim is missing; run npm ci',
      { cause },
    );
  }
}

function closedError(): IdCardError {
  return new IdCardError('READER_CLOSED', '识别器已关闭 / The ID card reader has been closed');
}
