/** Failures the CLI reports with a message and exit code 2 (usage) or 1 (everything else). */
export type CliErrorCode = 'USAGE' | 'INPUT_NOT_FOUND' | 'INVALID_INK' | 'INVALID_RECT' | 'UNSUPPORTED';

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: CliErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const exitCodeFor = (e: CliError): number => (e.code === 'USAGE' ? 2 : 1);
