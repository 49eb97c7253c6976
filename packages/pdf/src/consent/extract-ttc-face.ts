import { ConsentError } from './consent-error.js';

// OpenType 1.9 §"Font Collections" (TTC header) and §"Organization of an OpenType Font" (table directory).
const TAG_TTCF = 0x74746366;
const SFNT_VERSIONS = new Set([0x00010000, 0x4f54544f /* OTTO */, 0x74727565 /* true */]);
const HEAD_TAG = 'head';
/** OpenType `head` table: checksum adjustment = 0xB1B0AFBA − sum of the whole font. */
const CHECKSUM_MAGIC = 0xb1b0afba;

interface TTableRecord {
  tag: string;
  offset: number;
  length: number;
}

function fail(message: string): never {
  throw new ConsentError('FONT_INVALID', `字体文件无法解析：${message} / Cannot read font file: ${message}`);
}

/** Sum of big-endian uint32 words, zero-padded at the end (OpenType "Calculating Checksums"). */
export function sfntChecksum(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const whole = bytes.byteLength & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < bytes.byteLength) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < bytes.byteLength ? bytes[i]! : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

function readTableRecords(view: DataView, faceOffset: number): TTableRecord[] {
  if (faceOffset + 12 > view.byteLength) fail('face offset out of range');
  if (!SFNT_VERSIONS.has(view.getUint32(faceOffset))) fail('unknown sfnt version');
  const numTables = view.getUint16(faceOffset + 4);
  if (faceOffset + 12 + numTables * 16 > view.byteLength) fail('table directory out of range');
  const records: TTableRecord[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = faceOffset + 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(at),
      view.getUint8(at + 1),
      view.getUint8(at + 2),
      view.getUint8(at + 3),
    );
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > view.byteLength) fail(`table ${tag} out of range`);
    records.push({ tag, offset, length });
  }
  return records;
}

/** Number of faces in a collection (1 for a plain sfnt). */
export function countTtcFaces(bytes: Uint8Array): number {
  if (bytes.byteLength < 12) fail('file too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(0) === TAG_TTCF ? view.getUint32(8) : 1;
}

/**
 * Rebuilds one face of a TrueType Collection as a standalone sfnt: its own table directory (sorted by tag),
 * tables copied and 4-byte aligned, per-table checksums and `head.checkSumAdjustment` recomputed.
 * A plain sfnt is returned unchanged for face 0. pdf-lib/fontkit can embed only standalone fonts.
 */
export function extractTtcFace(bytes: Uint8Array, faceIndex = 0): Uint8Array {
  const faces = countTtcFaces(bytes);
  if (!Number.isInteger(faceIndex) || faceIndex < 0 || faceIndex >= faces) fail(`no face ${faceIndex}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== TAG_TTCF) {
    readTableRecords(view, 0); // validates a plain sfnt before handing it to the embedder
    return bytes;
  }
  if (12 + faces * 4 > bytes.byteLength) fail('collection header out of range');
  const faceOffset = view.getUint32(12 + faceIndex * 4);
  const sfntVersion = view.getUint32(faceOffset);
  const records = readTableRecords(view, faceOffset).sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));

  const n = records.length;
  const headerSize = 12 + n * 16;
  let size = headerSize;
  for (const r of records) size += (r.length + 3) & ~3;
  const out = new Uint8Array(size);
  const outView = new DataView(out.buffer);
  // searchRange etc. per the table directory definition: largest power of two ≤ numTables.
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  outView.setUint32(0, sfntVersion);
  outView.setUint16(4, n);
  outView.setUint16(6, searchRange);
  outView.setUint16(8, entrySelector);
  outView.setUint16(10, n * 16 - searchRange);

  let cursor = headerSize;
  let headOffset = -1;
  records.forEach((r, i) => {
    const table = out.subarray(cursor, cursor + r.length);
    table.set(bytes.subarray(r.offset, r.offset + r.length));
    if (r.tag === HEAD_TAG) {
      if (r.length < 12) fail('head table too short');
      headOffset = cursor;
      outView.setUint32(cursor + 8, 0); // checkSumAdjustment is zero while summing
    }
    const at = 12 + i * 16;
    for (let k = 0; k < 4; k++) out[at + k] = r.tag.charCodeAt(k);
    outView.setUint32(at + 4, sfntChecksum(table));
    outView.setUint32(at + 8, cursor);
    outView.setUint32(at + 12, r.length);
    cursor += (r.length + 3) & ~3;
  });
  if (headOffset < 0) fail('no head table');
  outView.setUint32(headOffset + 8, (CHECKSUM_MAGIC - sfntChecksum(out)) >>> 0);
  return out;
}
