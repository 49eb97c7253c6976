import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate } from '../ca/issue-certificate.js';
import { parseDer, toDer } from '../der/der-codec.js';
import { equalBytes } from '../der/der-set.js';
import { OID } from '../der/oids.js';
import { PkiError } from '../errors.js';

export interface ParsedSignedData {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  certificates: Uint8Array[];
  /** The certificate matching the SignerInfo sid, if embedded. */
  signerCertificate?: Uint8Array;
  eContentType: string;
  eContent?: Uint8Array;
}

function octets(value: asn1js.OctetString): Uint8Array {
  // Constructed (BER) OCTET STRINGs are concatenated, primitive ones read directly.
  if (value.idBlock.isConstructed) {
    const parts = (value.valueBlock.value as asn1js.OctetString[]).map(octets);
    return new Uint8Array(Buffer.concat(parts));
  }
  return new Uint8Array(value.valueBlock.valueHexView);
}

/** ContentInfo → SignedData with exactly one SignerInfo (RFC 5652 §3, §5). */
export function parseSignedData(der: Uint8Array): ParsedSignedData {
  let contentInfo: pkijs.ContentInfo;
  let signedData: pkijs.SignedData;
  try {
    contentInfo = new pkijs.ContentInfo({ schema: parseDer(der, 'ContentInfo') });
    if (contentInfo.contentType !== OID.signedData) throw new PkiError('CMS_INVALID', 'not SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch (cause) {
    if (cause instanceof PkiError) throw cause;
    throw new PkiError('CMS_INVALID', undefined, { cause });
  }
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo || signedData.signerInfos.length !== 1) throw new PkiError('CMS_INVALID', 'expected one SignerInfo');
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => toDer(c.toSchema()));
  const sid = signerInfo.sid;
  let signerCertificate: Uint8Array | undefined;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const issuer = toDer(sid.issuer.toSchema());
    const serial = new Uint8Array(sid.serialNumber.valueBlock.valueHexView);
    signerCertificate = certificates.find((der) => {
      const c = parseCertificate(der);
      return (
        equalBytes(toDer(c.issuer.toSchema()), issuer) &&
        equalBytes(new Uint8Array(c.serialNumber.valueBlock.valueHexView), serial)
      );
    });
  }
  const eContent = signedData.encapContentInfo.eContent;
  return {
    signedData,
    signerInfo,
    certificates,
    ...(signerCertificate ? { signerCertificate } : {}),
    eContentType: signedData.encapContentInfo.eContentType,
    ...(eContent ? { eContent: octets(eContent) } : {}),
  };
}

export function findAttribute(
  attrs: pkijs.SignedAndUnsignedAttributes | undefined,
  type: string,
): asn1js.AsnType | undefined {
  return attrs?.attributes.find((a) => a.type === type)?.values[0];
}
