import { X509Certificate } from 'node:crypto';
import { EvidenceError } from '../errors.js';
import { bytesEqual, sha256, toHex } from '../util/bytes.js';
import { decodeOid, readChildren, readTlv, type Tlv } from '../util/der.js';

/** id-aa-signatureTimeStampToken (RFC 3161 Appendix A). */
const SIGNATURE_TIMESTAMP_OID = '1.2.840.113549.1.9.16.2.14';

/** ContentInfo → [0] → SignedData fields (RFC 5652 §5.1), by walking the DER. */
function signedDataFields(cms: Uint8Array): Tlv[] {
  const ci = readTlv(cms, 0);
  const explicit = readChildren(cms, ci)[1];
  const signedData = explicit && readChildren(cms, explicit)[0];
  return signedData ? readChildren(cms, signedData) : [];
}

/**
 * Every certificate a CMS SignedData carries — in its `certificates` set and, recursively, inside RFC 3161
 * signature-timestamp tokens in its signers' unsigned attributes.
 */
export function carriedCertificates(cms: Uint8Array): Uint8Array[] {
  try {
    const fields = signedDataFields(cms);
    const certSet = fields.find((t, i) => i === 3 && t.tag === 0xa0);
    const out = certSet ? readChildren(cms, certSet).map((c) => cms.subarray(c.offset, c.end)) : [];
    const signerInfos = fields.at(-1);
    for (const si of signerInfos?.tag === 0x31 ? readChildren(cms, signerInfos) : []) {
      const unsigned = readChildren(cms, si).find((t) => t.tag === 0xa1);
      for (const attr of unsigned ? readChildren(cms, unsigned) : []) {
        const [type, values] = readChildren(cms, attr);
        if (!type || !values || decodeOid(cms.subarray(type.start, type.end)) !== SIGNATURE_TIMESTAMP_OID) continue;
        for (const token of readChildren(cms, values))
          out.push(...carriedCertificates(cms.subarray(token.offset, token.end)));
      }
    }
    return out;
  } catch (cause) {
    throw new EvidenceError('SEAL_INVALID', 'not DER CMS', { cause });
  }
}

/** Certificates parse once; (certificate, issuer) pairs whose signature verified are remembered — a valid signature
 * stays valid, and every bundle of one hospital carries the same seal and TSA chains. Bounded caches. */
const parsed = new Map<string, X509Certificate | null>();
const verifiedPairs = new Set<string>();
const CACHE_LIMIT = 1024;

function parseCached(der: Uint8Array): { key: string; cert: X509Certificate | null } {
  const key = toHex(sha256(der));
  let cert = parsed.get(key);
  if (cert === undefined) {
    try {
      cert = new X509Certificate(der);
    } catch {
      cert = null;
    }
    if (parsed.size >= CACHE_LIMIT) parsed.clear();
    parsed.set(key, cert);
  }
  return { key, cert };
}

/**
 * Every carried certificate must be a trust anchor or verify under an issuer that is itself carried or an anchor.
 * Path validation ignores spare certificates, so without this a changed byte in an unused copy would go unnoticed.
 */
export function findUnverifiableCertificates(carried: Uint8Array[], trustAnchors: Uint8Array[]): number {
  const pool = [...carried, ...trustAnchors].map(parseCached).filter((p) => p.cert !== null);
  let bad = 0;
  for (const der of carried) {
    if (trustAnchors.some((a) => bytesEqual(a, der))) continue;
    const { key, cert } = parseCached(der);
    const ok =
      cert !== null &&
      pool.some((issuer) => {
        const pair = `${key}:${issuer.key}`;
        if (verifiedPairs.has(pair)) return true;
        if (!cert.checkIssued(issuer.cert!) || !safeVerify(cert, issuer.cert!)) return false;
        if (verifiedPairs.size >= CACHE_LIMIT) verifiedPairs.clear();
        verifiedPairs.add(pair);
        return true;
      });
    if (!ok) bad++;
  }
  return bad;
}

function safeVerify(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}
