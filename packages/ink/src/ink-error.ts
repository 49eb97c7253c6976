/** Closed set of failure codes for @inkproof/ink; tests assert these, never messages. */
export type InkErrorCode =
  | 'TRUNCATED'
  | 'BAD_MAGIC'
  | 'UNSUPPORTED_VERSION'
  | 'CHECKSUM_MISMATCH'
  | 'MALFORMED'
  | 'SCHEMA_INVALID'
  | 'VALUE_OUT_OF_RANGE'
  | 'UNSUPPORTED_CHANNEL'
  | 'EMPTY_INK';

/** The one error base of the package. `message` is bilingual (zh-CN first). */
export class InkError extends Error {
  readonly code: InkErrorCode;
  /** Field paths that failed validation, when the error comes from a schema check. */
  readonly paths: readonly string[];

  constructor(code: InkErrorCode, message: string, options: { cause?: unknown; paths?: readonly string[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InkError';
    this.code = code;
    this.paths = options.paths ?? [];
  }
}

export function isInkError(value: unknown, code?: InkErrorCode): value is InkError {
  return value instanceof InkError && (code === undefined || value.code === code);
}
