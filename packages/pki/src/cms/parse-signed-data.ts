import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { nameDer, parseCertificate } from '../ca/parse-certificate.js';
import { bytesKey } from '../cache/bytes-key.js';
import { LruCache } from '../cache/lru-cache.js';
import { parseDer, toDer } from '../der/der-codec.js';
import { equalBytes } from '../der/der-set.js';
import { OID } from '../der/oids.js';
import { PkiError } from '../errors.js';
import { type SignedDataParts, splitSignedData } from './split-signed-data.js';

export interface ParsedSignedData {
  /** Read-only; without unsignedAttrs when read by the DER fast path (the token is below). */
  signerInfo: pkijs.SignerInfo;
  certificates: Uint8Array[];
  /** The certificate matching the SignerInfo sid, if embedded. */
  signerCertificate?: Uint8Array;
  eContentType: string;
  eContent?: Uint8Array;
  /** The exact bytes of the unsigned signature-time-stamp attribute's first value (RFC 5126 §5.11.4). */
  signatureTimestampToken?: Uint8Array;
}

function octets(value: asn1js.OctetString): Uint8Array {
  // Constructed (BER) OCTET STRINGs are concatenated, primitive ones read directly.
  if (value.idBlock.isConstructed) {
    const parts = (value.valueBlock.value as asn1js.OctetString[]).map(octets);
    return new Uint8Array(Buffer.concat(parts));
  }
  return new Uint8Array(value.valueBlock.valueHexView);
}

/**
 * RFC 5652 §5.1: SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo,
 * certificates [0] IMPLICIT CertificateSet OPTIONAL, crls [1] OPTIONAL, signerInfos }.
 * The certificates are taken as the exact bytes they were sent as and parsed through the
 * certificate cache; PKI.js checks the rest of the structure. Letting PKI.js rebuild each
 * certificate object and then re-encode it costs several milliseconds per signature.
 */
function splitCertificates(content: asn1js.AsnType): { rest: asn1js.AsnType; certificates?: Uint8Array[] } {
  if (!(content instanceof asn1js.Sequence)) return { rest: content };
  const fields = content.valueBlock.value;
  const set = fields[3];
  if (set?.idBlock.tagClass !== 3 || set.idBlock.tagNumber !== 0 || !set.idBlock.isConstructed) {
    return { rest: content };
  }
  const certificates: Uint8Array[] = [];
  for (const choice of (set as asn1js.Constructed).valueBlock.value) {
    // CertificateChoices: a plain SEQUENCE is a Certificate; [0]..[3] are the other, ignored, choices.
    if (choice.idBlock.tagClass === 3 && choice.idBlock.tagNumber <= 3) continue;
    if (choice.idBlock.tagClass !== 1 || choice.idBlock.tagNumber !== 16) {
      throw new PkiError('CMS_INVALID', 'unexpected CertificateChoices element');
    }
    const der = new Uint8Array(choice.valueBeforeDecodeView);
    try {
      parseCertificate(der);
    } catch (cause) {
      throw new PkiError('CMS_INVALID', 'unreadable certificate', { cause });
    }
    certificates.push(der);
  }
  return { rest: new asn1js.Sequence({ value: fields.filter((f) => f !== set) }), certificates };
}

function signerCertificateOf(signerInfo: pkijs.SignerInfo, certificates: Uint8Array[]): Uint8Array | undefined {
  const sid = signerInfo.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return certificateBySubjectKeyId(sid, certificates);
  const issuer = nameDer(sid.issuer);
  const serial = new Uint8Array(sid.serialNumber.valueBlock.valueHexView);
  return certificates.find((der) => {
    const c = parseCertificate(der);
    return (
      equalBytes(nameDer(c.issuer), issuer) &&
      equalBytes(new Uint8Array(c.serialNumber.valueBlock.valueHexView), serial)
    );
  });
}

/**
 * RFC 5652 §5.3: `sid` may be `[0] SubjectKeyIdentifier` instead of issuerAndSerialNumber. Match it against each
 * certificate's subjectKeyIdentifier extension (RFC 5280 §4.2.1.2), or, for certificates without one, against the
 * SHA-1 of the subjectPublicKey bits (the method the same section describes).
 */
function certificateBySubjectKeyId(sid: unknown, certificates: Uint8Array[]): Uint8Array | undefined {
  const node = sid as {
    idBlock?: { tagClass: number; tagNumber: number };
    valueBlock?: { valueHexView?: Uint8Array; value?: { valueBlock?: { valueHexView?: Uint8Array } }[] };
  };
  if (node.idBlock?.tagClass !== 3 || node.idBlock.tagNumber !== 0) return undefined;
  const keyId = node.valueBlock?.valueHexView?.length
    ? node.valueBlock.valueHexView
    : node.valueBlock?.value?.[0]?.valueBlock?.valueHexView;
  if (!keyId?.length) return undefined;
  return certificates.find((der) => {
    const c = parseCertificate(der);
    const ext = c.extensions?.find((e) => e.extnID === '2.5.29.14');
    const ski =
      ext?.parsedValue instanceof asn1js.OctetString
        ? new Uint8Array(ext.parsedValue.valueBlock.valueHexView)
        : new Uint8Array(
            createHash('sha1').update(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest(),
          );
    return equalBytes(ski, new Uint8Array(keyId));
  });
}

/** ContentInfo (already decoded) → SignedData with exactly one SignerInfo (RFC 5652 §3, §5). */
function fromContentInfo(schema: asn1js.AsnType): ParsedSignedData {
  let signedData: pkijs.SignedData;
  let certificates: Uint8Array[];
  try {
    const contentInfo = new pkijs.ContentInfo({ schema });
    if (contentInfo.contentType !== OID.signedData) throw new PkiError('CMS_INVALID', 'not SignedData');
    const split = splitCertificates(contentInfo.content);
    signedData = new pkijs.SignedData({ schema: split.rest });
    certificates =
      split.certificates ??
      (signedData.certificates ?? [])
        .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
        .map((c) => toDer(c.toSchema()));
  } catch (cause) {
    if (cause instanceof PkiError) throw cause;
    throw new PkiError('CMS_INVALID', undefined, { cause });
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo || signedData.signerInfos.length !== 1) throw new PkiError('CMS_INVALID', 'expected one SignerInfo');
  const signerCertificate = signerCertificateOf(signerInfo, certificates);
  const eContent = signedData.encapContentInfo.eContent;
  const tst = signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)?.values[0];
  return {
    signerInfo,
    certificates,
    ...(signerCertificate ? { signerCertificate } : {}),
    eContentType: signedData.encapContentInfo.eContentType,
    ...(eContent ? { eContent: octets(eContent) } : {}),
    ...(tst ? { signatureTimestampToken: new Uint8Array((tst as asn1js.BaseBlock).valueBeforeDecodeView) } : {}),
  };
}

function certificatesChecked(certificates: Uint8Array[]): Uint8Array[] {
  for (const der of certificates) {
    try {
      parseCertificate(der);
    } catch (cause) {
      throw new PkiError('CMS_INVALID', 'unreadable certificate', { cause });
    }
  }
  return certificates;
}

/**
 * The DER fast path: the SignedData skeleton is walked without building asn1js trees, only the
 * SignerInfo (without its unsigned attributes) goes through PKI.js, and certificates go through
 * the certificate cache. asn1js spends about as long on one tree node as Node's crypto needs
 * to verify an RSA signature, and a CAdES-T signature has well over a thousand nodes.
 */
function fromDerParts(parts: SignedDataParts): ParsedSignedData {
  let signerInfo: pkijs.SignerInfo;
  try {
    signerInfo = new pkijs.SignerInfo({ schema: parseDer(parts.signerInfo, 'SignerInfo') });
  } catch (cause) {
    if (cause instanceof PkiError) throw cause;
    throw new PkiError('CMS_INVALID', undefined, { cause });
  }
  const certificates = certificatesChecked(parts.certificates);
  const signerCertificate = signerCertificateOf(signerInfo, certificates);
  return {
    signerInfo,
    certificates,
    ...(signerCertificate ? { signerCertificate } : {}),
    eContentType: parts.eContentType,
    ...(parts.eContent ? { eContent: parts.eContent } : {}),
    ...(parts.signatureTimestampToken ? { signatureTimestampToken: parts.signatureTimestampToken } : {}),
  };
}

/**
 * Parsed structures by the SHA-256 of the exact input bytes. One verification parses the same CMS
 * more than once (PAdES/CAdES callers retry at a different time; the signature timestamp is embedded
 * in the signature), and tree-head tokens are shared by every bundle of a batch. Entries are built
 * from a private copy of the input, and callers get fresh copies of every byte array, so neither
 * side can alter what the other sees.
 */
const parsedCache = new LruCache<string, ParsedSignedData>(256);

function remember(der: Uint8Array, build: () => ParsedSignedData): ParsedSignedData {
  const entry = parsedCache.getOrCompute(bytesKey(der), build);
  return {
    ...entry,
    certificates: entry.certificates.map((c) => c.slice()),
    ...(entry.signerCertificate ? { signerCertificate: entry.signerCertificate.slice() } : {}),
    ...(entry.eContent ? { eContent: entry.eContent.slice() } : {}),
    ...(entry.signatureTimestampToken ? { signatureTimestampToken: entry.signatureTimestampToken.slice() } : {}),
  };
}

/** ContentInfo → SignedData with exactly one SignerInfo (RFC 5652 §3, §5). */
export function parseSignedData(der: Uint8Array): ParsedSignedData {
  return remember(der, () => {
    const own = der.slice();
    const parts = splitSignedData(own);
    if (parts) {
      const parsed = fromDerParts(parts);
      const tst = parsed.signatureTimestampToken;
      if (tst && !parsedCache.get(bytesKey(tst))) {
        try {
          parsedCache.set(bytesKey(tst), parseUncached(tst));
        } catch {
          // An unreadable token is reported when it is verified.
        }
      }
      return parsed;
    }
    const parsed = fromContentInfo(parseDer(own, 'ContentInfo'));
    // The embedded token was decoded with the outer structure: keep it for verifyTimestampToken.
    const tst = parsed.signatureTimestampToken;
    const node = parsed.signerInfo.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)
      ?.values[0];
    if (tst && node && !parsedCache.get(bytesKey(tst))) {
      try {
        parsedCache.set(bytesKey(tst), fromContentInfo(node));
      } catch {
        // An unreadable token is reported when it is verified.
      }
    }
    return parsed;
  });
}

function parseUncached(der: Uint8Array): ParsedSignedData {
  const parts = splitSignedData(der);
  return parts ? fromDerParts(parts) : fromContentInfo(parseDer(der, 'ContentInfo'));
}

export function findAttribute(
  attrs: pkijs.SignedAndUnsignedAttributes | undefined,
  type: string,
): asn1js.AsnType | undefined {
  return attrs?.attributes.find((a) => a.type === type)?.values[0];
}
