import { PdfDict, PdfName, PdfRaw, PdfRef, PdfStream, PdfString, type PdfValue } from './objects.js';

/** Structural equality of two PDF values; references compare by number and generation, streams by raw data. */
export function deepEqual(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof PdfName) return b instanceof PdfName && a.value === b.value;
  if (a instanceof PdfRef) return b instanceof PdfRef && a.num === b.num && a.gen === b.gen;
  if (a instanceof PdfString) return b instanceof PdfString && Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
  if (a instanceof PdfRaw) return b instanceof PdfRaw && a.text === b.text;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (a instanceof PdfStream) {
    return (
      b instanceof PdfStream && dictEqual(a.dict, b.dict, ['Length']) && Buffer.from(a.data).equals(Buffer.from(b.data))
    );
  }
  if (a instanceof PdfDict) return b instanceof PdfDict && dictEqual(a, b);
  return false;
}

/** Keys whose values differ (present in one only, or unequal). */
export function changedKeys(a: PdfDict, b: PdfDict, ignore: readonly string[] = []): string[] {
  const keys = new Set([...a.map.keys(), ...b.map.keys()]);
  return [...keys].filter((k) => !ignore.includes(k) && !deepEqual(a.get(k), b.get(k)));
}

function dictEqual(a: PdfDict, b: PdfDict, ignore: readonly string[] = []): boolean {
  return changedKeys(a, b, ignore).length === 0;
}
