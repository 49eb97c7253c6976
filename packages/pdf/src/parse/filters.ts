import { inflateSync, constants as zc } from 'node:zlib';
import { isDict, isName, isNumber, type PdfDict, type PdfStream, type PdfValue } from '../core/objects.js';
import { PdfError } from '../errors.js';

/** Decodes a stream's data. Only the filters structural objects use (xref and object streams) are needed: FlateDecode with PNG predictors (§7.4.4). */
export function decodeStream(stream: PdfStream): Uint8Array {
  const filter = stream.dict.get('Filter');
  const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
  const parmsRaw = stream.dict.get('DecodeParms');
  const parms = Array.isArray(parmsRaw) ? parmsRaw : [parmsRaw];
  let data = stream.data;
  filters.forEach((f: PdfValue, i: number) => {
    if (!isName(f)) throw new PdfError('MALFORMED_PDF', 'filter is not a name');
    if (f.value !== 'FlateDecode' && f.value !== 'Fl')
      throw new PdfError('MALFORMED_PDF', `unsupported filter ${f.value}`);
    data = inflate(data);
    const p = parms[i];
    if (isDict(p)) data = applyPredictor(data, p);
  });
  return data;
}

function inflate(data: Uint8Array): Uint8Array {
  try {
    return inflateSync(data);
  } catch (e) {
    try {
      // Some writers omit the Adler-32 trailer; a sync flush still yields the data.
      return inflateSync(data, { finishFlush: zc.Z_SYNC_FLUSH });
    } catch {
      throw new PdfError('MALFORMED_PDF', 'corrupt FlateDecode data', { cause: e });
    }
  }
}

/** PNG predictors 10-15 (§7.4.4.4, RFC 2083 §6). */
function applyPredictor(data: Uint8Array, parms: PdfDict): Uint8Array {
  const predictor = parms.get('Predictor');
  if (!isNumber(predictor) || predictor < 10) return data;
  const colors = num(parms.get('Colors'), 1);
  const bpc = num(parms.get('BitsPerComponent'), 8);
  const columns = num(parms.get('Columns'), 1);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLen + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp]! : 0;
      let v = raw;
      if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) v = raw + paeth(left, up, upLeft);
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

const num = (v: PdfValue | undefined, d: number): number => (isNumber(v) ? v : d);
