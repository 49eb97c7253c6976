import { InkError } from '../../ink-error';

/**
 * ISO/IEC 19794-7:2007 §7.4 channel scaling value: 16 bits, exponent E in the top 5 bits, fraction F in
 * the low 11 bits, value = 2^(E−16) · (1 + F/2^11). Range 2^-16 … 65520.
 */
export function encodeScalingValue(value: number): number {
  if (!(value >= 2 ** -16 && value < 2 ** 16)) {
    throw new InkError('VALUE_OUT_OF_RANGE', `比例值 ${value} 超出范围 / Scaling value ${value} out of range`);
  }
  let e = Math.floor(Math.log2(value));
  let f = Math.round((value / 2 ** e - 1) * 2048);
  if (f === 2048) {
    e += 1;
    f = 0;
  }
  const biased = e + 16;
  if (biased < 0 || biased > 31) {
    throw new InkError('VALUE_OUT_OF_RANGE', `比例值 ${value} 超出范围 / Scaling value ${value} out of range`);
  }
  return (biased << 11) | f;
}

export function decodeScalingValue(bits: number): number {
  const e = (bits >> 11) & 0x1f;
  const f = bits & 0x7ff;
  return 2 ** (e - 16) * (1 + f / 2048);
}

/** The value a scaling value will actually carry once written (the encoding keeps 11 fraction bits). */
export function quantizeScalingValue(value: number): number {
  return decodeScalingValue(encodeScalingValue(value));
}
