import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { isRef, isStream, PdfDict, type PdfValue } from '../core/objects.js';
import type { PdfFile } from '../core/pdf-file.js';
import { decodeStream } from '../parse/filters.js';
import type { PdfIssue } from './report.js';

export interface DssContent {
  certs: Uint8Array[];
  crls: Uint8Array[];
  ocsps: Uint8Array[];
  /** Upper-case hex VRI keys (SHA-1 of a signature's /Contents, ETSI EN 319 142-1 §5.4.2.3). */
  vriKeys: Set<string>;
  issues: PdfIssue[];
}

/** Reads the Document Security Store of revision `rev` and checks every entry parses as what it claims to be. */
export function readDss(file: PdfFile, rev = file.revisions.length - 1): DssContent {
  const out: DssContent = { certs: [], crls: [], ocsps: [], vriKeys: new Set(), issues: [] };
  let dss: PdfDict | undefined;
  try {
    dss = file.resolveDict(file.catalog(rev).get('DSS'), rev);
  } catch {
    dss = undefined;
  }
  if (!dss) return out;
  const read = (key: string, kind: 'cert' | 'crl' | 'ocsp', into: Uint8Array[]): void => {
    const arr = file.resolve(dss!.get(key), rev);
    if (!Array.isArray(arr)) return;
    for (const item of arr as PdfValue[]) {
      const s = file.resolve(item, rev);
      if (!isStream(s)) continue;
      let der: Uint8Array;
      try {
        der = s.dict.has('Filter') ? decodeStream(s) : s.data;
        parseAs(kind, der);
      } catch (e) {
        out.issues.push({
          code: 'DSS_CORRUPT',
          message: `DSS /${key} entry ${isRef(item) ? item.num : '?'} is not a valid ${kind}: ${String(e)}`,
          object: isRef(item) ? item.num : undefined,
        });
        continue;
      }
      into.push(der);
    }
  };
  read('Certs', 'cert', out.certs);
  read('CRLs', 'crl', out.crls);
  read('OCSPs', 'ocsp', out.ocsps);
  const vri = file.resolve(dss.get('VRI'), rev);
  if (vri instanceof PdfDict) for (const k of vri.map.keys()) out.vriKeys.add(k.toUpperCase());
  return out;
}

function parseAs(kind: 'cert' | 'crl' | 'ocsp', der: Uint8Array): void {
  const asn = asn1js.fromBER(der);
  if (asn.offset === -1 || asn.offset !== der.length) throw new Error('not DER');
  if (kind === 'cert') new pkijs.Certificate({ schema: asn.result });
  else if (kind === 'crl') new pkijs.CertificateRevocationList({ schema: asn.result });
  else new pkijs.OCSPResponse({ schema: asn.result });
}
