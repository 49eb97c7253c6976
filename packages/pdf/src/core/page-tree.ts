import { PdfError } from '../errors.js';
import { isDict, isName, isRef, type PdfDict, type PdfRef } from './objects.js';
import type { PdfFile } from './pdf-file.js';

export interface PageEntry {
  /** Undefined when the page is (illegally, §7.7.3.2) a direct dictionary inside /Kids. */
  ref: PdfRef | undefined;
  dict: PdfDict;
}

/** Lists the pages of revision `rev` in order by walking /Pages → /Kids (ISO 32000-1 §7.7.3). */
export function listPages(
  file: PdfFile,
  rev = file.revisions.length - 1,
  stopAfter = Number.POSITIVE_INFINITY,
): PageEntry[] {
  const out: PageEntry[] = [];
  const seen = new Set<string>();
  const walk = (ref: PdfRef | undefined, dict: PdfDict, depth: number): void => {
    if (depth > 64) throw new PdfError('INVALID_PAGE_TREE', 'page tree too deep');
    if (ref) {
      if (seen.has(ref.key)) throw new PdfError('INVALID_PAGE_TREE', 'cycle in page tree');
      seen.add(ref.key);
    }
    const kids = file.resolve(dict.get('Kids'), rev);
    if (isName(dict.get('Type'), 'Page') || !Array.isArray(kids)) {
      out.push({ ref, dict });
      return;
    }
    for (const kid of kids) {
      if (out.length > stopAfter) return;
      if (isRef(kid)) {
        const d = file.resolveDict(kid, rev);
        if (d) walk(kid, d, depth + 1);
      } else if (isDict(kid)) walk(undefined, kid, depth + 1);
    }
  };
  const root = file.catalog(rev).get('Pages');
  const dict = file.resolveDict(root, rev);
  if (!dict) throw new PdfError('INVALID_PAGE_TREE', 'no /Pages');
  walk(isRef(root) ? root : undefined, dict, 0);
  return out;
}

/** The indirect page `index` (0-based), refusing direct page dictionaries rather than rewriting their parent. */
export function getPageRef(file: PdfFile, index: number): { ref: PdfRef; dict: PdfDict } {
  // Only walk as far as the wanted page: signing a 200-page file must not parse every page.
  const pages = listPages(file, file.revisions.length - 1, index);
  const page = pages[index];
  if (!page) throw new PdfError('PAGE_NOT_FOUND', `page ${index + 1} of ${pages.length}`);
  if (!page.ref) throw new PdfError('INVALID_PAGE_TREE', `page ${index + 1} is a direct object; it must be indirect`);
  return { ref: page.ref, dict: page.dict };
}
