import { deflateSync } from 'node:zlib';
import { name, PdfDict, PdfStream, type PdfValue } from '../core/objects.js';
import type { PdfFile } from '../core/pdf-file.js';
import { ByteSink, writeValue } from './serialize.js';

/** One object of an update: a value we serialise, or bytes already serialised elsewhere (e.g. by pdf-lib). */
export type UpdateObject = { num: number; value: PdfValue } | { num: number; raw: Uint8Array };

export interface AppendedUpdate {
  bytes: Uint8Array;
  /** Absolute offset of each written object ("n 0 obj"). */
  offsets: Map<number, number>;
  /** Absolute offset of the new cross-reference section. */
  xrefOffset: number;
}

/** Trailer keys that describe a section rather than the document; never carried into the next trailer. */
const SECTION_KEYS = new Set(['Prev', 'XRefStm', 'Type', 'W', 'Index', 'Filter', 'DecodeParms', 'Length', 'Size']);

/**
 * Appends an incremental update (ISO 32000-1 §7.5.6): the objects, a cross-reference section of the same kind as
 * the newest one (a table for table and hybrid files, a stream for xref-stream files, §7.5.8) and a trailer whose
 * /Prev names the previous section. Earlier bytes are never touched.
 */
export function appendIncrementalUpdate(file: PdfFile, objects: UpdateObject[]): AppendedUpdate {
  const base = file.bytes;
  const sink = new ByteSink();
  const needsEol = base[base.length - 1] !== 10 && base[base.length - 1] !== 13;
  if (needsEol) sink.write('\n');
  const offsets = new Map<number, number>();
  for (const obj of objects) {
    offsets.set(obj.num, base.length + sink.length);
    sink.write(`${obj.num} 0 obj\n`);
    if ('raw' in obj) sink.writeBytes(obj.raw);
    else writeValue(sink, obj.value);
    sink.write('\nendobj\n');
  }
  const useStream = file.latest.kind === 'stream';
  let size = Math.max(file.size, ...objects.map((o) => o.num + 1));
  const trailer = new PdfDict();
  for (const [k, v] of file.latest.trailer.map) if (!SECTION_KEYS.has(k)) trailer.set(k, v);
  const xrefOffset = base.length + sink.length;
  if (useStream) {
    const xrefNum = size++;
    offsets.set(xrefNum, xrefOffset);
    const rows = [...offsets.entries()].sort((a, b) => a[0] - b[0]);
    const data = Buffer.alloc(rows.length * 7);
    rows.forEach(([, off], i) => {
      data.writeUInt8(1, i * 7);
      data.writeUInt32BE(off, i * 7 + 1);
      data.writeUInt16BE(0, i * 7 + 5);
    });
    const dict = new PdfDict([['Type', name('XRef')]]);
    for (const [k, v] of trailer.map) dict.set(k, v);
    dict.set('Size', size).set('Prev', file.latest.xrefOffset).set('W', [1, 4, 2]).set('Index', subsections(rows));
    dict.set('Filter', name('FlateDecode'));
    sink.write(`${xrefNum} 0 obj\n`);
    writeValue(sink, new PdfStream(dict, deflateSync(data)));
    sink.write('\nendobj\n');
  } else {
    sink.write('xref\n');
    const rows = [...offsets.entries()].sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1]![0] === rows[j]![0] + 1) j++;
      sink.write(`${rows[i]![0]} ${j - i + 1}\n`);
      for (let k = i; k <= j; k++) sink.write(`${String(rows[k]![1]).padStart(10, '0')} 00000 n\r\n`);
      i = j + 1;
    }
    trailer.set('Size', size).set('Prev', file.latest.xrefOffset);
    sink.write('trailer\n');
    writeValue(sink, trailer);
    sink.write('\n');
  }
  sink.write(`startxref\n${xrefOffset}\n%%EOF\n`);
  const tail = sink.toBytes();
  const bytes = new Uint8Array(base.length + tail.length);
  bytes.set(base, 0);
  bytes.set(tail, base.length);
  return { bytes, offsets, xrefOffset };
}

function subsections(rows: [number, number][]): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1]![0] === rows[j]![0] + 1) j++;
    out.push(rows[i]![0], j - i + 1);
    i = j + 1;
  }
  return out;
}
