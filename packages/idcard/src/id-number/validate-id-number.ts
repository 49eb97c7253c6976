import { IdCardError } from '../idcard-error';
import { computeCheckChar } from './compute-check-char';
import { PROVINCE_CODES } from './province-codes';

export type Sex = 'male' | 'female';

/** What a valid GB 11643 number encodes. */
export interface IdNumberInfo {
  /** Upper-cased number (a lower-case `x` check character is accepted on input). */
  readonly idNumber: string;
  /** GB/T 2260 division code, digits 1-6. */
  readonly regionCode: string;
  readonly province: string;
  /** ISO date `YYYY-MM-DD`, digits 7-14. */
  readonly birthDate: string;
  /** From the parity of the sequence code, digits 15-17 (GB 11643-1999 §4.3: odd = male). */
  readonly sex: Sex;
}

export interface ValidateIdNumberOptions {
  /** Birth dates after this instant are rejected; defaults to now. */
  readonly now?: Date;
}

/** Validates an 18-character citizen ID number (GB 11643-1999) and returns what it encodes. Throws IdCardError. */
export function validateIdNumber(value: string, options: ValidateIdNumberOptions = {}): IdNumberInfo {
  const idNumber = value.trim().toUpperCase();
  if (idNumber.length !== 18) {
    throw new IdCardError('INVALID_LENGTH', '身份证号码应为 18 位 / The ID number must have 18 characters');
  }
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    throw new IdCardError(
      'INVALID_CHARACTERS',
      '身份证号码只能包含数字，末位可为 X / The ID number may only contain digits and a final X',
    );
  }
  const province = PROVINCE_CODES.get(idNumber.slice(0, 2));
  if (province === undefined || idNumber.slice(2, 6) === '0000') {
    throw new IdCardError('INVALID_REGION', '身份证号码的地址码无效 / The region code of the ID number is not valid');
  }
  const birthDate = parseBirthDigits(idNumber.slice(6, 14), options.now ?? new Date());
  if (computeCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) {
    throw new IdCardError('CHECKSUM_MISMATCH', '身份证号码校验位不符 / The check character of the ID number is wrong');
  }
  return {
    idNumber,
    regionCode: idNumber.slice(0, 6),
    province,
    birthDate,
    sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** True when `validateIdNumber` would accept the value. */
export function isValidIdNumber(value: string, options: ValidateIdNumberOptions = {}): boolean {
  try {
    validateIdNumber(value, options);
    return true;
  } catch {
    return false;
  }
}

function parseBirthDigits(digits: string, now: Date): string {
  const year = Number(digits.slice(0, 4));
  const month = Number(digits.slice(4, 6));
  const day = Number(digits.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const isCalendarDate =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!isCalendarDate || year < 1900 || date.getTime() > now.getTime()) {
    throw new IdCardError(
      'INVALID_BIRTH_DATE',
      '身份证号码中的出生日期无效 / The birth date in the ID number is not valid',
    );
  }
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}
