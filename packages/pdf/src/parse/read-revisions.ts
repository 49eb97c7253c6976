import { isNumber, type PdfDict } from '../core/objects.js';
import { PdfError } from '../errors.js';
import { indexOf, Lexer, lastIndexOf } from './lexer.js';
import { readXrefSection, type XrefEntry, type XrefSection } from './xref-section.js';

/** One revision: the original document or one incremental update (ISO 32000-1 §7.5.6). */
export interface Revision {
  index: number;
  kind: 'table' | 'stream' | 'hybrid';
  /** The section `startxref`/`/Prev` points at — the offset a following update must name as /Prev. */
  xrefOffset: number;
  trailer: PdfDict;
  /** Objects (re)defined or freed by this revision. */
  entries: Map<number, XrefEntry>;
  sections: XrefSection[];
  /** Byte range [start, end) of this revision; end is just after its %%EOF line. */
  start: number;
  end: number;
  /** Linearized base (first-page section with a forward /Prev, §F.3). */
  isLinearized: boolean;
}

/** Walks the startxref → /Prev chain and groups sections into revisions, oldest first. */
export function readRevisions(bytes: Uint8Array): Revision[] {
  const sx = lastIndexOf(bytes, 'startxref', bytes.length);
  if (sx < 0) throw new PdfError('XREF_NOT_FOUND', 'no startxref');
  const lx = new Lexer(bytes, sx + 9);
  lx.skipWhitespace();
  const first = lx.readUint();
  if (first === undefined) throw new PdfError('XREF_NOT_FOUND', 'startxref without an offset');

  const groups: XrefSection[][] = [];
  const seen = new Set<number>();
  let next: number | undefined = first;
  let merge = false;
  while (next !== undefined) {
    if (seen.has(next) || seen.size > 10_000) throw new PdfError('MALFORMED_PDF', 'cyclic /Prev chain');
    seen.add(next);
    const section = readXrefSection(bytes, next);
    seen.add(section.offset);
    if (merge) groups[groups.length - 1]!.push(section);
    else groups.push([section]);
    const prev = section.trailer.get('Prev');
    next = isNumber(prev) ? prev : undefined;
    // A /Prev pointing forward is the linearization hint table's main section: same revision.
    merge = next !== undefined && next > section.offset;
  }
  groups.reverse();

  const revisions: Revision[] = [];
  let start = 0;
  groups.forEach((sections, index) => {
    const head = sections[0]!;
    const entries = new Map<number, XrefEntry>();
    for (const s of sections) for (const [n, e] of s.entries) if (!entries.has(n)) entries.set(n, e);
    const last = Math.max(...sections.map((s) => s.end));
    const end = findRevisionEnd(bytes, last);
    revisions.push({
      index,
      kind: sections.some((s) => s.kind === 'hybrid') ? 'hybrid' : head.kind,
      xrefOffset: head.offset,
      trailer: head.trailer,
      entries,
      sections,
      start,
      end,
      isLinearized: sections.length > 1,
    });
    start = end;
  });
  if (revisions.some((r) => r.trailer.has('Encrypt'))) throw new PdfError('ENCRYPTED_PDF');
  return revisions;
}

/** The byte after the `%%EOF` (and its end-of-line) that closes a section ending at `from`. */
function findRevisionEnd(bytes: Uint8Array, from: number): number {
  const eof = indexOf(bytes, '%%EOF', from);
  if (eof < 0) return bytes.length;
  let end = eof + 5;
  if (bytes[end] === 13) end++;
  if (bytes[end] === 10) end++;
  return end;
}
