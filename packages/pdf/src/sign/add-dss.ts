import { createHash } from 'node:crypto';
import { isDict, isRef, isStream, name, PdfDict, type PdfRef, PdfStream, type PdfValue } from '../core/objects.js';
import { PdfError } from '../errors.js';
import { decodeStream } from '../parse/filters.js';
import type { UpdateBuilder } from '../write/update-builder.js';

export interface ValidationMaterial {
  certs: Uint8Array[];
  crls: Uint8Array[];
  ocsps: Uint8Array[];
}

export interface VriEntry extends ValidationMaterial {
  /** The /Contents bytes of the signature this entry validates (its SHA-1 names the VRI key). */
  signatureContents: Uint8Array;
}

const KINDS = [
  ['Certs', 'certs', 'Cert'],
  ['CRLs', 'crls', 'CRL'],
  ['OCSPs', 'ocsps', 'OCSP'],
] as const;

/**
 * Adds validation data to the Document Security Store (ETSI EN 319 142-1 §5.4.2): merges with the existing DSS,
 * storing each distinct certificate/CRL/OCSP response once, and writes a VRI entry per signature (§5.4.2.3:
 * key = upper-case hex SHA-1 of the signature's /Contents).
 */
export function addDss(b: UpdateBuilder, material: ValidationMaterial, vri: VriEntry[] = []): void {
  const catalog = b.resolve(b.rootRef);
  if (!isDict(catalog)) throw new PdfError('MALFORMED_PDF', 'catalog');
  const existingRef = catalog.get('DSS');
  const existing = isRef(existingRef) ? b.file.resolveDict(existingRef) : isDict(existingRef) ? existingRef : undefined;
  const dss = existing ? existing.clone() : new PdfDict([['Type', name('DSS')]]);
  const known = new Map<string, PdfRef>();
  const lists = new Map<string, PdfValue[]>();
  for (const [key] of KINDS) {
    const arr = b.file.resolve(dss.get(key));
    const items = Array.isArray(arr) ? [...arr] : [];
    for (const item of items) {
      const s = isRef(item) ? b.file.resolve(item) : undefined;
      if (isRef(item) && isStream(s)) known.set(digestOf(safeDecode(s)), item);
    }
    lists.set(key, items);
  }
  const refFor = (key: string, der: Uint8Array): PdfRef => {
    const d = digestOf(der);
    let ref = known.get(d);
    if (!ref) {
      ref = b.add(new PdfStream(new PdfDict(), der));
      known.set(d, ref);
      lists.get(key)!.push(ref);
    }
    return ref;
  };
  for (const [key, field] of KINDS) for (const der of material[field]) refFor(key, der);
  if (vri.length > 0) {
    const vriDict = b.file.resolveDict(dss.get('VRI'))?.clone() ?? new PdfDict();
    for (const entry of vri) {
      const item = new PdfDict();
      for (const [key, field, vriKey] of KINDS) {
        const refs = entry[field].map((der) => refFor(key, der));
        if (refs.length) item.set(vriKey, refs);
      }
      const id = createHash('sha1').update(entry.signatureContents).digest('hex').toUpperCase();
      vriDict.set(id, item);
    }
    dss.set('VRI', vriDict);
  }
  for (const [key] of KINDS) {
    const items = lists.get(key)!;
    if (items.length) dss.set(key, items);
  }
  if (isRef(existingRef)) b.put(existingRef, dss);
  else b.edit(b.rootRef).set('DSS', b.add(dss));
}

function safeDecode(s: PdfStream): Uint8Array {
  try {
    return s.dict.has('Filter') ? decodeStream(s) : s.data;
  } catch {
    return s.data;
  }
}

const digestOf = (der: Uint8Array): string => createHash('sha256').update(der).digest('hex');
