// Browser entry of @inkproof/idcard (`@inkproof/idcard/browser`), pinned by test/browser-surface.test.ts. It reads
// decoded pixels with the server's detection, deskew and crops and tesseract.js Web Workers; nothing here imports
// sharp or a Node built-in (test/browser-entry-imports.test.ts), so a bundler (the kiosk's Vite) can take it.
export { encodePgm } from './browser/encode-pgm';
export {
  createLocalIdCardReader,
  type LocalIdCardReader,
  type LocalIdCardReaderOptions,
  type StartEngine,
  type StartedEngine,
} from './browser/local-id-card-reader';
export {
  type LocalIdCardReading,
  type LocalOcrEngines,
  type LocalReadingWarning,
  type ReadCardLocallyOptions,
  readCardLocally,
} from './browser/read-card-locally';
export { MAX_PHOTO_SIDE, type RgbaImage, rgbaToGray } from './browser/rgba-to-gray';
export { maskIdNumber } from './id-number/mask-id-number';
export { IdCardError, type IdCardErrorCode, isIdCardError } from './idcard-error';
export type { OcrEngine } from './ocr/read-field-with';
