import type { IdCardOcrResult } from './id-card-result';
import { type OcrPoolOptions, OcrWorkerPool } from './ocr-worker-pool';
import { type RecognizeOptions, recognizeCard } from './recognize-card';

export type IdCardReaderOptions = OcrPoolOptions;

/** A pool of OCR workers; reuse one per process and close it on shutdown. */
export interface IdCardReader {
  /** Number of workers (cards read in parallel). */
  readonly size: number;
  recognize(image: Uint8Array, options?: RecognizeOptions): Promise<IdCardOcrResult>;
  close(): Promise<void>;
}

/** Starts the workers (≈1-3 s each, in parallel) and resolves when all are ready. */
export async function createIdCardReader(options: IdCardReaderOptions = {}): Promise<IdCardReader> {
  const pool = await OcrWorkerPool.create(options);
  return {
    size: pool.size,
    recognize: (image, recognizeOptions) => pool.run((slot) => recognizeCard(slot, image, recognizeOptions)),
    close: () => pool.close(),
  };
}

export interface RecognizeIdCardOptions extends RecognizeOptions, IdCardReaderOptions {
  /** A running reader; without one a single-worker reader is started and closed for this call. */
  readonly reader?: IdCardReader;
}

/** Reads the front of a second-generation ID card from a photo (JPEG, PNG, WebP…). Throws IdCardError. */
export async function recognizeIdCard(
  image: Uint8Array,
  options: RecognizeIdCardOptions = {},
): Promise<IdCardOcrResult> {
  if (options.reader !== undefined) return options.reader.recognize(image, options);
  const reader = await createIdCardReader({ ...options, workers: 1 });
  try {
    return await reader.recognize(image, options);
  } finally {
    await reader.close();
  }
}
