import { fieldWidgets, findSignatureField, listFields } from '../core/form-fields.js';
import { isDict, isNumber, isRef, name, PdfDict, type PdfRef, PdfString, type PdfValue } from '../core/objects.js';
import { getPageRef } from '../core/page-tree.js';
import { PdfError } from '../errors.js';
import type { UpdateBuilder } from '../write/update-builder.js';

export type SignaturePlacement =
  | { field: string }
  | { page: number; rect: [x: number, y: number, width: number, height: number] }
  | { invisible: true };

export interface PlacedSignature {
  /** The field dictionary (the widget itself when merged). */
  field: PdfRef;
  widget: PdfRef;
  width: number;
  height: number;
}

/**
 * Binds the signature dictionary `sigRef` to a field (ISO 32000-1 §12.7.4.5): fills an existing empty signature
 * field, or creates a new field/widget on a page and registers it in /AcroForm /Fields and the page's /Annots.
 * Returns the widget so the caller can attach its appearance.
 */
export function placeSignature(
  b: UpdateBuilder,
  sigRef: PdfRef,
  placement: SignaturePlacement,
  namePrefix = 'Signature',
): PlacedSignature {
  if ('field' in placement) return fillExistingField(b, sigRef, placement.field);
  const [pageIndex, rect] = 'page' in placement ? [placement.page - 1, placement.rect] : [0, [0, 0, 0, 0] as const];
  if (rect.some((n) => !Number.isFinite(n)) || rect[2] < 0 || rect[3] < 0)
    throw new PdfError('INVALID_ARGUMENT', 'rect');
  const page = getPageRef(b.file, pageIndex);
  const widget = b.add(
    new PdfDict([
      ['Type', name('Annot')],
      ['Subtype', name('Widget')],
      ['FT', name('Sig')],
      ['T', PdfString.fromText(uniqueFieldName(b, namePrefix))],
      ['Rect', [rect[0], rect[1], rect[0] + rect[2], rect[1] + rect[3]]],
      ['F', 132],
      ['P', page.ref],
      ['V', sigRef],
    ]),
  );
  appendToArray(b, page.ref, 'Annots', widget);
  const acroRef = ensureAcroForm(b);
  appendToArray(b, acroRef, 'Fields', widget);
  return { field: widget, widget, width: rect[2], height: rect[3] };
}

function fillExistingField(b: UpdateBuilder, sigRef: PdfRef, fieldName: string): PlacedSignature {
  const field = findSignatureField(b.file, fieldName);
  const fieldDict = b.edit(field.ref);
  fieldDict.set('V', sigRef);
  const widget = fieldWidgets(b.file, field)[0];
  if (!widget) throw new PdfError('FIELD_NOT_FOUND', `${fieldName} has no widget`);
  const wd = b.resolve(widget);
  const rect = isDict(wd) ? wd.get('Rect') : undefined;
  const nums = Array.isArray(rect) && rect.every(isNumber) ? (rect as number[]) : [0, 0, 0, 0];
  const acroRef = ensureAcroForm(b);
  b.edit(acroRef).set('SigFlags', 3);
  return { field: field.ref, widget, width: Math.abs(nums[2]! - nums[0]!), height: Math.abs(nums[3]! - nums[1]!) };
}

/** The indirect /AcroForm, creating it (and re-pointing the catalog) when absent or direct. SigFlags 3 (§12.7.2). */
function ensureAcroForm(b: UpdateBuilder): PdfRef {
  const catalog = b.resolve(b.rootRef);
  if (!isDict(catalog)) throw new PdfError('MALFORMED_PDF', 'catalog');
  const cur = catalog.get('AcroForm');
  if (isRef(cur)) {
    const d = b.edit(cur);
    if (d.get('SigFlags') !== 3) d.set('SigFlags', 3);
    return cur;
  }
  const acro = isDict(cur) ? cur.clone() : new PdfDict([['Fields', []]]);
  acro.set('SigFlags', 3);
  const ref = b.add(acro);
  b.edit(b.rootRef).set('AcroForm', ref);
  return ref;
}

/** Appends `item` to `owner[key]`, editing the indirect array in place when the array is its own object. */
function appendToArray(b: UpdateBuilder, owner: PdfRef, key: string, item: PdfValue): void {
  const dict = b.resolve(owner);
  const cur = isDict(dict) ? dict.get(key) : undefined;
  if (isRef(cur) && Array.isArray(b.resolve(cur))) {
    b.editArray(cur).push(item);
    return;
  }
  const arr = Array.isArray(cur) ? [...cur] : [];
  arr.push(item);
  b.edit(owner).set(key, arr);
}

function uniqueFieldName(b: UpdateBuilder, prefix: string): string {
  const taken = new Set(listFields(b.file).map((f) => f.fullName));
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
