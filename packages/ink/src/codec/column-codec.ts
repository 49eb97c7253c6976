import { InkError } from '../ink-error';
import type { ByteReader } from './byte-reader';
import { ByteWriter } from './byte-writer';

/** How one column's numbers are stored. Chosen per column so that decoding gives back the very same doubles. */
export const ColumnMode = { ABSENT: 0, SCALED: 1, FLOAT32: 2, FLOAT64: 3 } as const;

const BASE_DENOMINATORS = [...Array.from({ length: 25 }, (_, i) => 2 ** i), 10, 100, 1000, 10_000, 100_000, 1_000_000];

/**
 * Smallest denominator d (and a base) with v = base + round((v - base)·d)/d exactly for every value.
 * Times near 1.7e12 ms are multiples of 2^-12 apart, so d = 4096 always works for them.
 */
function findScale(values: readonly number[], extra: readonly number[]): { base: number; d: number } | undefined {
  const candidates = [...new Set([...BASE_DENOMINATORS, ...extra.filter((d) => Number.isInteger(d) && d > 0)])].sort(
    (a, b) => a - b,
  );
  // Base 0 keeps non-dyadic denominators exact (k/1023); the first value as base keeps epoch times small.
  for (const d of candidates) {
    for (const base of [0, values[0]!]) {
      if (values.every((v) => isExact(v, base, d))) return { base, d };
    }
  }
  return undefined;
}

function isExact(v: number, base: number, d: number): boolean {
  const n = Math.round((v - base) * d);
  return Math.abs(n) <= 2 ** 52 && base + n / d === v;
}

/** Encodes a column of optional numbers: presence, then delta + zigzag varints of scaled integers when exact. */
export function encodeColumn(
  values: readonly (number | undefined)[],
  extraDenominators: readonly number[] = [],
): Uint8Array {
  const w = new ByteWriter();
  const present = values.filter((v): v is number => v !== undefined);
  if (present.length === 0) {
    w.u8(ColumnMode.ABSENT);
    return w.finish();
  }
  const scale = findScale(present, extraDenominators);
  const mode =
    scale !== undefined
      ? ColumnMode.SCALED
      : present.every((v) => Math.fround(v) === v)
        ? ColumnMode.FLOAT32
        : ColumnMode.FLOAT64;
  w.u8(mode);
  if (present.length === values.length) w.u8(0);
  else {
    w.u8(1);
    const bitmap = new Uint8Array(Math.ceil(values.length / 8));
    values.forEach((v, i) => {
      if (v !== undefined) bitmap[i >> 3]! |= 1 << (i & 7);
    });
    w.bytes(bitmap);
  }
  if (mode === ColumnMode.SCALED) {
    const { base, d } = scale!;
    w.f64(base);
    w.varuint(d);
    let previous = 0;
    for (const v of present) {
      const n = Math.round((v - base) * d);
      w.varint(n - previous);
      previous = n;
    }
  } else if (mode === ColumnMode.FLOAT32) for (const v of present) w.f32(v);
  else for (const v of present) w.f64(v);
  return w.finish();
}

export function decodeColumn(r: ByteReader, count: number): (number | undefined)[] {
  const mode = r.u8();
  if (mode === ColumnMode.ABSENT) return new Array<number | undefined>(count).fill(undefined);
  if (mode > ColumnMode.FLOAT64) throw new InkError('MALFORMED', `未知的列编码 ${mode} / Unknown column mode ${mode}`);
  const presence = r.u8();
  let bitmap: Uint8Array | undefined;
  if (presence === 1) bitmap = r.bytes(Math.ceil(count / 8));
  else if (presence !== 0) throw new InkError('MALFORMED', '列存在标记无效 / Invalid column presence flag');
  const isPresent = (i: number) => (bitmap ? ((bitmap[i >> 3]! >> (i & 7)) & 1) === 1 : true);
  const out: (number | undefined)[] = [];
  let base = 0;
  let d = 1;
  let previous = 0;
  if (mode === ColumnMode.SCALED) {
    base = r.f64();
    d = r.varuint();
    if (d === 0) throw new InkError('MALFORMED', '列分母为零 / Zero column denominator');
  }
  for (let i = 0; i < count; i++) {
    if (!isPresent(i)) {
      out.push(undefined);
      continue;
    }
    if (mode === ColumnMode.SCALED) {
      previous += r.varint();
      out.push(base + previous / d);
    } else out.push(mode === ColumnMode.FLOAT32 ? r.f32() : r.f64());
  }
  return out;
}
