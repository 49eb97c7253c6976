/**
 * The PDF object model (ISO 32000-1 §7.3). Deliberately tiny: values are plain data, dictionaries keep
 * insertion order so a re-serialised dictionary reads like its source.
 */
export class PdfName {
  constructor(readonly value: string) {}
}

export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly isHex = false,
  ) {}
  static fromText(text: string): PdfString {
    return new PdfString(encodeTextString(text));
  }
  /** Decodes a text string (§7.9.2.2): UTF-16BE with BOM, otherwise PDFDocEncoding (treated as Latin-1). */
  toText(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      let s = '';
      for (let i = 2; i + 1 < b.length; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!);
      return s;
    }
    return Buffer.from(b).toString('latin1');
  }
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen = 0,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

export class PdfDict {
  readonly map: Map<string, PdfValue>;
  constructor(entries?: Iterable<[string, PdfValue]>) {
    this.map = new Map(entries);
  }
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  set(key: string, value: PdfValue): this {
    this.map.set(key, value);
    return this;
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  clone(): PdfDict {
    return new PdfDict(this.map);
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** Raw (still encoded) stream data. */
    readonly data: Uint8Array,
  ) {}
}

/** Bytes written verbatim (fixed-width placeholders such as a /ByteRange that is patched after writing). */
export class PdfRaw {
  constructor(readonly text: string) {}
}

export type PdfValue =
  | PdfRaw
  | null
  | boolean
  | number
  | PdfName
  | PdfString
  | PdfRef
  | PdfValue[]
  | PdfDict
  | PdfStream;

export function encodeTextString(text: string): Uint8Array {
  if (/^[\x20-\x7e]*$/.test(text)) return Buffer.from(text, 'latin1');
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c >> 8;
    out[3 + i * 2] = c & 0xff;
  }
  return out;
}

export const name = (value: string): PdfName => new PdfName(value);
export const isName = (v: PdfValue | undefined, value?: string): v is PdfName =>
  v instanceof PdfName && (value === undefined || v.value === value);
export const isDict = (v: PdfValue | undefined): v is PdfDict => v instanceof PdfDict;
export const isRef = (v: PdfValue | undefined): v is PdfRef => v instanceof PdfRef;
export const isStream = (v: PdfValue | undefined): v is PdfStream => v instanceof PdfStream;
export const isNumber = (v: PdfValue | undefined): v is number => typeof v === 'number';
