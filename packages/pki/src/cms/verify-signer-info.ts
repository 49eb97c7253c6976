import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { parseCertificate, spkiOf } from '../ca/issue-certificate.js';
import { equalBytes } from '../der/der-set.js';
import { OID } from '../der/oids.js';
import type { PkiErrorCode } from '../errors.js';
import { hashFromOid } from '../hash.js';
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
  /** An ESS signingCertificate(V2) attribute is present (RFC 3161 §2.4.2 requires one in tokens). */
  hasSigningCertificate?: boolean;
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
  const v2 = findAttribute(attrs, OID.signingCertificateV2);
  const v1 = findAttribute(attrs, OID.signingCertificate);
  const essError = v2
    ? checkSigningCertificate(v2, signer, 'SHA-256')
    : v1
      ? checkSigningCertificate(v1, signer, 'SHA-1')
      : undefined;
  if (essError) errors.push(essError);
  const st = findAttribute(attrs, OID.signingTime);
  const signingTime = st instanceof asn1js.UTCTime || st instanceof asn1js.GeneralizedTime ? st.toDate() : undefined;
  return {
    hashAlgorithm: hash,
    signature,
    ...(signingTime ? { signingTime } : {}),
    hasSigningCertificate: Boolean(v1 || v2),
    errors,
  };
}

/**
 * RFC 5035 §5.4 / RFC 2634 §5.4: the first ESSCertID(v2) must carry the hash of the signer certificate.
 * ESSCertIDv2's hashAlgorithm defaults to SHA-256; ESSCertID (v1) is always SHA-1.
 */
function checkSigningCertificate(
  value: asn1js.AsnType,
  signer: Uint8Array,
  defaultHash: 'SHA-256' | 'SHA-1',
): VerificationIssue | undefined {
  try {
    const certs = (value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = certs.valueBlock.value[0] as asn1js.Sequence;
    const parts = first.valueBlock.value;
    let hashName: string = defaultHash === 'SHA-1' ? 'sha1' : 'sha256';
    let index = 0;
    if (parts[0] instanceof asn1js.Sequence) {
      const oid = (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
      hashName = NODE_HASH[hashFromOid(oid)];
      index = 1;
    }
    const certHash = parts[index] as asn1js.OctetString;
    const expected = new Uint8Array(createHash(hashName).update(signer).digest());
    if (equalBytes(new Uint8Array(certHash.valueBlock.valueHexView), expected)) return undefined;
  } catch {
    return issue('CMS_INVALID', 'malformed signingCertificate attribute');
  }
  return issue('CMS_INVALID', 'signingCertificate attribute does not match the signer certificate');
}

const NODE_HASH = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512', SM3: 'sm3' } as const;
