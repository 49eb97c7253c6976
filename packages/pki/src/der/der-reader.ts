/**
 * A strict DER TLV reader (X.690 §8.1, §10.1): single-octet identifiers (tag numbers < 31),
 * definite lengths in the shortest form, no trailing bytes inside a parent. Anything else —
 * BER indefinite lengths, long tags — makes it return undefined so that callers fall back to
 * the general asn1js/PKI.js decoder. It allocates nothing but the small records it returns,
 * which is what makes it fast next to asn1js's object-per-node trees.
 */
export interface Tlv {
  /** The identifier octet: class (bits 8-7), constructed (bit 6), tag number (bits 5-1). */
  tag: number;
  /** Offset of the identifier octet. */
  start: number;
  /** Offset of the first content octet. */
  contentStart: number;
  /** Offset just past the element. */
  end: number;
}

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  sequence: 0x30,
  set: 0x31,
  context0: 0xa0,
  context1: 0xa1,
} as const;

export function readTlv(buf: Uint8Array, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = buf[offset] as number;
  if ((tag & 0x1f) === 0x1f) return undefined;
  let length = buf[offset + 1] as number;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    // 0x80 is BER's indefinite form; more than 4 length octets is beyond anything we accept.
    if (octets === 0 || octets > 4 || contentStart + octets > limit) return undefined;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + (buf[contentStart + i] as number);
    // DER: the shortest form (no leading zero octet, long form only from 128 on).
    if (buf[contentStart] === 0 || length < 128) return undefined;
    contentStart += octets;
  }
  const end = contentStart + length;
  if (end > limit) return undefined;
  return { tag, start: offset, contentStart, end };
}

/** The elements inside a constructed TLV, or undefined when they do not exactly fill it. */
export function readChildren(buf: Uint8Array, parent: Tlv): Tlv[] | undefined {
  if (!(parent.tag & 0x20)) return undefined;
  const out: Tlv[] = [];
  let offset = parent.contentStart;
  while (offset < parent.end) {
    const child = readTlv(buf, offset, parent.end);
    if (!child) return undefined;
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function tlvBytes(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.start, tlv.end);
}

export function tlvContent(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.contentStart, tlv.end);
}

/** DER identifier and length octets for `length` content octets of `tag`. */
export function derHeader(tag: number, length: number): Uint8Array {
  if (length < 128) return new Uint8Array([tag, length]);
  const octets: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) octets.unshift(n % 256);
  return new Uint8Array([tag, 0x80 | octets.length, ...octets]);
}

/** Dotted OBJECT IDENTIFIER from its content octets (X.690 §8.19). */
export function oidFromContent(content: Uint8Array): string | undefined {
  if (content.length === 0) return undefined;
  const arcs: number[] = [];
  let value = 0;
  for (let i = 0; i < content.length; i++) {
    const byte = content[i] as number;
    if (value === 0 && byte === 0x80) return undefined; // non-minimal subidentifier
    value = value * 128 + (byte & 0x7f);
    if (value > Number.MAX_SAFE_INTEGER) return undefined;
    if (!(byte & 0x80)) {
      arcs.push(value);
      value = 0;
    } else if (i === content.length - 1) return undefined;
  }
  const first = arcs.shift() as number;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}
