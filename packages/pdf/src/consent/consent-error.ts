import { PdfError, type PdfErrorCode } from '../errors.js';

/** Closed set of consent-form failure reasons. Tests assert these, not messages. */
export type TConsentErrorCode =
  | 'INVALID_TEMPLATE'
  | 'INVALID_FORM_DATA'
  | 'FONT_NOT_FOUND'
  | 'FONT_INVALID'
  | 'LAYOUT_FAILED'
  | 'UNSUPPORTED_CHARACTERS';

/** One failing field: `path` is the zod-style path into the input (e.g. `['patientName']`). */
export interface TConsentIssue {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Package-level code for each reason, so one status map over `PdfError.code` covers consent errors too. */
const PACKAGE_CODE: Record<TConsentErrorCode, PdfErrorCode> = {
  INVALID_TEMPLATE: 'INVALID_ARGUMENT',
  INVALID_FORM_DATA: 'INVALID_ARGUMENT',
  FONT_NOT_FOUND: 'FONT_UNAVAILABLE',
  FONT_INVALID: 'FONT_UNAVAILABLE',
  LAYOUT_FAILED: 'INVALID_ARGUMENT',
  UNSUPPORTED_CHARACTERS: 'INVALID_ARGUMENT',
};

/**
 * A `PdfError` raised by consent-form code. `consentCode` is the specific reason; `message` is bilingual
 * (zh-CN first) and says what to do next; `issues` lists every failing field path for validation errors.
 */
export class ConsentError extends PdfError {
  readonly consentCode: TConsentErrorCode;
  readonly issues: readonly TConsentIssue[];

  constructor(code: TConsentErrorCode, message: string, options: { cause?: unknown; issues?: TConsentIssue[] } = {}) {
    super(PACKAGE_CODE[code], message, options.cause === undefined ? undefined : { cause: options.cause });
    this.consentCode = code;
    this.issues = options.issues ?? [];
  }
}

/** Narrowing helper; with `code`, also checks the reason. */
export function isConsentError(value: unknown, code?: TConsentErrorCode): value is ConsentError {
  return value instanceof ConsentError && (code === undefined || value.consentCode === code);
}
