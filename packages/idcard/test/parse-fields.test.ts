import { describe, expect, it } from 'vitest';
import { parseAddress, parseBirthDate, parseName, parseSexEthnicity } from '../src/parse/parse-fields';

describe('field parsers', () => {
  it('keeps CJK characters of a name', () => {
    expect(parseName(' 欧阳 娜娜\n')).toBe('欧阳娜娜');
    expect(parseName('“王')).toBeNull();
  });
  it('reads sex and ethnicity from one row, tolerating one misread stroke', () => {
    expect(parseSexEthnicity('男   民族 汉')).toEqual({ sex: 'male', ethnicity: '汉' });
    expect(parseSexEthnicity('女 民族 ”柯尔克孜')).toEqual({ sex: 'female', ethnicity: '柯尔克孜' });
    expect(parseSexEthnicity('女   民族 “保妄')).toEqual({ sex: 'female', ethnicity: '保安' });
    // 做佬 is one stroke from both 仡佬 and 仫佬: ambiguous, so unread rather than guessed.
    expect(parseSexEthnicity('女   民族 “做佬').ethnicity).toBeNull();
    expect(parseSexEthnicity('   ')).toEqual({ sex: null, ethnicity: null });
  });
  it('drops a stray leading 一 before the ethnicity (seed 30044 card, 汉) but never guesses past it', () => {
    expect(parseSexEthnicity('男 民 族 一 汉')).toEqual({ sex: 'male', ethnicity: '汉' });
    expect(parseSexEthnicity('男 民 族 一 士').ethnicity).toBeNull();
    expect(parseSexEthnicity('男 民 族 北 俱').ethnicity).toBeNull();
  });
  it('turns the printed birth date into ISO', () => {
    expect(parseBirthDate('1949 年 12 月 31 日')).toBe('1949-12-31');
    expect(parseBirthDate('2003年6月2日')).toBe('2003-06-02');
    expect(parseBirthDate('1949 年 2 月 31 日')).toBeNull();
  });
  it('joins address lines', () => {
    expect(parseAddress('北京市朝阳区建国路41\n1号3号楼')).toBe('北京市朝阳区建国路411号3号楼');
  });
});

describe('parseBirthDate regressions', () => {
  it('reads a lone 1 misread as 工 (seed 20xxx card, 1969-01-01)', () => {
    expect(parseBirthDate('1969年1月工日')).toBe('1969-01-01');
    expect(parseBirthDate('2〇01 年 1O 月 2 日')).toBe('2001-10-02');
  });
  it('keeps a real digit next to a stray 工 (seed 14 card, 1969-11-01)', () => {
    expect(parseBirthDate('1969年11月1工日')).toBe('1969-11-01');
  });
});
