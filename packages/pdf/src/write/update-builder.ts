import { isDict, isRef, isStream, PdfDict, PdfRef, type PdfValue } from '../core/objects.js';
import type { PdfFile } from '../core/pdf-file.js';
import { PdfError } from '../errors.js';
import type { UpdateObject } from './incremental-update.js';

/** Collects the objects of one incremental update: new ones get fresh numbers, edited ones keep theirs. */
export class UpdateBuilder {
  private next: number;
  private readonly pending = new Map<number, UpdateObject>();

  constructor(readonly file: PdfFile) {
    this.next = file.size;
  }

  alloc(): PdfRef {
    return new PdfRef(this.next++);
  }

  /** Reserves `count` consecutive numbers (for objects serialised elsewhere) and returns the first. */
  reserve(count: number): number {
    const first = this.next;
    this.next += count;
    return first;
  }

  put(ref: PdfRef, value: PdfValue): PdfRef {
    this.pending.set(ref.num, { num: ref.num, value });
    return ref;
  }

  add(value: PdfValue): PdfRef {
    return this.put(this.alloc(), value);
  }

  putRaw(objects: UpdateObject[], nextFree: number): void {
    for (const o of objects) this.pending.set(o.num, o);
    this.next = Math.max(this.next, nextFree);
  }

  /**
   * A writable copy of the dictionary `ref` (already pending, or cloned from the file). The copy is registered,
   * so the update rewrites that object under its own number.
   */
  edit(ref: PdfRef): PdfDict {
    const cur = this.pending.get(ref.num);
    if (cur && 'value' in cur && isDict(cur.value)) return cur.value;
    const value = this.file.getObject(ref.num);
    if (!isDict(value)) throw new PdfError('MALFORMED_PDF', `object ${ref.num} is not a dictionary`);
    const copy = value.clone();
    this.put(ref, copy);
    return copy;
  }

  /** A writable copy of an indirect array. */
  editArray(ref: PdfRef): PdfValue[] {
    const cur = this.pending.get(ref.num);
    if (cur && 'value' in cur && Array.isArray(cur.value)) return cur.value;
    const value = this.file.getObject(ref.num);
    if (!Array.isArray(value)) throw new PdfError('MALFORMED_PDF', `object ${ref.num} is not an array`);
    const copy = [...value];
    this.put(ref, copy);
    return copy;
  }

  /** The catalog's reference (trailer /Root, §7.5.5). */
  get rootRef(): PdfRef {
    const root = this.file.latest.trailer.get('Root');
    if (!isRef(root)) throw new PdfError('MALFORMED_PDF', 'trailer /Root is not a reference');
    return root;
  }

  /** Reads a value resolving references, looking at pending edits first. */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    if (isRef(v)) {
      const cur = this.pending.get(v.num);
      if (cur && 'value' in cur) return cur.value;
      const r = this.file.resolve(v);
      return isStream(r) ? r : r;
    }
    return v;
  }

  objects(): UpdateObject[] {
    return [...this.pending.values()].sort((a, b) => a.num - b.num);
  }
}

export const emptyDict = (): PdfDict => new PdfDict();
