import { X509Certificate } from 'node:crypto';
import { EvidenceError } from '../errors.js';
import { bytesEqual } from '../util/bytes.js';
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

/**
 * Every carried certificate must be a trust anchor or verify under an issuer that is itself carried or an anchor.
 * Path validation ignores spare certificates, so without this a changed byte in an unused copy would go unnoticed.
 */
export function findUnverifiableCertificates(carried: Uint8Array[], trustAnchors: Uint8Array[]): number {
  let bad = 0;
  const pool: X509Certificate[] = [];
  const parse = (der: Uint8Array): X509Certificate | undefined => {
    try {
      return new X509Certificate(der);
    } catch {
      return undefined;
    }
  };
  for (const der of [...carried, ...trustAnchors]) {
    const x = parse(der);
    if (x) pool.push(x);
  }
  for (const der of carried) {
    if (trustAnchors.some((a) => bytesEqual(a, der))) continue;
    const x = parse(der);
    const ok = x && pool.some((issuer) => x.checkIssued(issuer) && safeVerify(x, issuer));
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
