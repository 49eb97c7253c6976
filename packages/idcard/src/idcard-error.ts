/** Closed set of failure codes for @inkproof/idcard; tests assert these, never messages. */
export type IdCardErrorCode =
  | 'INVALID_LENGTH'
  | 'INVALID_CHARACTERS'
  | 'INVALID_REGION'
  | 'INVALID_BIRTH_DATE'
  | 'CHECKSUM_MISMATCH'
  | 'IMAGE_UNREADABLE'
  | 'IMAGE_TOO_LARGE'
  | 'NO_CARD_FOUND'
  | 'OCR_FAILED'
  | 'READER_CLOSED'
  | 'BAD_ARGUMENTS';

/** The one error base of the package. `message` is bilingual (zh-CN first) and never contains an ID number. */
export class IdCardError extends Error {
  readonly code: IdCardErrorCode;

  constructor(code: IdCardErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IdCardError';
    this.code = code;
  }
}

export function isIdCardError(value: unknown, code?: IdCardErrorCode): value is IdCardError {
  return value instanceof IdCardError && (code === undefined || value.code === code);
}
