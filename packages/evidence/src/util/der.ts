import { EvidenceError } from '../errors.js';

/** One DER TLV located inside a buffer (X.690 §8.1). Only definite lengths: we read DER, not arbitrary BER. */
export interface Tlv {
  tag: number;
  /** Offset of the first content byte. */
  start: number;
  /** Offset just past the content. */
  end: number;
  /** Offset of the tag byte. */
  offset: number;
}

export function readTlv(buf: Uint8Array, offset: number, limit = buf.byteLength): Tlv {
  const bad = (why: string): never => {
    throw new EvidenceError('DECRYPTION_FAILED', `malformed DER: ${why}`);
  };
  if (offset + 2 > limit) bad('truncated header');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) bad('multi-byte tags are not used here');
  let lenByte = buf[offset + 1]!;
  let pos = offset + 2;
  let len = lenByte;
  if (lenByte & 0x80) {
    lenByte &= 0x7f;
    if (lenByte === 0) bad('indefinite length');
    if (lenByte > 6) bad('length too large');
    len = 0;
    for (let i = 0; i < lenByte; i++) {
      if (pos >= limit) bad('truncated length');
      len = len * 256 + buf[pos++]!;
    }
  }
  if (pos + len > limit) bad('content runs past its container');
  return { tag, start: pos, end: pos + len, offset };
}

/** The children of a constructed TLV, in order. */
export function readChildren(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let off = parent.start;
  while (off < parent.end) {
    const t = readTlv(buf, off, parent.end);
    out.push(t);
    off = t.end;
  }
  return out;
}

/** DER header (tag + definite length) for a value of `length` bytes. */
export function derHeader(tag: number, length: number): Uint8Array {
  if (length < 0x80) return new Uint8Array([tag, length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return new Uint8Array([tag, 0x80 | bytes.length, ...bytes]);
}

/** Decodes a DER OBJECT IDENTIFIER's content octets (X.690 §8.19) to dotted form. */
export function decodeOid(content: Uint8Array): string {
  const arcs: number[] = [];
  let value = 0;
  for (const b of content) {
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}
