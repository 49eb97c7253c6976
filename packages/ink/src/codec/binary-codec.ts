import { InkError } from '../ink-error';
import type { TInkDocument, TInkSample } from '../model/ink-document';
import { parseInkDocument } from '../model/parse-ink-document';
import { ByteReader } from './byte-reader';
import { ByteWriter } from './byte-writer';
import { decodeColumn, encodeColumn } from './column-codec';
import { crc32 } from './crc32';

/** "INKB" — magic of the compact binary ink format. */
const MAGIC = [0x49, 0x4e, 0x4b, 0x42];
export const INK_BINARY_VERSION = 1;
export const INK_BINARY_MEDIA_TYPE = 'application/vnd.inkproof.ink+binary';

const COLUMNS = ['t', 'x', 'y', 'pressure', 'tiltX', 'tiltY', 'twist', 'buttons'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * Layout (integers LEB128 unless noted): magic "INKB", u8 version, u32 LE total length, header length + UTF-8 JSON header
 * (mediaType, context, events, stroke ids/pointer types/sample counts), column count, then per column
 * u8 column id + encoded column (see column-codec), and a CRC-32 (LE) of everything before it.
 */
export function encodeInkBinary(input: TInkDocument): Uint8Array {
  const doc = parseInkDocument(input);
  const samples = doc.strokes.flatMap((s) => s.samples);
  const header = {
    mediaType: doc.mediaType,
    version: doc.version,
    context: doc.context,
    events: doc.events,
    strokes: doc.strokes.map((s) => ({ id: s.id, pointerType: s.pointerType, n: s.samples.length })),
  };
  const w = new ByteWriter();
  w.bytes(Uint8Array.from(MAGIC));
  w.u8(INK_BINARY_VERSION);
  w.bytes(new Uint8Array(4)); // total length, patched below
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  w.varuint(headerBytes.length);
  w.bytes(headerBytes);
  w.varuint(COLUMNS.length);
  const levels = doc.context.pressure.levels;
  COLUMNS.forEach((name, id) => {
    w.u8(id);
    const extra = name === 'pressure' && levels ? [levels - 1] : [];
    w.bytes(
      encodeColumn(
        samples.map((s) => s[name]),
        extra,
      ),
    );
  });
  const body = w.finish();
  const out = new Uint8Array(body.length + 4);
  out.set(body);
  const view = new DataView(out.buffer);
  view.setUint32(MAGIC.length + 1, out.length, true);
  view.setUint32(body.length, crc32(out.subarray(0, body.length)), true);
  return out;
}

export function decodeInkBinary(data: Uint8Array): TInkDocument {
  if (MAGIC.some((b, i) => i < data.length && data[i] !== b)) throw badMagic();
  if (data.length < MAGIC.length + 9) throw truncated();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const version = data[MAGIC.length]!;
  if (version !== INK_BINARY_VERSION) {
    throw new InkError(
      'UNSUPPORTED_VERSION',
      `不支持的二进制笔迹版本 ${version} / Unsupported binary ink version ${version}`,
    );
  }
  const declared = view.getUint32(MAGIC.length + 1, true);
  if (data.length < declared) throw truncated();
  if (data.length > declared) throw new InkError('MALFORMED', '笔迹数据末尾有多余字节 / Trailing bytes after ink data');
  const body = data.subarray(0, data.length - 4);
  if (crc32(body) !== view.getUint32(data.length - 4, true)) {
    throw new InkError(
      'CHECKSUM_MISMATCH',
      '笔迹数据校验失败，文件已损坏 / Ink data checksum mismatch; the file is corrupted',
    );
  }
  const r = new ByteReader(body);
  r.bytes(MAGIC.length + 5);
  const header = readHeader(r);
  const total = header.strokes.reduce((sum, s) => sum + s.n, 0);
  const columns = new Map<Column, (number | undefined)[]>();
  const columnCount = r.varuint();
  for (let i = 0; i < columnCount; i++) {
    const id = r.u8();
    const name = COLUMNS[id];
    if (!name) throw new InkError('UNSUPPORTED_CHANNEL', `未知的数据列 ${id} / Unknown column ${id}`);
    columns.set(name, decodeColumn(r, total));
  }
  if (r.remaining !== 0) throw new InkError('MALFORMED', '笔迹数据末尾有多余字节 / Trailing bytes in ink data');
  let index = 0;
  const strokes = header.strokes.map((s) => {
    const samples: TInkSample[] = [];
    for (let k = 0; k < s.n; k++, index++) samples.push(buildSample(columns, index));
    return { id: s.id, ...(s.pointerType ? { pointerType: s.pointerType } : {}), samples };
  });
  return parseInkDocument({
    mediaType: header.mediaType,
    version: header.version,
    context: header.context,
    strokes,
    events: header.events,
  });
}

function badMagic(): InkError {
  return new InkError('BAD_MAGIC', '不是 inkproof 二进制笔迹文件 / Not an inkproof binary ink file');
}

function truncated(): InkError {
  return new InkError('TRUNCATED', '笔迹数据不完整，请重新导出 / Ink data is truncated; export it again');
}

interface BinaryHeader {
  mediaType: unknown;
  version: unknown;
  context: unknown;
  events: unknown;
  strokes: { id: number; pointerType?: 'pen' | 'touch' | 'mouse' | 'pad'; n: number }[];
}

function readHeader(r: ByteReader): BinaryHeader {
  const bytes = r.bytes(r.varuint());
  let header: BinaryHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as BinaryHeader;
  } catch (cause) {
    throw new InkError('MALFORMED', '笔迹头部无法解析 / Ink header cannot be parsed', { cause });
  }
  const ok =
    Array.isArray(header?.strokes) &&
    header.strokes.every((s) => Number.isInteger(s?.n) && s.n >= 0 && s.n < 2 ** 31 && Number.isInteger(s.id));
  if (!ok) throw new InkError('MALFORMED', '笔迹头部的笔画表无效 / Invalid stroke table in ink header');
  return header;
}

function buildSample(columns: Map<Column, (number | undefined)[]>, i: number): TInkSample {
  const get = (name: Column) => columns.get(name)?.[i];
  const sample: TInkSample = {
    t: get('t') ?? Number.NaN,
    x: get('x') ?? Number.NaN,
    y: get('y') ?? Number.NaN,
    pressure: get('pressure') ?? Number.NaN,
  };
  for (const name of ['tiltX', 'tiltY', 'twist', 'buttons'] as const) {
    const value = get(name);
    if (value !== undefined) sample[name] = value;
  }
  return sample;
}
