import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certIdMatchesIssuer } from '../ca/ocsp-response.js';
import { nameDer, parseCertificate, spkiOf } from '../ca/parse-certificate.js';
import { bytesKey } from '../cache/bytes-key.js';
import { LruCache } from '../cache/lru-cache.js';
import { parseDer } from '../der/der-codec.js';
import { equalBytes } from '../der/der-set.js';
import { OID } from '../der/oids.js';
import { verifySignature } from '../signers/verify-signature.js';
import type { RevocationData, VerificationIssue } from '../types.js';
import { parseOcspBasic } from './parse-ocsp-response.js';

type Status = { kind: 'good' } | { kind: 'revoked'; at: Date } | { kind: 'none' };

const serialOf = (c: pkijs.Certificate) => new Uint8Array(c.serialNumber.valueBlock.valueHexView);

/** RFC 5280 §6.3 (simplified): a CRL by the issuer, signed by it, listing the serial or not. */
function crlStatus(
  cert: pkijs.Certificate,
  issuer: pkijs.Certificate,
  crls: pkijs.CertificateRevocationList[],
): Status {
  for (const crl of crls) {
    if (!equalBytes(nameDer(crl.issuer), nameDer(issuer.subject))) continue;
    const ok = verifySignature({
      spki: spkiOf(issuer),
      algorithm: crl.signatureAlgorithm,
      data: new Uint8Array(crl.tbsView),
      signature: new Uint8Array(crl.signatureValue.valueBlock.valueHexView),
    });
    if (!ok) continue;
    const hit = crl.revokedCertificates?.find((r) =>
      equalBytes(new Uint8Array(r.userCertificate.valueBlock.valueHexView), serialOf(cert)),
    );
    return hit ? { kind: 'revoked', at: hit.revocationDate.value } : { kind: 'good' };
  }
  return { kind: 'none' };
}

function hasOcspSigningEku(cert: pkijs.Certificate): boolean {
  const eku = cert.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  if (!eku) return false;
  const seq = parseDer(new Uint8Array(eku.extnValue.valueBlock.valueHexView), 'ExtKeyUsage') as asn1js.Sequence;
  return seq.valueBlock.value.some((v) => (v as asn1js.ObjectIdentifier).valueBlock.toString() === OID.ekuOcspSigning);
}

/** RFC 6960 §4.2.2.2: signed by the issuer itself or by a responder it certified for OCSPSigning. */
function ocspSignerOk(basic: pkijs.BasicOCSPResponse, issuer: pkijs.Certificate): boolean {
  const candidates = [issuer, ...(basic.certs ?? [])];
  return candidates.some((signer) => {
    const delegated = signer !== issuer;
    if (delegated) {
      const certified =
        equalBytes(nameDer(signer.issuer), nameDer(issuer.subject)) &&
        verifySignature({
          spki: spkiOf(issuer),
          algorithm: signer.signatureAlgorithm,
          data: new Uint8Array(signer.tbsView),
          signature: new Uint8Array(signer.signatureValue.valueBlock.valueHexView),
        });
      if (!certified || !hasOcspSigningEku(signer)) return false;
    }
    try {
      return verifySignature({
        spki: spkiOf(signer),
        algorithm: basic.signatureAlgorithm,
        data: new Uint8Array(basic.tbsResponseData.tbsView),
        signature: new Uint8Array(basic.signature.valueBlock.valueHexView),
      });
    } catch {
      return false;
    }
  });
}

function ocspStatus(cert: pkijs.Certificate, issuer: pkijs.Certificate, responses: pkijs.BasicOCSPResponse[]): Status {
  for (const basic of responses) {
    const single = basic.tbsResponseData.responses.find(
      (r) =>
        certIdMatchesIssuer(r.certID, issuer) &&
        equalBytes(new Uint8Array(r.certID.serialNumber.valueBlock.valueHexView), serialOf(cert)),
    );
    if (!single || !ocspSignerOk(basic, issuer)) continue;
    const tag = (single.certStatus as asn1js.BaseBlock).idBlock.tagNumber;
    if (tag === 0) return { kind: 'good' };
    if (tag === 1) {
      const time = (single.certStatus as asn1js.Constructed).valueBlock.value[0] as asn1js.GeneralizedTime;
      return { kind: 'revoked', at: time.toDate() };
    }
  }
  return { kind: 'none' };
}

/**
 * Parsed CRLs and OCSP responses by the SHA-256 of their bytes (null: unreadable). A B-LT/B-LTA PDF
 * carries the same few in its DSS for every signature; the parsed objects are read-only.
 */
const crlCache = new LruCache<string, pkijs.CertificateRevocationList | null>(32);
const ocspCache = new LruCache<string, pkijs.BasicOCSPResponse | null>(128);

function parseCrlCached(der: Uint8Array): pkijs.CertificateRevocationList | null {
  return crlCache.getOrCompute(bytesKey(der), () => {
    try {
      return new pkijs.CertificateRevocationList({ schema: parseDer(der.slice(), 'CRL') });
    } catch {
      return null;
    }
  });
}

function parseBasicCached(der: Uint8Array): pkijs.BasicOCSPResponse | null {
  return ocspCache.getOrCompute(bytesKey(der), () => parseOcspBasic(der.slice()) ?? null);
}

/**
 * Every certificate of `chain` except the trust anchor must have a status from the supplied CRLs or
 * OCSP responses; a revocation at or before `at` fails (a later one does not affect a signature
 * proven to exist earlier by its timestamp).
 */
export function checkRevocation(chain: Uint8Array[], data: RevocationData, at: Date): VerificationIssue[] {
  const crls = data.crls.map(parseCrlCached).filter((c): c is pkijs.CertificateRevocationList => c !== null);
  const ocsps = data.ocsps.map(parseBasicCached).filter((b): b is pkijs.BasicOCSPResponse => b !== null);
  const errors: VerificationIssue[] = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const cert = parseCertificate(chain[i] as Uint8Array);
    const issuer = parseCertificate(chain[i + 1] as Uint8Array);
    const statuses = [ocspStatus(cert, issuer, ocsps), crlStatus(cert, issuer, crls)];
    const revoked = statuses.find((s): s is { kind: 'revoked'; at: Date } => s.kind === 'revoked');
    if (revoked && revoked.at <= at) {
      errors.push({ code: 'CERT_REVOKED', message: `certificate ${i} revoked at ${revoked.at.toISOString()}` });
    } else if (statuses.every((s) => s.kind === 'none')) {
      errors.push({ code: 'REVOCATION_UNKNOWN', message: `no CRL or OCSP response covers certificate ${i}` });
    }
  }
  return errors;
}
