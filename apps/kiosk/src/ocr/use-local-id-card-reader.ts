import { createLocalIdCardReader, type LocalIdCardReader, type LocalIdCardReading } from '@inkproof/idcard/browser';
import { useCallback, useEffect, useRef, useState } from 'react';
import { photoPixels } from './photo-pixels';

/**
 * tesseract.js's worker, wasm cores and models, served by the product (server/app/kiosk/ocr/[file]/route.ts) — never
 * a CDN. The library refuses any other origin.
 */
export const LOCAL_OCR_ASSETS = {
  workerPath: '/kiosk/ocr/worker.min.js',
  corePath: '/kiosk/ocr/',
  langPath: '/kiosk/ocr/',
} as const;

export type LocalOcrStatus = 'loading' | 'ready' | 'failed';

/**
 * The on-device ID-card reader for as long as the calling screen is shown: its workers start when the screen
 * mounts (the ID-card step, not page load), so the models are loaded by the time the photo is taken, and are
 * terminated when it unmounts — after the step, and when the sitting ends (idle, done, declined), so nothing read
 * stays in a worker.
 */
export function useLocalIdCardReader(): {
  status: LocalOcrStatus;
  read: (photo: Blob) => Promise<LocalIdCardReading>;
} {
  const reader = useRef<LocalIdCardReader | undefined>(undefined);
  const [status, setStatus] = useState<LocalOcrStatus>('loading');

  useEffect(() => {
    const created = createLocalIdCardReader(LOCAL_OCR_ASSETS);
    reader.current = created;
    let isCurrent = true;
    created.start().then(
      () => isCurrent && setStatus('ready'),
      () => isCurrent && setStatus('failed'),
    );
    return () => {
      isCurrent = false;
      reader.current = undefined;
      void created.terminate();
    };
  }, []);

  const read = useCallback(async (photo: Blob) => {
    const current = reader.current;
    if (!current) throw new Error('local reader closed');
    const reading = await current.recognize(await photoPixels(photo));
    setStatus('ready');
    return reading;
  }, []);

  return { status, read };
}
