import { isDict, isNumber, isStream, PdfDict, type PdfValue } from '../core/objects.js';
import { PdfError } from '../errors.js';
import { decodeStream } from './filters.js';
import { Lexer } from './lexer.js';
import { ObjectParser } from './parse-object.js';

export type XrefEntry =
  | { type: 'free'; gen: number }
  | { type: 'offset'; offset: number; gen: number }
  | { type: 'compressed'; stream: number; index: number };

export interface XrefSection {
  /** Where the section really starts (may differ from the announced offset in mildly broken files). */
  offset: number;
  kind: 'table' | 'stream' | 'hybrid';
  trailer: PdfDict;
  entries: Map<number, XrefEntry>;
  /** Byte just after the section (trailer dict or xref stream object). */
  end: number;
  /** For xref streams: the stream's object number. */
  streamObject?: number;
}

/** How far a wrong startxref/Prev offset may be off before we give up (pyHanko's "mildly malformed"). */
const SLACK = 16;

/** Reads the cross-reference section at `announced` (§7.5.4 table, §7.5.8 stream, §7.5.8.4 hybrid). */
export function readXrefSection(bytes: Uint8Array, announced: number): XrefSection {
  for (let d = 0; d <= SLACK; d++) {
    for (const off of d === 0 ? [announced] : [announced - d, announced + d]) {
      if (off < 0 || off >= bytes.length) continue;
      const section = tryRead(bytes, off);
      if (section) return section;
    }
  }
  throw new PdfError('XREF_NOT_FOUND', `no cross-reference section at offset ${announced}`);
}

function tryRead(bytes: Uint8Array, off: number): XrefSection | undefined {
  const lx = new Lexer(bytes, off);
  if (lx.matchKeyword('xref') && lx.pos - 4 === off) return readTable(bytes, off, lx.pos);
  const c = bytes[off];
  if (c === undefined || c < 0x30 || c > 0x39 || (off > 0 && bytes[off - 1]! >= 0x30 && bytes[off - 1]! <= 0x39)) {
    return undefined;
  }
  try {
    const p = new ObjectParser(bytes, off);
    const obj = p.readIndirectObject();
    if (!isStream(obj.value) || !isDict(obj.value.dict)) return undefined;
    const entries = readStreamEntries(obj.value.dict, decodeStream(obj.value));
    return { offset: off, kind: 'stream', trailer: obj.value.dict, entries, end: p.pos, streamObject: obj.num };
  } catch {
    return undefined;
  }
}

function readTable(bytes: Uint8Array, off: number, pos: number): XrefSection {
  const lx = new Lexer(bytes, pos);
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    lx.skipWhitespace();
    if (lx.matchKeyword('trailer')) break;
    const start = lx.readUint();
    lx.skipWhitespace();
    const count = lx.readUint();
    if (start === undefined || count === undefined)
      throw new PdfError('MALFORMED_PDF', `bad xref subsection @${lx.pos}`);
    for (let i = 0; i < count; i++) {
      lx.skipWhitespace();
      const a = lx.readUint();
      lx.skipWhitespace();
      const g = lx.readUint();
      lx.skipWhitespace();
      const t = lx.readRegular();
      if (a === undefined || g === undefined || (t !== 'n' && t !== 'f')) {
        throw new PdfError('MALFORMED_PDF', `bad xref entry @${lx.pos}`);
      }
      // §7.5.4: the first subsection for one object number wins inside a section.
      if (!entries.has(start + i)) {
        entries.set(start + i, t === 'n' ? { type: 'offset', offset: a, gen: g } : { type: 'free', gen: g });
      }
    }
  }
  const p = new ObjectParser(bytes, lx.pos);
  const trailer = p.readValue();
  if (!isDict(trailer)) throw new PdfError('MALFORMED_PDF', 'trailer is not a dictionary');
  const section: XrefSection = { offset: off, kind: 'table', trailer, entries, end: p.pos };
  const stm = trailer.get('XRefStm');
  if (isNumber(stm)) {
    // Hybrid file: objects hidden from pre-1.5 readers live in the xref stream and take precedence over free entries.
    const hidden = tryRead(bytes, stm);
    if (hidden?.kind !== 'stream') throw new PdfError('MALFORMED_PDF', 'bad /XRefStm');
    for (const [n, e] of hidden.entries) {
      const cur = entries.get(n);
      if (!cur || cur.type === 'free') entries.set(n, e);
    }
    section.kind = 'hybrid';
  }
  return section;
}

function readStreamEntries(dict: PdfDict, data: Uint8Array): Map<number, XrefEntry> {
  const w = dict.get('W');
  const size = dict.get('Size');
  if (!Array.isArray(w) || w.length < 3 || !w.every(isNumber) || !isNumber(size)) {
    throw new PdfError('MALFORMED_PDF', 'bad xref stream /W or /Size');
  }
  const [w0, w1, w2] = w as number[];
  const indexRaw = dict.get('Index');
  const index: PdfValue[] = Array.isArray(indexRaw) ? indexRaw : [0, size];
  const rowLen = w0! + w1! + w2!;
  const entries = new Map<number, XrefEntry>();
  let pos = 0;
  const field = (width: number, dflt: number): number => {
    if (width === 0) return dflt;
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + (data[pos++] ?? 0);
    return v;
  };
  for (let s = 0; s + 1 < index.length; s += 2) {
    const first = index[s];
    const count = index[s + 1];
    if (!isNumber(first) || !isNumber(count)) throw new PdfError('MALFORMED_PDF', 'bad xref stream /Index');
    for (let i = 0; i < count && pos + rowLen <= data.length; i++) {
      const type = field(w0!, 1);
      const f2 = field(w1!, 0);
      const f3 = field(w2!, 0);
      const n = first + i;
      if (entries.has(n)) continue;
      if (type === 0) entries.set(n, { type: 'free', gen: f3 });
      else if (type === 1) entries.set(n, { type: 'offset', offset: f2, gen: f3 });
      else if (type === 2) entries.set(n, { type: 'compressed', stream: f2, index: f3 });
    }
  }
  return entries;
}

export const emptyTrailer = (): PdfDict => new PdfDict();
