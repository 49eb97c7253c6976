import { changedKeys, deepEqual } from '../core/deep-equal.js';
import { isDict, isName, isRef, isStream, type PdfDict, type PdfValue } from '../core/objects.js';
import type { PdfFile } from '../core/pdf-file.js';
import type { ModificationLevel, PdfIssue, PdfIssueCode } from './report.js';
import { maxLevel } from './report.js';
import { RevisionGraph } from './revision-graph.js';

export interface RevisionDiff {
  level: ModificationLevel;
  issues: PdfIssue[];
}

/** Catalog keys an update after a signature may touch (AcroForm for new fields, DSS, XMP, extension markers). */
const CATALOG_ALLOWED = ['AcroForm', 'DSS', 'Metadata', 'Extensions', 'Version'];
const ACROFORM_ALLOWED = ['Fields', 'SigFlags', 'DR', 'DA', 'NeedAppearances'];
/** Keys of a signature field that filling it may change (ISO 32000-1 §12.7.4.5, Table 232). */
const SIG_FIELD_FILL = ['V', 'AP', 'AS', 'F', 'MK', 'Lock'];

/**
 * Compares revision `rev` with `rev - 1` and classifies every object it redefines. Allowed after a signature:
 * DSS/VRI, document time-stamps, new signature fields and their widgets (with the /AcroForm, /Fields and page
 * /Annots edits they require), filling empty signature fields, and metadata (Info, XMP). Anything else — page
 * content, new non-signature annotations, replaced or removed objects — is OTHER (the shadow attack, STANDARDS.md).
 */
export function diffRevision(file: PdfFile, rev: number, prevGraph: RevisionGraph): RevisionDiff {
  const P = rev - 1;
  const issues: PdfIssue[] = [];
  let level: ModificationLevel = 'NONE';
  const flag = (code: PdfIssueCode, message: string, object?: number): void => {
    issues.push({ code, message, revision: rev, object });
    level = 'OTHER';
  };
  const raise = (l: ModificationLevel): void => {
    level = maxLevel(level, l);
  };
  const oldTrailer = file.trailer(P);
  const newTrailer = file.trailer(rev);
  const rootOld = oldTrailer.get('Root');
  const rootNew = newTrailer.get('Root');
  if (!isRef(rootOld) || !isRef(rootNew) || rootOld.num !== rootNew.num) {
    flag('REVISION_CATALOG_CHANGED', 'the trailer points to a different catalog');
    return { level, issues };
  }
  const section = ['Prev', 'XRefStm', 'Size', 'W', 'Index', 'Length', 'Filter', 'DecodeParms', 'Type', 'ID', 'Info'];
  for (const k of changedKeys(oldTrailer, newTrailer, section))
    flag('REVISION_TRAILER_CHANGED', `trailer /${k} changed`);

  const get = (n: number, r: number): PdfValue => {
    try {
      return file.getObject(n, r);
    } catch {
      return null;
    }
  };
  const catalogOld = file.catalog(P);
  const dssSet = prevGraph.closure(catalogOld.get('DSS'));
  const infoOld = oldTrailer.get('Info');
  const metadataOld = catalogOld.get('Metadata');
  const acroOld = catalogOld.get('AcroForm');
  const fieldsOld = file.resolveDict(acroOld, P)?.get('Fields');
  const annotsArrays = new Set<number>();
  for (const [num, refs] of prevGraph.referrers) {
    if (refs.some((r) => r.path.length === 1 && r.path[0] === 'Annots' && isPage(get(r.from, P))))
      annotsArrays.add(num);
  }
  const isSigField = (d: PdfDict, r: number): boolean => fieldType(file, d, r) === 'Sig';
  const filled = new Map<number, Set<number>>();

  // First pass: signature fields filled in this revision, and the appearance objects they own.
  for (const [n] of file.revisions[rev]!.entries) {
    const o = get(n, P);
    const nv = get(n, rev);
    if (isDict(o) && isDict(nv) && isSigField(o, P) && !o.has('V') && nv.has('V')) {
      filled.set(n, prevGraph.closure(o.get('AP')));
    }
  }

  const checkList = (oldArr: PdfValue | undefined, newArr: PdfValue | undefined, kind: 'annots' | 'fields'): void => {
    const a = (Array.isArray(oldArr) ? oldArr : []).filter(isRef);
    const b = (Array.isArray(newArr) ? newArr : []).filter(isRef);
    const keys = new Set(b.map((r) => r.key));
    for (const r of a) {
      if (keys.has(r.key)) continue;
      const d = file.resolveDict(r, P);
      if (d && isSigField(d, P) && d.has('V')) flag('SIGNATURE_REMOVED', `signed field ${r.num} removed`, r.num);
      else
        flag(kind === 'annots' ? 'REVISION_ANNOTATION_REMOVED' : 'REVISION_FIELD_REMOVED', `${r.num} removed`, r.num);
    }
    const before = new Set(a.map((r) => r.key));
    for (const r of b) {
      if (before.has(r.key)) continue;
      const d = file.resolveDict(r, rev);
      // A field that only carries a document time-stamp is archival (ETSI EN 319 142-1 §5.4.3), not form filling.
      const isDocTs = d && isName(file.resolveDict(d.get('V'), rev)?.get('Type'), 'DocTimeStamp');
      if (d && isSigField(d, rev)) raise(isDocTs ? 'LTA_UPDATES' : 'FORM_FILLING');
      else flag(kind === 'annots' ? 'REVISION_ANNOTATION_ADDED' : 'REVISION_FIELD_ADDED', `${r.num} added`, r.num);
    }
  };
  const checkAcroForm = (o: PdfDict | undefined, nv: PdfDict | undefined): void => {
    if (!o || !nv) return;
    for (const k of changedKeys(o, nv, ACROFORM_ALLOWED)) flag('REVISION_FORM_CHANGED', `/AcroForm /${k} changed`);
    if (!deepEqual(o.get('Fields'), nv.get('Fields'))) {
      checkList(file.resolve(o.get('Fields'), P), file.resolve(nv.get('Fields'), rev), 'fields');
    }
  };

  for (const [n, entry] of file.revisions[rev]!.entries) {
    if (n === 0) continue;
    const o = get(n, P);
    const nv = get(n, rev);
    if (entry.type === 'free' || nv === null) {
      if (o !== null && prevGraph.reachable.has(n)) {
        const signed = isDict(o) && isSigField(o, P) && o.has('V');
        flag(signed ? 'SIGNATURE_REMOVED' : 'REVISION_OBJECT_REMOVED', `object ${n} deleted`, n);
      }
      continue;
    }
    if (o === null || deepEqual(o, nv)) continue;
    if (isStream(o) && (isName(o.dict.get('Type'), 'XRef') || isName(o.dict.get('Type'), 'ObjStm'))) continue;
    const od = isStream(o) ? o.dict : isDict(o) ? o : undefined;
    const nd = isStream(nv) ? nv.dict : isDict(nv) ? nv : undefined;
    if (n === rootOld.num && od && nd) {
      for (const k of changedKeys(od, nd, CATALOG_ALLOWED))
        flag('REVISION_CATALOG_CHANGED', `catalog /${k} changed`, n);
      if (isDict(od.get('AcroForm')) || isDict(nd.get('AcroForm'))) {
        checkAcroForm(file.resolveDict(od.get('AcroForm'), P), file.resolveDict(nd.get('AcroForm'), rev));
      }
      raise('LTA_UPDATES');
    } else if ((isRef(infoOld) && n === infoOld.num) || (isRef(metadataOld) && n === metadataOld.num)) {
      raise('LTA_UPDATES');
    } else if (dssSet.has(n)) {
      raise('LTA_UPDATES');
    } else if (isRef(acroOld) && n === acroOld.num) {
      checkAcroForm(od, nd);
    } else if (isRef(fieldsOld) && n === fieldsOld.num) {
      checkList(o, nv, 'fields');
    } else if (annotsArrays.has(n)) {
      checkList(o, nv, 'annots');
    } else if (od && nd && isPage(od)) {
      const keys = changedKeys(od, nd, ['Annots']);
      if (keys.some((k) => k === 'Contents' || k === 'Resources')) {
        flag('REVISION_PAGE_CONTENT_CHANGED', `page ${n} /${keys.join(' /')} changed`, n);
      } else if (keys.length) flag('REVISION_PAGE_CHANGED', `page ${n} /${keys.join(' /')} changed`, n);
      if (!deepEqual(od.get('Annots'), nd.get('Annots'))) {
        checkList(file.resolve(od.get('Annots'), P), file.resolve(nd.get('Annots'), rev), 'annots');
      }
    } else if (od && nd && isDict(o) && isSigField(o, P)) {
      if (o.has('V')) {
        flag(nd.has('V') ? 'SIGNATURE_CHANGED' : 'SIGNATURE_REMOVED', `signed field ${n} modified`, n);
        continue;
      }
      for (const k of changedKeys(od, nd, SIG_FIELD_FILL)) flag('REVISION_FORM_CHANGED', `signature field /${k}`, n);
      const oldAp = od.get('AP');
      if (
        isRef(oldAp) &&
        !deepEqual(oldAp, nd.get('AP')) &&
        prevGraph.referrersOf(oldAp.num).some((r) => r.from !== n)
      ) {
        flag('REVISION_SHARED_APPEARANCE', `appearance ${oldAp.num} is used in multiple contexts`, n);
      }
      raise('FORM_FILLING');
    } else {
      const owner = [...filled.entries()].find(([, ap]) => ap.has(n));
      const refs = prevGraph.referrersOf(n);
      if (owner && refs.every((r) => r.from === owner[0] || owner[1].has(r.from))) {
        raise('FORM_FILLING');
        continue;
      }
      const isContent = refs.some((r) => r.path[0] === 'Contents' && isPage(get(r.from, P)));
      flag(
        isContent ? 'REVISION_PAGE_CONTENT_CHANGED' : 'REVISION_OBJECT_REPLACED',
        `object ${n} replaced${refs.length ? ` (used at ${refs.map((r) => `${r.from}/${r.path.join('.')}`).join(', ')})` : ''}`,
        n,
      );
    }
  }
  return { level, issues };
}

const isPage = (v: PdfValue): boolean => isDict(v) && isName(v.get('Type'), 'Page');

/** /FT, inherited through /Parent (ISO 32000-1 §12.7.3.1). */
function fieldType(file: PdfFile, d: PdfDict, rev: number): string | undefined {
  let cur: PdfDict | undefined = d;
  for (let i = 0; cur && i < 32; i++) {
    const ft = cur.get('FT');
    if (isName(ft)) return ft.value;
    cur = file.resolveDict(cur.get('Parent'), rev);
  }
  return undefined;
}

export { RevisionGraph };
