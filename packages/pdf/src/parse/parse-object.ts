import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from '../core/objects.js';
import { indexOf, isRegular, isWhitespace, Lexer } from './lexer.js';

const MAX_DEPTH = 200;

/** Resolves an indirect /Length while a stream is parsed; undefined when unknown. */
export type LengthResolver = (ref: PdfRef) => number | undefined;

export class ObjectParser extends Lexer {
  constructor(
    bytes: Uint8Array,
    pos = 0,
    private readonly resolveLength?: LengthResolver,
  ) {
    super(bytes, pos);
  }

  /** Parses one direct value (§7.3), recognising `n g R` references. */
  readValue(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.skipWhitespace();
    const c = this.peek();
    if (c === undefined) this.fail('unexpected end of file');
    if (c === 0x2f) return this.readName();
    if (c === 0x28) return this.readLiteralString();
    if (c === 0x3c) {
      if (this.peek(1) === 0x3c) return this.readDict(depth);
      return this.readHexString();
    }
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWhitespace();
        if (this.peek() === 0x5d) {
          this.pos++;
          return arr;
        }
        arr.push(this.readValue(depth + 1));
      }
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.readNumberOrRef();
    const word = this.readRegular();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return this.fail(`unexpected token "${word || String.fromCharCode(c)}"`);
  }

  private readNumberOrRef(): number | PdfRef {
    const save0 = this.pos;
    const int = this.readUint();
    if (int !== undefined && !isRegular(this.peek())) {
      // An unsigned integer may start "n g R" (§7.3.10).
      const save = this.pos;
      this.skipWhitespace();
      const gen = this.readUint();
      if (gen !== undefined && !isRegular(this.peek())) {
        this.skipWhitespace();
        if (this.peek() === 0x52 && !isRegular(this.peek(1))) {
          this.pos++;
          return new PdfRef(int, gen);
        }
      }
      this.pos = save;
      return int;
    }
    this.pos = save0;
    const token = this.readRegular();
    const num = Number(token);
    if (Number.isFinite(num)) return num;
    // Tolerate sloppy reals such as "--1" or "1.2.3" by reading the leading numeric part (§7.3.3 readers are lenient).
    const m = /^[+-]*(\d*\.?\d*)/.exec(token);
    return Number(m?.[1] || 0) || 0;
  }

  private readName(): PdfName {
    this.pos++;
    const b = this.bytes;
    const out: number[] = [];
    while (isRegular(b[this.pos])) {
      const c = b[this.pos++]!;
      if (c === 0x23 && this.pos + 1 < b.length) {
        const h = Number.parseInt(String.fromCharCode(b[this.pos]!, b[this.pos + 1]!), 16);
        if (!Number.isNaN(h)) {
          out.push(h);
          this.pos += 2;
          continue;
        }
      }
      out.push(c);
    }
    return new PdfName(Buffer.from(out).toString('latin1'));
  }

  private readLiteralString(): PdfString {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const e = b[this.pos++];
        if (e === undefined) break;
        const map: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12, 40: 40, 41: 41, 92: 92 };
        if (map[e] !== undefined) out.push(map[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++)
            v = v * 8 + (b[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (e === 13) {
          if (b[this.pos] === 10) this.pos++;
        } else if (e !== 10) out.push(e);
        continue;
      }
      if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return new PdfString(Uint8Array.from(out));
      out.push(c);
    }
    return this.fail('unterminated string');
  }

  private readHexString(): PdfString {
    const b = this.bytes;
    const end = b.indexOf(0x3e, this.pos);
    if (end < 0) this.fail('unterminated hex string');
    const hex = Buffer.from(b.subarray(this.pos + 1, end))
      .toString('latin1')
      .replace(/[^0-9a-fA-F]/g, '');
    this.pos = end + 1;
    return new PdfString(Uint8Array.from(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')), true);
  }

  private readDict(depth: number): PdfDict | PdfStream {
    this.pos += 2;
    const dict = new PdfDict();
    for (;;) {
      this.skipWhitespace();
      const c = this.peek();
      if (c === 0x3e && this.peek(1) === 0x3e) {
        this.pos += 2;
        break;
      }
      if (c !== 0x2f) this.fail('dictionary key is not a name');
      const key = this.readName().value;
      dict.set(key, this.readValue(depth + 1));
    }
    if (depth > 0) return dict;
    const save = this.pos;
    if (!this.matchKeyword('stream')) {
      this.pos = save;
      return dict;
    }
    return this.readStreamData(dict);
  }

  /** §7.3.8.1: `stream` is followed by CRLF or LF; the data is /Length bytes, then `endstream`. */
  private readStreamData(dict: PdfDict): PdfStream {
    const b = this.bytes;
    if (b[this.pos] === 13) this.pos++;
    if (b[this.pos] === 10) this.pos++;
    const start = this.pos;
    let len = dict.get('Length');
    if (len instanceof PdfRef) len = this.resolveLength?.(len);
    if (typeof len === 'number' && len >= 0 && start + len <= b.length) {
      const after = new Lexer(b, start + len);
      if (after.matchKeyword('endstream')) {
        this.pos = after.pos;
        return new PdfStream(dict, b.subarray(start, start + len));
      }
    }
    // Wrong or unresolvable /Length: fall back to the next "endstream" keyword, trimming its preceding EOL.
    const end = indexOf(b, 'endstream', start);
    if (end < 0) this.fail('stream without endstream');
    let dataEnd = end;
    if (b[dataEnd - 1] === 10) dataEnd--;
    if (b[dataEnd - 1] === 13) dataEnd--;
    this.pos = end + 9;
    return new PdfStream(dict, b.subarray(start, Math.max(start, dataEnd)));
  }

  /** Parses `num gen obj … endobj` at the cursor. */
  readIndirectObject(): { num: number; gen: number; value: PdfValue } {
    this.skipWhitespace();
    const num = this.readUint();
    this.skipWhitespace();
    const gen = this.readUint();
    if (num === undefined || gen === undefined || !this.matchKeyword('obj')) this.fail('expected "n g obj"');
    // An empty object body ("n g obj endobj") is null (CompactedPDFSyntaxTest relies on it).
    const save = this.pos;
    if (this.matchKeyword('endobj')) return { num, gen, value: null };
    this.pos = save;
    const value = this.readValue();
    return { num, gen, value };
  }
}

export const isWs = isWhitespace;
