import { isRef, PdfDict, PdfStream, type PdfValue } from '../core/objects.js';
import type { PdfFile } from '../core/pdf-file.js';

export interface Referrer {
  /** Referring object number, or -1 for the trailer. */
  from: number;
  /** Key path inside the referring object, e.g. ["AP", "N"]. */
  path: string[];
}

const SECTION_KEYS = new Set(['Prev', 'XRefStm', 'Size', 'W', 'Index', 'Length', 'Filter', 'DecodeParms', 'Type']);

/** Who references whom in one revision, walked from the trailer: the basis of the revision analysis. */
export class RevisionGraph {
  readonly referrers = new Map<number, Referrer[]>();
  readonly reachable = new Set<number>();

  constructor(
    readonly file: PdfFile,
    readonly rev: number,
  ) {
    const queue: number[] = [];
    const visit = (v: PdfValue | undefined, from: number, path: string[], depth: number): void => {
      if (v === undefined || v === null || depth > 64) return;
      if (isRef(v)) {
        const list = this.referrers.get(v.num) ?? [];
        if (list.length === 0) this.referrers.set(v.num, list);
        list.push({ from, path });
        if (!this.reachable.has(v.num)) {
          this.reachable.add(v.num);
          queue.push(v.num);
        }
      } else if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) visit(v[i], from, [...path, String(i)], depth + 1);
      } else if (v instanceof PdfDict) for (const [k, item] of v.map) visit(item, from, [...path, k], depth + 1);
      else if (v instanceof PdfStream) visit(v.dict, from, path, depth + 1);
    };
    for (const [k, v] of file.trailer(rev).map) if (!SECTION_KEYS.has(k)) visit(v, -1, [k], 0);
    for (let qi = 0; qi < queue.length; qi++) {
      const n = queue[qi]!;
      let value: PdfValue;
      try {
        value = file.getObject(n, rev);
      } catch {
        continue;
      }
      visit(value, n, [], 0);
    }
  }

  referrersOf(num: number): Referrer[] {
    return this.referrers.get(num) ?? [];
  }

  /** Objects reachable from `start` (inclusive of referenced objects, not of `start` itself unless it is a ref). */
  closure(start: PdfValue | undefined): Set<number> {
    const out = new Set<number>();
    const walk = (v: PdfValue | undefined, depth: number): void => {
      if (v === undefined || v === null || depth > 64) return;
      if (isRef(v)) {
        if (out.has(v.num)) return;
        out.add(v.num);
        let target: PdfValue;
        try {
          target = this.file.getObject(v.num, this.rev);
        } catch {
          return;
        }
        walk(target, depth + 1);
      } else if (Array.isArray(v)) for (const item of v) walk(item, depth + 1);
      else if (v instanceof PdfDict) for (const item of v.map.values()) walk(item, depth + 1);
      else if (v instanceof PdfStream) walk(v.dict, depth + 1);
    };
    walk(start, 0);
    return out;
  }
}
