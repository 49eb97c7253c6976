// Public surface of @inkproof/ink (pinned by src/public-surface.test.ts).

export { decodeInkBinary, encodeInkBinary, INK_BINARY_MEDIA_TYPE, INK_BINARY_VERSION } from './codec/binary-codec';
export { exportInkML } from './codec/export-inkml';
export { exportIso19794_7 } from './codec/iso19794-7/export-iso19794-7';
export { type IsoImportOptions, importIso19794_7 } from './codec/iso19794-7/import-iso19794-7';
export type { IsoChannel, IsoChannelDescription, IsoSignatureRecord } from './codec/iso19794-7/iso-channels';
export { readIsoRecord } from './codec/iso19794-7/read-iso-record';
export { decodeScalingValue, encodeScalingValue } from './codec/iso19794-7/scaling-value';
export { writeIsoRecord } from './codec/iso19794-7/write-iso-record';
export { decodeInkJson, encodeInkJson } from './codec/json-codec';
export { type CompareOptions, compareSignatures } from './compare/compare-signatures';
export { computeEqualErrorRate } from './compare/equal-error-rate';
export { createSeededRandom } from './compare/seeded-random';
export {
  generateSyntheticSignature,
  generateSyntheticWriterSet,
  type SyntheticWriterSet,
} from './compare/synthetic-signatures';
export { InkError, type InkErrorCode, isInkError } from './ink-error';
export { type BoundingBox, getBoundingBox } from './metrics/bounding-box';
export {
  checkSignatureValidity,
  getStraightness,
  type InvalidSignatureReason,
  type SignatureValidity,
  type SignatureValidityOptions,
} from './metrics/check-signature-validity';
export { getKinematicSeries, type KinematicPoint } from './metrics/kinematic-series';
export { getDuration, getPathLength, getPenDownDuration, measureSampleRate } from './metrics/path-metrics';
export { resampleStroke } from './metrics/resample-stroke';
export {
  createInkDocument,
  INK_FORMAT_VERSION,
  INK_MEDIA_TYPE,
  type TInkCaptureContext,
  type TInkDocument,
  type TInkEvent,
  type TInkSample,
  type TInkStroke,
  type TPointerKind,
  ZInkCaptureContextSchema,
  ZInkDocumentSchema,
  ZInkEventSchema,
  ZInkSampleSchema,
  ZInkStrokeSchema,
} from './model/ink-document';
export { parseInkDocument } from './model/parse-ink-document';
export { getVisibleSamples, getVisibleStrokes } from './model/visible-strokes';
export { getInkOutlines, type Outline, type OutlineOptions } from './render/ink-outline';
export { outlinesToSvgPath } from './render/outline-path';
export {
  type BoxOptions,
  renderInkPdfOperators,
  renderInkPdfSvgPath,
  renderInkSvgDocument,
  renderInkSvgPath,
} from './render/render-ink';
