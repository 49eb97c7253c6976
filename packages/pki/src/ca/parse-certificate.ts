import * as pkijs from 'pkijs';
import { bytesKey } from '../cache/bytes-key.js';
import { LruCache } from '../cache/lru-cache.js';
import { parseDer, toDer } from '../der/der-codec.js';
import { PkiError } from '../errors.js';

/**
 * PKI.js schema matching costs a millisecond or more per certificate and every verification touches
 * the same few (Event CA, root, TSA, evidence seal): parsed certificates are cached by the SHA-256
 * of their complete DER, so a different certificate (even with the same subject and serial) never
 * hits another's entry. Callers must treat the returned object as read-only. A parsed certificate
 * holds about 70 kB of asn1js objects: 256 entries stay under 20 MB.
 */
const parsed = new LruCache<string, pkijs.Certificate>(256);

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return parsed.getOrCompute(bytesKey(der), () => {
    try {
      return new pkijs.Certificate({ schema: parseDer(der, 'Certificate') });
    } catch (cause) {
      if (cause instanceof PkiError) throw cause;
      throw new PkiError('INVALID_DER', 'Certificate', { cause });
    }
  });
}

const spkis = new WeakMap<pkijs.Certificate, Uint8Array>();

/** SubjectPublicKeyInfo DER, encoded once per parsed certificate. */
export function spkiOf(cert: pkijs.Certificate): Uint8Array {
  let spki = spkis.get(cert);
  if (!spki) {
    spki = toDer(cert.subjectPublicKeyInfo.toSchema());
    spkis.set(cert, spki);
  }
  return spki;
}

const names = new WeakMap<pkijs.RelativeDistinguishedNames, Uint8Array>();

/** Name DER (RFC 5280 §4.1.2.4 / §4.1.2.6), encoded once per parsed name. */
export function nameDer(name: pkijs.RelativeDistinguishedNames): Uint8Array {
  let der = names.get(name);
  if (!der) {
    der = toDer(name.toSchema());
    names.set(name, der);
  }
  return der;
}
