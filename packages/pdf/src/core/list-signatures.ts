import { listFields } from './form-fields.js';
import { isName, isNumber, isRef, type PdfDict, PdfString } from './objects.js';
import type { PdfFile } from './pdf-file.js';

export interface SignatureEntry {
  fieldName: string;
  fieldRef: PdfDict | undefined;
  /** The signature dictionary's object number (0 when direct). */
  sigNum: number;
  dict: PdfDict;
  kind: 'signature' | 'doc-timestamp';
  subFilter: string | undefined;
  byteRange: number[] | undefined;
  /** /Contents as stored (zero padding included). */
  contents: Uint8Array;
}

/** The signatures reachable through /AcroForm in revision `rev`, ordered by where their signed data ends. */
export function listSignatures(file: PdfFile, rev = file.revisions.length - 1): SignatureEntry[] {
  const out: SignatureEntry[] = [];
  for (const field of listFields(file, rev)) {
    if (field.type !== 'Sig') continue;
    const v = field.dict.get('V');
    const dict = file.resolveDict(v, rev);
    if (!dict) continue;
    const sf = dict.get('SubFilter');
    const subFilter = isName(sf) ? sf.value : undefined;
    const br = dict.get('ByteRange');
    const byteRange = Array.isArray(br) && br.every(isNumber) ? (br as number[]) : undefined;
    const c = dict.get('Contents');
    out.push({
      fieldName: field.fullName,
      fieldRef: field.dict,
      sigNum: isRef(v) ? v.num : 0,
      dict,
      kind: isName(dict.get('Type'), 'DocTimeStamp') || subFilter === 'ETSI.RFC3161' ? 'doc-timestamp' : 'signature',
      subFilter,
      byteRange,
      contents: c instanceof PdfString ? c.bytes : new Uint8Array(),
    });
  }
  const endOf = (s: SignatureEntry): number =>
    s.byteRange && s.byteRange.length >= 2
      ? s.byteRange[s.byteRange.length - 2]! + s.byteRange[s.byteRange.length - 1]!
      : 0;
  return out.sort((a, b) => endOf(a) - endOf(b));
}
