import { PdfError } from '../errors.js';
import { isDict, isName, isRef, type PdfDict, type PdfRef, PdfString, type PdfValue } from './objects.js';
import type { PdfFile } from './pdf-file.js';

export interface FieldEntry {
  ref: PdfRef;
  dict: PdfDict;
  fullName: string;
  /** Field type, inherited from ancestors when absent (§12.7.3.1). */
  type: string | undefined;
}

/** Every terminal field of the AcroForm in revision `rev`, with fully qualified names (§12.7.3.2). */
export function listFields(file: PdfFile, rev = file.revisions.length - 1): FieldEntry[] {
  const acro = file.resolveDict(file.catalog(rev).get('AcroForm'), rev);
  const fields = file.resolve(acro?.get('Fields'), rev);
  const out: FieldEntry[] = [];
  const seen = new Set<string>();
  const walk = (items: PdfValue[], prefix: string, inheritedType: string | undefined, depth: number): void => {
    if (depth > 32) return;
    for (const item of items) {
      if (!isRef(item) || seen.has(item.key)) continue;
      seen.add(item.key);
      const dict = file.resolveDict(item, rev);
      if (!dict) continue;
      const t = dict.get('T');
      const part = t instanceof PdfString ? t.toText() : undefined;
      const fullName = part === undefined ? prefix : prefix ? `${prefix}.${part}` : part;
      const ft = dict.get('FT');
      const type = isName(ft) ? ft.value : inheritedType;
      const kids = file.resolve(dict.get('Kids'), rev);
      const kidFields = Array.isArray(kids) ? kids.filter((k) => isRef(k) && file.resolveDict(k, rev)?.has('T')) : [];
      if (Array.isArray(kids) && kidFields.length > 0) walk(kids, fullName, type, depth + 1);
      else out.push({ ref: item, dict, fullName, type });
    }
  };
  if (Array.isArray(fields)) walk(fields, '', undefined, 0);
  return out;
}

/** The widget annotations of a terminal field: the field itself when merged (§12.5.6.19), else its /Kids. */
export function fieldWidgets(file: PdfFile, field: FieldEntry, rev = file.revisions.length - 1): PdfRef[] {
  if (isName(field.dict.get('Subtype'), 'Widget')) return [field.ref];
  const kids = file.resolve(field.dict.get('Kids'), rev);
  return Array.isArray(kids) ? kids.filter(isRef) : [];
}

export function findSignatureField(file: PdfFile, fullName: string): FieldEntry {
  const field = listFields(file).find((f) => f.fullName === fullName);
  if (!field) throw new PdfError('FIELD_NOT_FOUND', fullName);
  if (field.type !== 'Sig') throw new PdfError('FIELD_NOT_SIGNATURE', fullName);
  if (field.dict.get('V') !== undefined && field.dict.get('V') !== null)
    throw new PdfError('FIELD_ALREADY_SIGNED', fullName);
  return field;
}

export const isDictValue = isDict;
