import type { Sex } from '../id-number/validate-id-number';

/** Why a result needs a human look; never carries the number itself. */
export type IdCardWarning =
  | 'CARD_NOT_DETECTED'
  | 'CARD_UPSIDE_DOWN'
  | 'ID_NUMBER_NOT_FOUND'
  | 'ID_NUMBER_INVALID'
  | 'BIRTH_DATE_MISMATCH'
  | 'SEX_MISMATCH'
  | 'NAME_UNREAD'
  | 'SEX_UNREAD'
  | 'ETHNICITY_UNREAD'
  | 'BIRTH_DATE_UNREAD'
  | 'ADDRESS_UNREAD';

/**
 * Per-field confidence, 0-1: tesseract's mean word confidence for the crop the value came from (for a name voted
 * from several readings, their mean scaled by the weakest per-character agreement); 0 if unread.
 */
export interface IdCardConfidence {
  readonly name: number;
  readonly sex: number;
  readonly ethnicity: number;
  readonly birthDate: number;
  readonly address: number;
  readonly idNumber: number;
}

/** Fields read from the card front. Values are null when they could not be read. */
export interface IdCardOcrResult {
  readonly name: string | null;
  readonly sex: Sex | null;
  readonly ethnicity: string | null;
  /** ISO `YYYY-MM-DD` as printed in the 出生 field. */
  readonly birthDate: string | null;
  readonly address: string | null;
  /** The number when a checksum-valid run was found, else the 18 characters read (then `idNumberValid` is false). */
  readonly idNumber: string | null;
  readonly idNumberValid: boolean;
  readonly confidence: IdCardConfidence;
  readonly warnings: readonly IdCardWarning[];
}
