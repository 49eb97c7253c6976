import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { nameDer, parseCertificate, spkiOf } from '../ca/parse-certificate.js';
import { parseDer } from '../der/der-codec.js';
import { equalBytes } from '../der/der-set.js';
import { OID } from '../der/oids.js';
import { verifySignature } from '../signers/verify-signature.js';
import type { VerificationIssue } from '../types.js';

export interface ChainResult {
  /** Leaf first; ends with the trust anchor when one was reached. */
  chain: Uint8Array[];
  errors: VerificationIssue[];
}

const MAX_DEPTH = 8;

const caFlags = new WeakMap<pkijs.Certificate, boolean>();

/** RFC 5280 §4.2.1.9 cA flag, read once per parsed (cached, read-only) certificate. */
function isCa(cert: pkijs.Certificate): boolean {
  let flag = caFlags.get(cert);
  if (flag === undefined) {
    flag = readCaFlag(cert);
    caFlags.set(cert, flag);
  }
  return flag;
}

function readCaFlag(cert: pkijs.Certificate): boolean {
  const bc = cert.extensions?.find((e) => e.extnID === OID.basicConstraints);
  if (!bc) return false;
  const seq = parseDer(new Uint8Array(bc.extnValue.valueBlock.valueHexView), 'BasicConstraints') as asn1js.Sequence;
  const first = seq.valueBlock.value[0];
  return first instanceof asn1js.Boolean && first.getValue();
}

function signedBy(child: pkijs.Certificate, issuer: pkijs.Certificate): boolean {
  if (!equalBytes(nameDer(child.issuer), nameDer(issuer.subject))) return false;
  try {
    return verifySignature({
      spki: spkiOf(issuer),
      algorithm: child.signatureAlgorithm,
      data: new Uint8Array(child.tbsView),
      signature: new Uint8Array(child.signatureValue.valueBlock.valueHexView),
    });
  } catch {
    return false;
  }
}

/** RFC 5280 §4.1.2.5: the validation time lies within notBefore..notAfter. */
function validityIssue(cert: pkijs.Certificate, at: Date): VerificationIssue | undefined {
  const cn = cert.subject.typesAndValues.find((t) => t.type === OID.commonName)?.value.valueBlock.value ?? '?';
  if (at < cert.notBefore.value)
    return { code: 'CERT_NOT_YET_VALID', message: `${cn} not valid before ${cert.notBefore.value.toISOString()}` };
  if (at > cert.notAfter.value)
    return { code: 'CERT_EXPIRED', message: `${cn} expired ${cert.notAfter.value.toISOString()}` };
  return undefined;
}

/**
 * Builds leaf → … → trust anchor from the supplied certificates and checks every link (RFC 5280 §6.1,
 * simplified: names chain, signatures verify, issuers are CAs, every certificate is valid at `at`).
 */
export function buildChain(leaf: Uint8Array, pool: Uint8Array[], trustAnchors: Uint8Array[], at: Date): ChainResult {
  const anchors = trustAnchors.map((der) => ({ der, cert: parseCertificate(der) }));
  const candidates = pool.map((der) => ({ der, cert: parseCertificate(der) }));
  const chain: Uint8Array[] = [leaf];
  const errors: VerificationIssue[] = [];
  let current = { der: leaf, cert: parseCertificate(leaf) };
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const v = validityIssue(current.cert, at);
    if (v) errors.push(v);
    if (anchors.some((a) => equalBytes(a.der, current.der))) return { chain, errors };
    const anchor = anchors.find((a) => signedBy(current.cert, a.cert));
    const next =
      anchor ?? candidates.find((c) => !chain.some((d) => equalBytes(d, c.der)) && signedBy(current.cert, c.cert));
    if (!next) break;
    if (!isCa(next.cert)) {
      errors.push({ code: 'CHAIN_INVALID', message: 'issuer certificate is not a CA' });
      return { chain, errors };
    }
    chain.push(next.der);
    current = next;
    if (anchor) {
      const av = validityIssue(anchor.cert, at);
      if (av) errors.push(av);
      return { chain, errors };
    }
  }
  errors.push({ code: 'CHAIN_INVALID', message: 'no chain to a trust anchor' });
  return { chain, errors };
}
