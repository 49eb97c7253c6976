import { EvidenceError } from '../errors.js';
import { readChildren, readTlv } from '../util/der.js';

/**
 * DER of every entry of a CMS SignedData `certificates` [0] IMPLICIT SET (RFC 5652 §5.1), found by walking the DER
 * (ContentInfo → [0] → SignedData: version, digestAlgorithms, encapContentInfo, [0] certificates).
 */
export function sealCertificates(cms: Uint8Array): Uint8Array[] {
  try {
    const ci = readTlv(cms, 0);
    const explicit = readChildren(cms, ci)[1];
    const signedData = explicit && readChildren(cms, explicit)[0];
    if (!signedData) return [];
    const certs = readChildren(cms, signedData).find((t, i) => i === 3 && t.tag === 0xa0);
    return certs ? readChildren(cms, certs).map((c) => cms.subarray(c.offset, c.end)) : [];
  } catch (cause) {
    throw new EvidenceError('SEAL_INVALID', 'seal is not DER CMS', { cause });
  }
}
