/** Closed set of failure codes of the kiosk app; tests assert these, not messages. */
export type KioskErrorCode =
  | 'NETWORK'
  | 'UNAUTHORIZED'
  | 'REVOKED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'IDEMPOTENCY_MISMATCH'
  | 'SERVER'
  | 'BAD_RESPONSE'
  | 'STORAGE'
  | 'CAMERA_UNAVAILABLE'
  | 'PAD_UNAVAILABLE';

export class KioskError extends Error {
  override readonly name = 'KioskError';
  constructor(
    readonly code: KioskErrorCode,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
  }
  readonly status: number | undefined;

  /** Worth retrying later: the request may not have reached the server, or the server failed transiently. */
  get isTransient(): boolean {
    return this.code === 'NETWORK' || this.code === 'SERVER';
  }
}

export const isKioskError = (value: unknown): value is KioskError => value instanceof KioskError;
