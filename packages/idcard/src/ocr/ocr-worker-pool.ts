import { createWorker, OEM, type Worker } from 'tesseract.js';
import { IdCardError } from '../idcard-error';

/** Debian's `tesseract-ocr-chi-sim` / `-eng` packages (fast LSTM models, uncompressed). */
export const DEFAULT_LANG_PATH = '/usr/share/tesseract-ocr/5/tessdata';

export interface OcrPoolOptions {
  /** Directory (or URL the product serves) holding chi_sim.traineddata and eng.traineddata. */
  readonly langPath?: string;
  /** Number of tesseract workers; each holds ~400 MB. Default 1. */
  readonly workers?: number;
  /** Overrides for the worker script and wasm core; by default both come from node_modules, never a CDN. */
  readonly workerPath?: string;
  readonly corePath?: string;
}

/** A fixed set of tesseract workers lent out one job at a time, first come first served. */
export class OcrWorkerPool {
  private readonly idle: Worker[];
  private readonly waiting: { resolve: (worker: Worker) => void; reject: (error: Error) => void }[] = [];
  private isClosed = false;

  private constructor(private readonly workers: Worker[]) {
    this.idle = [...workers];
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
    const started = await Promise.allSettled(
      Array.from({ length: count }, () => createWorker('chi_sim+eng', OEM.LSTM_ONLY, workerOptions)),
    );
    const workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failure = started.find((s) => s.status === 'rejected');
    if (failure !== undefined) {
      await Promise.allSettled(workers.map((w) => w.terminate()));
      throw new IdCardError('OCR_FAILED', '文字识别引擎启动失败 / The OCR engine failed to start', {
        cause: failure.reason,
      });
    }
    return new OcrWorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Runs `job` on the next free worker. */
  async run<T>(job: (worker: Worker) => Promise<T>): Promise<T> {
    const worker = await this.acquire();
    try {
      return await job(worker);
    } finally {
      this.release(worker);
    }
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const waiter of this.waiting.splice(0)) waiter.reject(closedError());
    await Promise.allSettled(this.workers.map((w) => w.terminate()));
  }

  private acquire(): Promise<Worker> {
    if (this.isClosed) return Promise.reject(closedError());
    const worker = this.idle.pop();
    if (worker !== undefined) return Promise.resolve(worker);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(worker: Worker): void {
    if (this.isClosed) return;
    const next = this.waiting.shift();
    if (next === undefined) this.idle.push(worker);
    else next.resolve(worker);
  }
}

function closedError(): IdCardError {
  return new IdCardError('READER_CLOSED', '识别器已关闭 / The ID card reader has been closed');
}
