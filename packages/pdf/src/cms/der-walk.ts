/** A DER/BER TLV (X.690 §8.1): `start`/`end` bound the contents, `from` is where the tag starts. */
export interface Tlv {
  tag: number;
  from: number;
  start: number;
  end: number;
}

/** Reads the TLV at `pos`; handles BER indefinite lengths (X.690 §8.1.3.6) by walking to the end-of-contents. */
export function readTlv(b: Uint8Array, pos: number, limit = b.length): Tlv {
  const tag = b[pos];
  if (tag === undefined || (tag & 0x1f) === 0x1f) throw new Error('unsupported tag');
  let p = pos + 1;
  const first = b[p++];
  if (first === undefined) throw new Error('truncated');
  if (first === 0x80) {
    if ((tag & 0x20) === 0) throw new Error('indefinite primitive');
    let q = p;
    while (!(b[q] === 0 && b[q + 1] === 0)) {
      if (q >= limit) throw new Error('unterminated indefinite length');
      q = readTlv(b, q, limit).end + (b[q + 1] === 0x80 ? 2 : 0);
    }
    return { tag, from: pos, start: p, end: q };
  }
  let len = first;
  if (first > 0x80) {
    const n = first & 0x7f;
    if (n > 4) throw new Error('length too long');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (b[p++] ?? 0);
  }
  if (p + len > limit) throw new Error('length beyond parent');
  return { tag, from: pos, start: p, end: p + len };
}

/** The children of a constructed TLV (indefinite-length children carry their 2-byte EOC after `end`). */
export function children(b: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let p = parent.start;
  while (p < parent.end) {
    const t = readTlv(b, p, parent.end);
    out.push(t);
    p = t.end + (b[t.from + 1] === 0x80 ? 2 : 0);
  }
  return out;
}

/** Bytes of a whole TLV, tag to end (re-encoding an indefinite one is not needed for our callers). */
export const whole = (b: Uint8Array, t: Tlv): Uint8Array =>
  b.subarray(t.from, t.end + (b[t.from + 1] === 0x80 ? 2 : 0));

export const contents = (b: Uint8Array, t: Tlv): Uint8Array => b.subarray(t.start, t.end);

/** Dotted OID from the contents of an OBJECT IDENTIFIER (X.690 §8.19). */
export function oidOf(b: Uint8Array, t: Tlv): string {
  const parts: number[] = [];
  let v = 0;
  for (let i = t.start; i < t.end; i++) {
    v = v * 128 + (b[i]! & 0x7f);
    if ((b[i]! & 0x80) === 0) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}
