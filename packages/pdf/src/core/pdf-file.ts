import { PdfError } from '../errors.js';
import { decodeStream } from '../parse/filters.js';
import { indexOf } from '../parse/lexer.js';
import { ObjectParser } from '../parse/parse-object.js';
import { type Revision, readRevisions } from '../parse/read-revisions.js';
import type { XrefEntry } from '../parse/xref-section.js';
import { isDict, isNumber, isStream, type PdfDict, PdfRef, type PdfValue } from './objects.js';

/** A parsed PDF: its bytes, its revisions and lazy object access as of any revision. */
export class PdfFile {
  private readonly cache = new Map<string, PdfValue>();
  private readonly objStmCache = new Map<string, { offsets: number[]; data: Uint8Array; first: number }>();

  private constructor(
    readonly bytes: Uint8Array,
    readonly revisions: Revision[],
  ) {}

  /** Parses the cross-reference structure only; objects are read on demand. Throws PdfError, never anything else. */
  static parse(bytes: Uint8Array): PdfFile {
    try {
      if (indexOf(bytes.subarray(0, 1024), '%PDF-') < 0) throw new PdfError('MALFORMED_PDF', 'no %PDF- header');
      return new PdfFile(bytes, readRevisions(bytes));
    } catch (e) {
      if (e instanceof PdfError) throw e;
      throw new PdfError('MALFORMED_PDF', String(e), { cause: e });
    }
  }

  get latest(): Revision {
    return this.revisions[this.revisions.length - 1]!;
  }

  /** The xref entry for `num` as of revision `rev`, with the revision that defined it. */
  entryAt(num: number, rev = this.revisions.length - 1): { entry: XrefEntry; revision: number } | undefined {
    for (let r = rev; r >= 0; r--) {
      const entry = this.revisions[r]!.entries.get(num);
      if (entry) return { entry, revision: r };
    }
    return undefined;
  }

  /** The object `num` as seen by a reader of revision `rev` (null when free or missing, §7.3.10). */
  getObject(num: number, rev = this.revisions.length - 1): PdfValue {
    const found = this.entryAt(num, rev);
    if (!found || found.entry.type === 'free') return null;
    const key = `${found.revision}:${num}`;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const value = this.readEntry(num, found.entry, found.revision);
    this.cache.set(key, value);
    return value;
  }

  /** Dereferences `v` (repeatedly) in revision `rev`. */
  resolve(v: PdfValue | undefined, rev = this.revisions.length - 1): PdfValue | undefined {
    let cur = v;
    for (let i = 0; cur instanceof PdfRef && i < 32; i++) cur = this.getObject(cur.num, rev);
    return cur;
  }

  resolveDict(v: PdfValue | undefined, rev = this.revisions.length - 1): PdfDict | undefined {
    const r = this.resolve(v, rev);
    if (isDict(r)) return r;
    if (isStream(r)) return r.dict;
    return undefined;
  }

  trailer(rev = this.revisions.length - 1): PdfDict {
    return this.revisions[rev]!.trailer;
  }

  catalog(rev = this.revisions.length - 1): PdfDict {
    const root = this.resolveDict(this.trailer(rev).get('Root'), rev);
    if (!root) throw new PdfError('MALFORMED_PDF', 'no document catalog');
    return root;
  }

  /** The next free object number (§7.5.5 /Size). */
  get size(): number {
    let size = 0;
    for (const r of this.revisions) {
      const s = r.trailer.get('Size');
      if (isNumber(s)) size = Math.max(size, s);
      for (const n of r.entries.keys()) size = Math.max(size, n + 1);
    }
    return size;
  }

  /** Byte offset of `num` as of `rev`, when it is stored uncompressed. */
  offsetOf(num: number, rev = this.revisions.length - 1): number | undefined {
    const e = this.entryAt(num, rev)?.entry;
    return e?.type === 'offset' ? e.offset : undefined;
  }

  private readEntry(num: number, entry: XrefEntry, rev: number): PdfValue {
    try {
      if (entry.type === 'offset') return this.readAt(num, entry.offset, rev);
      if (entry.type === 'compressed') return this.readCompressed(entry.stream, entry.index, rev);
      return null;
    } catch (e) {
      if (e instanceof PdfError) throw e;
      throw new PdfError('MALFORMED_PDF', `object ${num}: ${String(e)}`, { cause: e });
    }
  }

  private readAt(num: number, offset: number, rev: number): PdfValue {
    const lengthOf = (ref: PdfRef): number | undefined => {
      const v = ref.num === num ? undefined : this.getObject(ref.num, rev);
      return isNumber(v) ? v : undefined;
    };
    try {
      const p = new ObjectParser(this.bytes, offset, lengthOf);
      const obj = p.readIndirectObject();
      if (obj.num === num) return obj.value;
    } catch {
      // fall through to the scan below
    }
    // Wrong xref offset: look for "num gen obj" inside the defining revision (readers are expected to recover, §7.5.4 note).
    const r = this.revisions[rev]!;
    const re = new RegExp(`(?:^|[\\s>\\]])${num}\\s+\\d+\\s+obj\\b`, 'g');
    const text = Buffer.from(this.bytes.subarray(r.start, r.end)).toString('latin1');
    let m: RegExpExecArray | null = null;
    let lastStart = -1;
    for (m = re.exec(text); m; m = re.exec(text)) lastStart = m.index + (/^\d/.test(m[0]) ? 0 : 1);
    if (lastStart < 0) throw new PdfError('OBJECT_NOT_FOUND', `object ${num}`);
    return new ObjectParser(this.bytes, r.start + lastStart, lengthOf).readIndirectObject().value;
  }

  /** §7.5.7 object streams. */
  private readCompressed(streamNum: number, index: number, rev: number): PdfValue {
    const key = `${rev}:${streamNum}`;
    let parsed = this.objStmCache.get(key);
    if (!parsed) {
      const stm = this.getObject(streamNum, rev);
      if (!isStream(stm)) throw new PdfError('MALFORMED_PDF', `object stream ${streamNum} missing`);
      const data = decodeStream(stm);
      const n = stm.dict.get('N');
      const first = stm.dict.get('First');
      if (!isNumber(n) || !isNumber(first)) throw new PdfError('MALFORMED_PDF', 'bad object stream');
      const p = new ObjectParser(data, 0);
      const offsets: number[] = [];
      for (let i = 0; i < n; i++) {
        p.readValue();
        const off = p.readValue();
        offsets.push(isNumber(off) ? off : 0);
      }
      parsed = { offsets, data, first };
      this.objStmCache.set(key, parsed);
    }
    const off = parsed.offsets[index];
    if (off === undefined) throw new PdfError('OBJECT_NOT_FOUND', `index ${index} in object stream ${streamNum}`);
    return new ObjectParser(parsed.data, parsed.first + off).readValue(1);
  }
}
