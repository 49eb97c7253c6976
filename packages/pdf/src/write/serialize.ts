import { PdfDict, PdfName, PdfRaw, PdfRef, PdfStream, PdfString, type PdfValue } from '../core/objects.js';

/** Serialises PDF values (ISO 32000-1 §7.3) into latin1 chunks and binary stream data. */
export class ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private text = '';
  length = 0;

  write(s: string): void {
    this.text += s;
    this.length += s.length;
  }

  writeBytes(b: Uint8Array): void {
    this.flushText();
    this.chunks.push(b);
    this.length += b.length;
  }

  private flushText(): void {
    if (this.text) this.chunks.push(Buffer.from(this.text, 'latin1'));
    this.text = '';
  }

  toBytes(): Uint8Array {
    this.flushText();
    return Buffer.concat(this.chunks);
  }
}

export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const s = n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

export function formatName(name: string): string {
  let out = '/';
  for (const ch of Buffer.from(name, 'latin1')) {
    const regular = ch > 0x20 && ch < 0x7f && !'()<>[]{}/%#'.includes(String.fromCharCode(ch));
    out += regular ? String.fromCharCode(ch) : `#${ch.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function formatString(s: PdfString): string {
  const printable = !s.isHex && s.bytes.every((c) => c >= 0x20 && c < 0x7f);
  if (!printable) return `<${Buffer.from(s.bytes).toString('hex')}>`;
  return `(${Buffer.from(s.bytes)
    .toString('latin1')
    .replace(/[\\()]/g, (m) => `\\${m}`)})`;
}

export function writeValue(sink: ByteSink, v: PdfValue): void {
  if (v === null) sink.write('null');
  else if (typeof v === 'boolean') sink.write(v ? 'true' : 'false');
  else if (typeof v === 'number') sink.write(formatNumber(v));
  else if (v instanceof PdfName) sink.write(formatName(v.value));
  else if (v instanceof PdfString) sink.write(formatString(v));
  else if (v instanceof PdfRef) sink.write(`${v.num} ${v.gen} R`);
  else if (v instanceof PdfRaw) sink.write(v.text);
  else if (Array.isArray(v)) {
    sink.write('[');
    v.forEach((item, i) => {
      if (i) sink.write(' ');
      writeValue(sink, item);
    });
    sink.write(']');
  } else if (v instanceof PdfDict) {
    sink.write('<<');
    for (const [k, item] of v.map) {
      sink.write(formatName(k));
      sink.write(' ');
      writeValue(sink, item);
    }
    sink.write('>>');
  } else if (v instanceof PdfStream) {
    const dict = v.dict.clone().set('Length', v.data.length);
    writeValue(sink, dict);
    sink.write('\nstream\n');
    sink.writeBytes(v.data);
    sink.write('\nendstream');
  }
}

export function serializeValue(v: PdfValue): Uint8Array {
  const sink = new ByteSink();
  writeValue(sink, v);
  return sink.toBytes();
}
