import { describe, expect, it } from 'vitest';
import { isIdNumberField, maskIdNumber, maskIdNumbersIn } from '../../src/report/mask-id-number.js';

describe('maskIdNumber', () => {
  it('keeps the region code and the last four of an 18-character resident ID number', () => {
    expect(maskIdNumber('110105194912311239')).toBe('110105********1239');
    expect(maskIdNumber('21010219470628083X')).toBe('210102********083X');
  });

  it('hides all but the ends of anything else', () => {
    expect(maskIdNumber('E12345678')).toBe('E1*****78');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('masks numbers inside free text and recognises ID-number field names', () => {
    expect(maskIdNumbersIn('证号 110105194912311239 已核对')).toBe('证号 110105********1239 已核对');
    expect(isIdNumberField('idNumber')).toBe(true);
    expect(isIdNumberField('公民身份号码')).toBe(true);
    expect(isIdNumberField('name')).toBe(false);
  });
});
