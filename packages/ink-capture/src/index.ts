// Public surface of @inkproof/ink-capture (pinned by test/public-surface.test.ts). Importing has no side effects.
export { CaptureError, type CaptureErrorCode } from './capture-error';
export { parseBridgeUrl } from './fingerprint/bridge-url';
export { FingerprintError, type FingerprintErrorCode, isFingerprintError } from './fingerprint/fingerprint-error';
export type {
  FingerprintCaptureOptions,
  FingerprintImage,
  FingerprintReader,
  FingerprintReaderStatus,
} from './fingerprint/fingerprint-reader';
export { LocalBridgeFingerprintReader, type LocalBridgeOptions } from './fingerprint/local-bridge-reader';
export { type BrowserPngEncoder, type PngConversion, toPng } from './fingerprint/to-png';
export { getHid, type Hid, type HidDevice, type HidDeviceFilter, type HidInputReportEvent } from './hid/hid-types';
export { findButtonArea, TapTracker, toScreenPixel } from './pads/button-hit-test';
export { DeviceClock } from './pads/device-clock';
export {
  decodeEsp370uReport,
  ESP370U_FEATURE_REPORT,
  ESP370U_INPUT_REPORT,
  ESP370U_PRODUCT_ID,
  Esp370uCommand,
  type Esp370uPenReport,
  encodeEsp370uReport,
  HANVON_VENDOR_ID,
} from './pads/hanvon/esp370u-reports';
export { HanvonEsp370uDriver, type HanvonOptions } from './pads/hanvon/hanvon-esp370u-driver';
export type {
  PadAction,
  PadButtonArea,
  PadCapabilities,
  PadDriver,
  PadEventMap,
  PadImage,
  PadImageEncoding,
  PadListener,
  PadPenSample,
  PadPrompt,
} from './pads/pad-driver';
export { PadInkRecorder, type PadInkRecorderOptions } from './pads/pad-ink-recorder';
export { layoutPadPrompt, PAD_PROMPT_TEXT, renderPadPrompt } from './pads/pad-prompt';
export { PadSession, type PadSessionHandlers } from './pads/pad-session';
export { encodeStuImage } from './pads/wacom-stu/stu-image';
export { STU_MODELS, WACOM_VENDOR_ID } from './pads/wacom-stu/stu-models';
export {
  decodeCapability,
  decodeHandwritingArea,
  decodeInformation,
  decodePenData,
  decodePenDataTimeCountSequence,
  decodeStatus,
  encodeHandwritingArea,
  encodeImageBlocks,
  encodePenData,
  encodePenDataTimeCountSequence,
  PenDataOptionMode,
  STU_IMAGE_BLOCK_SIZE,
  type StuCapability,
  StuEncodingMode,
  type StuInformation,
  type StuPenData,
  type StuPenDataTimed,
  StuReport,
  type StuStatus,
  StuStatusCode,
} from './pads/wacom-stu/stu-reports';
export { WacomStuDriver, type WacomStuOptions } from './pads/wacom-stu/wacom-stu-driver';
export { PalmRejection, type PalmRejectionOptions } from './pointer/palm-rejection';
export { PointerRecorder, type PointerRecorderOptions } from './pointer/pointer-recorder';
export { isDuplicateSample, type PointerLike, toInkSample, toPointerKind } from './pointer/pointer-sample';
export { lockScroll } from './pointer/scroll-lock';
export { LiveInkCanvas, type LiveInkOptions } from './render/live-ink-canvas';
export { replayInk } from './render/replay-ink';
export { InkSession } from './session/ink-session';
export {
  type FakeHidConfig,
  type FakeHidHandle,
  fakeHidInitScript,
  installFakeHid,
  type PadReportStream,
} from './sim/install-fake-hid';
export { buildEsp370uReportStream, buildStuReportStream } from './sim/pad-report-stream';
