import * as asn1js from 'asn1js';
import { toArrayBuffer } from './der-codec.js';

/**
 * Minimal two's-complement encoding of a non-negative integer given as big-endian bytes
 * (X.690 §8.3.2: the first nine bits must not be all zero or all one). PKI.js writes INTEGER
 * bytes verbatim, so random serials and nonces must pass through here first — a leading 0x00
 * that is not needed makes `openssl ts` reject roughly one request in 128.
 */
export function toMinimalUnsignedIntegerBytes(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  if (trimmed.length === 0) return new Uint8Array([0]);
  if ((trimmed[0] ?? 0) & 0x80) {
    const out = new Uint8Array(trimmed.length + 1);
    out.set(trimmed, 1);
    return out;
  }
  return Uint8Array.from(trimmed);
}

/** An asn1js INTEGER holding `bytes` as an unsigned value, minimally encoded. */
export function minimalUnsignedInteger(bytes: Uint8Array): asn1js.Integer {
  const v = toMinimalUnsignedIntegerBytes(bytes);
  return new asn1js.Integer({ valueHex: toArrayBuffer(v) });
}

/** A random positive serial (RFC 5280 §4.1.2.2: ≤ 20 octets, positive) minimally encoded. */
export function randomSerial(random: (n: number) => Uint8Array, length = 16): asn1js.Integer {
  const bytes = random(length);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  if (bytes[0] === 0) bytes[0] = 0x01;
  return minimalUnsignedInteger(bytes);
}

export function integerToBigInt(value: asn1js.Integer): bigint {
  const bytes = new Uint8Array(value.valueBlock.valueHexView);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  if (bytes.length > 0 && (bytes[0] ?? 0) & 0x80) n -= 1n << BigInt(bytes.length * 8);
  return n;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function hexToBytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
