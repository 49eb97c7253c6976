import { createWorker, OEM, type Worker } from 'tesseract.js';

/**
 * Starts one LSTM-only tesseract.js worker. tesseract.js 7 never settles `createWorker` when a language fails to
 * load unless an `errorHandler` is set, and without one it throws from a message handler (an uncaught exception).
 * Errors of later jobs still reject their own promises, so the handler only has to settle start-up.
 */
export function startWorker(languages: string, options: Record<string, unknown>): Promise<Worker> {
  return new Promise((resolve, reject) => {
    createWorker(languages, OEM.LSTM_ONLY, { ...options, errorHandler: (error: unknown) => reject(error) }).then(
      resolve,
      reject,
    );
  });
}
