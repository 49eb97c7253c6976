import * as asn1js from 'asn1js';
import { parseCertificate, spkiOf } from '../ca/issue-certificate.js';
import { parseDer } from '../der/der-codec.js';
import { equalBytes } from '../der/der-set.js';
import { OID } from '../der/oids.js';
import type { PkiErrorCode } from '../errors.js';
import { digest, hashFromOid } from '../hash.js';
import { verifySignature } from '../signers/verify-signature.js';
import type { HashAlgorithm, VerificationIssue } from '../types.js';
import { findAttribute, type ParsedSignedData } from './parse-signed-data.js';

export function issue(code: PkiErrorCode, message: string): VerificationIssue {
  return { code, message };
}

export interface SignerInfoResult {
  hashAlgorithm?: HashAlgorithm;
  signature: Uint8Array;
  signingTime?: Date;
  errors: VerificationIssue[];
}

/**
 * RFC 5652 §5.4/§5.6 and RFC 5035 §5.4 checks of the single SignerInfo: contentType matches
 * eContentType, messageDigest equals the content digest, the signature over the DER signed
 * attributes verifies with the signer certificate, and ESSCertIDv2 names that certificate.
 * `contentDigest` receives the digest algorithm and returns the digest to compare (or undefined
 * when a precomputed digest uses another algorithm).
 */
export function verifySignerInfo(
  parsed: ParsedSignedData,
  contentDigest: (hash: HashAlgorithm) => Uint8Array | undefined,
): SignerInfoResult {
  const { signerInfo } = parsed;
  const signature = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
  const errors: VerificationIssue[] = [];
  let hash: HashAlgorithm;
  try {
    hash = hashFromOid(signerInfo.digestAlgorithm.algorithmId);
  } catch {
    return { signature, errors: [issue('UNSUPPORTED_ALGORITHM', 'unsupported digest algorithm')] };
  }
  const attrs = signerInfo.signedAttrs;
  if (!attrs) return { hashAlgorithm: hash, signature, errors: [issue('CMS_INVALID', 'signed attributes missing')] };
  const contentType = findAttribute(attrs, OID.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== parsed.eContentType) {
    errors.push(issue('CMS_INVALID', 'contentType attribute missing or different from eContentType'));
  }
  const md = findAttribute(attrs, OID.messageDigest);
  const expected = contentDigest(hash);
  if (
    !(md instanceof asn1js.OctetString) ||
    !expected ||
    !equalBytes(new Uint8Array(md.valueBlock.valueHexView), expected)
  ) {
    errors.push(issue('DIGEST_MISMATCH', 'messageDigest does not match the content'));
  }
  const signer = parsed.signerCertificate;
  if (!signer)
    return {
      hashAlgorithm: hash,
      signature,
      errors: [...errors, issue('CMS_INVALID', 'signer certificate not embedded')],
    };
  const ok = (() => {
    try {
      return verifySignature({
        spki: spkiOf(parseCertificate(signer)),
        algorithm: signerInfo.signatureAlgorithm,
        digestAlgorithm: hash,
        data: new Uint8Array(attrs.encodedValue),
        signature,
      });
    } catch {
      return false;
    }
  })();
  if (!ok) errors.push(issue('SIGNATURE_INVALID', 'signature over signed attributes does not verify'));
  const essError = checkSigningCertificateV2(findAttribute(attrs, OID.signingCertificateV2), signer);
  if (essError) errors.push(essError);
  const st = findAttribute(attrs, OID.signingTime);
  const signingTime = st instanceof asn1js.UTCTime || st instanceof asn1js.GeneralizedTime ? st.toDate() : undefined;
  return { hashAlgorithm: hash, signature, ...(signingTime ? { signingTime } : {}), errors };
}

/** RFC 5035 §5.4: the first ESSCertIDv2 must carry the hash of the signer certificate. */
function checkSigningCertificateV2(
  value: asn1js.AsnType | undefined,
  signer: Uint8Array,
): VerificationIssue | undefined {
  if (!value) return undefined;
  try {
    const certs = (value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    let hash: HashAlgorithm = 'SHA-256';
    let index = 0;
    if (parts[0] instanceof asn1js.Sequence) {
      const alg = parseDer(new Uint8Array(parts[0].toBER()), 'AlgorithmIdentifier') as asn1js.Sequence;
      hash = hashFromOid((alg.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString());
      index = 1;
    }
    const certHash = parts[index] as asn1js.OctetString;
    if (equalBytes(new Uint8Array(certHash.valueBlock.valueHexView), digest(hash, signer))) return undefined;
  } catch {
    return issue('CMS_INVALID', 'malformed signingCertificateV2');
  }
  return issue('CMS_INVALID', 'signingCertificateV2 does not match the signer certificate');
}
