import { PdfError } from '../errors.js';

/** Byte classes of ISO 32000-1 §7.2.2 (white-space) and §7.2.3 (delimiters). */
const WS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) WS[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;

export const isWhitespace = (c: number | undefined): boolean => c !== undefined && WS[c] === 1;
export const isDelimiter = (c: number | undefined): boolean => c !== undefined && DELIM[c] === 1;
export const isRegular = (c: number | undefined): boolean => c !== undefined && WS[c] !== 1 && DELIM[c] !== 1;

/** A cursor over the file bytes with the few token-level reads the object parser needs. */
export class Lexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
  ) {
    this.pos = pos;
  }

  fail(detail: string): never {
    throw new PdfError('MALFORMED_PDF', `${detail} @${this.pos}`);
  }

  peek(offset = 0): number | undefined {
    return this.bytes[this.pos + offset];
  }

  /** Skips white-space and comments (§7.2.4). */
  skipWhitespace(): void {
    const b = this.bytes;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) return;
      if (WS[c] === 1) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else return;
    }
  }

  /** Reads a run of regular characters (a keyword, number or the like). */
  readRegular(): string {
    const b = this.bytes;
    const start = this.pos;
    let s = '';
    // Tokens are short; building the string directly avoids a Buffer per token.
    for (let c = b[this.pos]; c !== undefined && WS[c] !== 1 && DELIM[c] !== 1; c = b[++this.pos]) {
      if (this.pos - start < 64) s += String.fromCharCode(c);
    }
    return this.pos - start < 64 ? s : Buffer.from(b.subarray(start, this.pos)).toString('latin1');
  }

  /** True (and consumes it) if the next token is exactly `word`. */
  matchKeyword(word: string): boolean {
    this.skipWhitespace();
    for (let i = 0; i < word.length; i++) if (this.bytes[this.pos + i] !== word.charCodeAt(i)) return false;
    if (isRegular(this.bytes[this.pos + word.length])) return false;
    this.pos += word.length;
    return true;
  }

  expectKeyword(word: string): void {
    if (!this.matchKeyword(word)) this.fail(`expected "${word}"`);
  }

  /** Reads an unsigned integer at the cursor, or undefined without moving. */
  readUint(): number | undefined {
    const b = this.bytes;
    let p = this.pos;
    let n = 0;
    while (p < b.length && b[p]! >= 0x30 && b[p]! <= 0x39) n = n * 10 + (b[p++]! - 0x30);
    if (p === this.pos) return undefined;
    this.pos = p;
    return n;
  }
}

/** Finds `needle` searching backwards from `from` (exclusive). */
export function lastIndexOf(bytes: Uint8Array, needle: string, from = bytes.length): number {
  const n = Buffer.from(needle, 'latin1');
  for (let i = Math.min(from, bytes.length) - n.length; i >= 0; i--) {
    let ok = true;
    for (let j = 0; j < n.length; j++) {
      if (bytes[i + j] !== n[j]) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

export function indexOf(bytes: Uint8Array, needle: string, from = 0): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, from, 'latin1');
}
