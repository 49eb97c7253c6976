import { describe, expect, it } from 'vitest';
import { randomSerial, toMinimalUnsignedIntegerBytes } from './der-integer.js';
import { compareDer, sortDerSet } from './der-set.js';

describe('minimal INTEGER encoding', () => {
  it('strips redundant leading zero octets', () => {
    expect([...toMinimalUnsignedIntegerBytes(new Uint8Array([0, 0, 0x12, 0x34]))]).toEqual([0x12, 0x34]);
  });
  it('keeps one zero octet in front of a set high bit so the value stays positive', () => {
    expect([...toMinimalUnsignedIntegerBytes(new Uint8Array([0, 0, 0x92]))]).toEqual([0, 0x92]);
    expect([...toMinimalUnsignedIntegerBytes(new Uint8Array([0xff]))]).toEqual([0, 0xff]);
  });
  it('encodes zero as a single octet', () => {
    expect([...toMinimalUnsignedIntegerBytes(new Uint8Array([0, 0]))]).toEqual([0]);
  });
  it('random serials are positive and minimal even when the source starts with 0x00', () => {
    const serial = randomSerial((n) => new Uint8Array(n));
    const bytes = new Uint8Array(serial.valueBlock.valueHexView);
    expect(bytes[0]).toBe(1);
  });
});

describe('DER SET OF ordering', () => {
  it('orders by encoding octets, a prefix first', () => {
    const items = [new Uint8Array([0x31, 2]), new Uint8Array([0x30, 5]), new Uint8Array([0x30])];
    expect(sortDerSet(items, (x) => x).map((x) => [...x])).toEqual([[0x30], [0x30, 5], [0x31, 2]]);
    expect(compareDer(new Uint8Array([1]), new Uint8Array([1]))).toBe(0);
  });
});
