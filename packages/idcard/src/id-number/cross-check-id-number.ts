import type { IdNumberInfo, Sex } from './validate-id-number';

export type CrossCheckMismatch = 'BIRTH_DATE_MISMATCH' | 'SEX_MISMATCH';

/** Printed fields of the card that the number also encodes. */
export interface CardPrintedFields {
  /** ISO `YYYY-MM-DD` as read from the 出生 field. */
  readonly birthDate?: string | null;
  readonly sex?: Sex | null;
}

/**
 * Compares the birth date and sex encoded in a validated number (GB 11643 §4.2-4.3) with the printed fields.
 * Missing printed fields are not mismatches; the caller decides whether a missing field is acceptable.
 */
export function crossCheckIdNumber(info: IdNumberInfo, printed: CardPrintedFields): CrossCheckMismatch[] {
  const mismatches: CrossCheckMismatch[] = [];
  if (printed.birthDate != null && printed.birthDate !== info.birthDate) mismatches.push('BIRTH_DATE_MISMATCH');
  if (printed.sex != null && printed.sex !== info.sex) mismatches.push('SEX_MISMATCH');
  return mismatches;
}
