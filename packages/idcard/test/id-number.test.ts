import { describe, expect, it } from 'vitest';
import {
  computeCheckChar,
  crossCheckIdNumber,
  findIdNumberInText,
  type IdCardErrorCode,
  isIdCardError,
  isValidIdNumber,
  maskIdNumber,
  validateIdNumber,
} from '../src/index';

/** GB 11643-1999 example and STANDARDS.md vector. */
const EXAMPLE = '11010519491231002X';
const NOW = new Date('2026-11-22T00:00:00Z');

function codeOf(value: string): IdCardErrorCode | undefined {
  try {
    validateIdNumber(value, { now: NOW });
    return undefined;
  } catch (error) {
    if (isIdCardError(error)) return error.code;
    throw error;
  }
}

describe('validateIdNumber (GB 11643)', () => {
  it('accepts the standard example and decodes region, birth date and sex', () => {
    expect(validateIdNumber(EXAMPLE, { now: NOW })).toEqual({
      idNumber: EXAMPLE,
      regionCode: '110105',
      province: '北京市',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  it('computes the check character with weights 7,9,10,…,2 and "10X98765432"', () => {
    expect(computeCheckChar('11010519491231002')).toBe('X');
    // 1*7+1*9+0+1*5+0+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0+0+1*2 = 165 → 165 % 11 = 0 → '1'
    expect(computeCheckChar('11010519491231001')).toBe('1');
    expect(computeCheckChar('1101051949123100')).toBeUndefined();
  });

  it('accepts a lower-case x and odd sequence as male', () => {
    const info = validateIdNumber('110105194912310011', { now: NOW });
    expect(info.sex).toBe('male');
    expect(validateIdNumber(EXAMPLE.toLowerCase(), { now: NOW }).idNumber).toBe(EXAMPLE);
  });

  it.each([
    ['1101051949123100', 'INVALID_LENGTH'],
    ['11010519491231002X1', 'INVALID_LENGTH'],
    ['1101051949123100A2', 'INVALID_CHARACTERS'],
    ['X10105194912310021', 'INVALID_CHARACTERS'],
    ['990105194912310028', 'INVALID_REGION'],
    ['110000194912310023', 'INVALID_REGION'],
    ['110105194902300021', 'INVALID_BIRTH_DATE'],
    ['110105189912310021', 'INVALID_BIRTH_DATE'],
    ['110105203001010028', 'INVALID_BIRTH_DATE'],
    ['110105194912310021', 'CHECKSUM_MISMATCH'],
  ] as const)('rejects %s with %s', (value, code) => {
    expect(codeOf(value)).toBe(code);
    expect(isValidIdNumber(value, { now: NOW })).toBe(false);
  });

  it('never puts the number into the error message', () => {
    try {
      validateIdNumber('110105194912310021', { now: NOW });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('110105');
    }
  });
});

describe('maskIdNumber', () => {
  it('keeps the region code and the last four', () => {
    expect(maskIdNumber('110105194912311239')).toBe('110105********1239');
    expect(maskIdNumber(' 11010519491231002x ')).toBe('110105********002X');
  });
  it('masks anything that is not 18 characters entirely', () => {
    expect(maskIdNumber('12345')).toBe('*****');
  });
});

describe('crossCheckIdNumber', () => {
  const info = validateIdNumber(EXAMPLE, { now: NOW });
  it('agrees with matching printed fields and ignores missing ones', () => {
    expect(crossCheckIdNumber(info, { birthDate: '1949-12-31', sex: 'female' })).toEqual([]);
    expect(crossCheckIdNumber(info, { birthDate: null })).toEqual([]);
  });
  it('reports each mismatch', () => {
    expect(crossCheckIdNumber(info, { birthDate: '1949-12-30', sex: 'male' })).toEqual([
      'BIRTH_DATE_MISMATCH',
      'SEX_MISMATCH',
    ]);
  });
});

describe('findIdNumberInText', () => {
  it('finds the checksum-valid run among noise digits', () => {
    expect(findIdNumberInText(`7 ${EXAMPLE.slice(0, 9)} ${EXAMPLE.slice(9)}8`, { now: NOW })).toBe(EXAMPLE);
    expect(findIdNumberInText(`31${EXAMPLE}`, { now: NOW })).toBe(EXAMPLE);
  });
  it('returns undefined when no run passes', () => {
    expect(findIdNumberInText('110105194912310021', { now: NOW })).toBeUndefined();
    expect(findIdNumberInText('', { now: NOW })).toBeUndefined();
  });
});
