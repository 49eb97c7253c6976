import {
  derHeader,
  oidFromContent,
  readChildren,
  readTlv,
  TAG,
  type Tlv,
  tlvBytes,
  tlvContent,
} from '../der/der-reader.js';
import { OID } from '../der/oids.js';

/** The parts of a DER SignedData that verification needs, as byte slices. */
export interface SignedDataParts {
  eContentType: string;
  eContent?: Uint8Array;
  /** CertificateChoices that are plain Certificates, exactly as sent. */
  certificates: Uint8Array[];
  /** The one SignerInfo re-encoded without its unsignedAttrs (they only carry the token below). */
  signerInfo: Uint8Array;
  /** First value of the id-aa-signatureTimeStampToken unsigned attribute (RFC 5126 §5.11.4). */
  signatureTimestampToken?: Uint8Array;
}

const isTag = (t: Tlv | undefined, tag: number): t is Tlv => t?.tag === tag;

function oidOf(buf: Uint8Array, t: Tlv | undefined): string | undefined {
  return isTag(t, TAG.oid) ? oidFromContent(tlvContent(buf, t)) : undefined;
}

/**
 * RFC 5652 §3 / §5.1 / §5.3 read positionally from strict DER:
 *   ContentInfo ::= SEQUENCE { contentType, content [0] EXPLICIT ANY }
 *   SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo SEQUENCE { eContentType,
 *     eContent [0] EXPLICIT OCTET STRING OPTIONAL }, certificates [0] IMPLICIT OPTIONAL,
 *     crls [1] IMPLICIT OPTIONAL, signerInfos SET }
 *   SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, signedAttrs [0] OPTIONAL,
 *     signatureAlgorithm, signature OCTET STRING, unsignedAttrs [1] OPTIONAL }
 * Returns undefined for anything else (BER, constructed OCTET STRINGs, several SignerInfos,
 * unexpected elements): the general PKI.js decoder then handles or rejects it as before.
 */
export function splitSignedData(buf: Uint8Array): SignedDataParts | undefined {
  // Octets after the ContentInfo are ignored, as the asn1js decoder always did (zero-padded /Contents).
  const outer = readTlv(buf, 0, buf.length);
  if (!isTag(outer, TAG.sequence)) return undefined;
  const ci = readChildren(buf, outer);
  if (ci?.length !== 2 || oidOf(buf, ci[0]) !== OID.signedData || !isTag(ci[1], TAG.context0)) return undefined;
  const wrapped = readChildren(buf, ci[1]);
  if (wrapped?.length !== 1 || !isTag(wrapped[0], TAG.sequence)) return undefined;
  const fields = readChildren(buf, wrapped[0]);
  if (!fields || fields.length < 4 || fields.length > 6) return undefined;
  const [version, digestAlgorithms, encap] = fields;
  if (!isTag(version, TAG.integer) || !isTag(digestAlgorithms, TAG.set) || !isTag(encap, TAG.sequence))
    return undefined;
  // DigestAlgorithmIdentifiers ::= SET OF AlgorithmIdentifier (SEQUENCE { algorithm OID, parameters ANY }).
  for (const alg of readChildren(buf, digestAlgorithms) ?? [undefined]) {
    const algFields = isTag(alg, TAG.sequence) ? readChildren(buf, alg) : undefined;
    if (!algFields?.length || !oidOf(buf, algFields[0])) return undefined;
  }
  let next = 3;
  const certSet = isTag(fields[next], TAG.context0) ? fields[next++] : undefined;
  if (isTag(fields[next], TAG.context1)) next++;
  const signerInfos = fields[next];
  if (!isTag(signerInfos, TAG.set) || next !== fields.length - 1) return undefined;

  const encapFields = readChildren(buf, encap);
  const eContentType = oidOf(buf, encapFields?.[0]);
  if (!encapFields || !eContentType || encapFields.length > 2) return undefined;
  let eContent: Uint8Array | undefined;
  if (encapFields[1]) {
    if (!isTag(encapFields[1], TAG.context0)) return undefined;
    const inner = readChildren(buf, encapFields[1]);
    if (inner?.length !== 1 || !isTag(inner[0], TAG.octetString)) return undefined;
    eContent = tlvContent(buf, inner[0]).slice();
  }

  const certificates: Uint8Array[] = [];
  for (const choice of certSet ? (readChildren(buf, certSet) ?? [undefined]) : []) {
    if (!choice) return undefined;
    if (choice.tag === TAG.sequence) certificates.push(tlvBytes(buf, choice).slice());
    // [0]..[3] are the other CertificateChoices (RFC 5652 §10.2.2), which verification ignores.
    else if (choice.tag < 0xa0 || choice.tag > 0xa3) return undefined;
  }

  const infos = readChildren(buf, signerInfos);
  if (infos?.length !== 1 || !isTag(infos[0], TAG.sequence)) return undefined;
  const info = infos[0];
  const infoFields = readChildren(buf, info);
  const last = infoFields?.at(-1);
  if (!infoFields || !last) return undefined;
  let signerInfo = tlvBytes(buf, info).slice();
  let signatureTimestampToken: Uint8Array | undefined;
  if (isTag(last, TAG.context1)) {
    const attrs = readChildren(buf, last);
    if (!attrs) return undefined;
    for (const attr of attrs) {
      const parts = isTag(attr, TAG.sequence) ? readChildren(buf, attr) : undefined;
      const type = oidOf(buf, parts?.[0]);
      if (parts?.length !== 2 || !type || !isTag(parts[1], TAG.set)) return undefined;
      const values = readChildren(buf, parts[1]);
      if (!values?.length) return undefined;
      if (type === OID.signatureTimeStampToken && !signatureTimestampToken) {
        signatureTimestampToken = tlvBytes(buf, values[0] as Tlv).slice();
      }
    }
    const kept = buf.subarray(info.contentStart, last.start);
    signerInfo = new Uint8Array([...derHeader(TAG.sequence, kept.length), ...kept]);
  }
  return {
    eContentType,
    ...(eContent ? { eContent } : {}),
    certificates,
    signerInfo,
    ...(signatureTimestampToken ? { signatureTimestampToken } : {}),
  };
}
