// Public surface of @inkproof/idcard (pinned by test/public-surface.test.ts).
export { CARD_HEIGHT, CARD_WIDTH, type CardField, FIELD_BOXES, type FieldBox } from './card-layout';
export {
  ID_CARD_COMMAND_USAGE,
  type IdCardCommandIo,
  type IdCardOcrJsonEntry,
  runIdCardOcrCommand,
} from './cli/run-id-card-ocr-command';
export { computeCheckChar } from './id-number/compute-check-char';
export { type CardPrintedFields, type CrossCheckMismatch, crossCheckIdNumber } from './id-number/cross-check-id-number';
export { findIdNumberInText } from './id-number/find-id-number-in-text';
export { maskIdNumber } from './id-number/mask-id-number';
export {
  type IdNumberInfo,
  isValidIdNumber,
  type Sex,
  type ValidateIdNumberOptions,
  validateIdNumber,
} from './id-number/validate-id-number';
export { IdCardError, type IdCardErrorCode, isIdCardError } from './idcard-error';
export {
  createIdCardReader,
  type IdCardReader,
  type IdCardReaderOptions,
  type RecognizeIdCardOptions,
  recognizeIdCard,
} from './ocr/id-card-reader';
export type { IdCardConfidence, IdCardOcrResult, IdCardWarning } from './ocr/id-card-result';
export { listTesseractBrowserAssets, type TesseractBrowserAssets } from './ocr/list-browser-assets';
export { DEFAULT_LANG_PATH } from './ocr/ocr-worker-pool';
export type { RecognizeOptions } from './ocr/recognize-card';
export { ETHNICITIES } from './parse/ethnicities';
export type { CardDegradation, DegradationLevel } from './synth/card-degradation';
export { generateSyntheticCard, type SyntheticCard, type SyntheticCardOptions } from './synth/generate-synthetic-card';
export { createSeededRandom, type SeededRandom } from './synth/seeded-random';
export type { SyntheticIdentity } from './synth/synthetic-identity';
export { type FakeCameraFormat, type FakeCameraOptions, writeFakeCameraFile } from './synth/write-fake-camera-file';
export {
  type SyntheticCardSetOptions,
  type WrittenSyntheticCard,
  writeSyntheticCardSet,
} from './synth/write-synthetic-card-set';
