/** Closed set of failure codes for @inkproof/ink-capture; tests assert these, never messages. */
export type CaptureErrorCode =
  | 'HID_UNAVAILABLE'
  | 'DEVICE_NOT_SELECTED'
  | 'UNSUPPORTED_DEVICE'
  | 'DEVICE_NOT_OPEN'
  | 'REPORT_MALFORMED'
  | 'IMAGE_UPLOAD_FAILED'
  | 'STATUS_TIMEOUT'
  | 'NOT_RECORDING';

/** The one error base of the package. `message` is bilingual (zh-CN first) and says what to do next. */
export class CaptureError extends Error {
  readonly code: CaptureErrorCode;

  constructor(code: CaptureErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CaptureError';
    this.code = code;
  }
}
