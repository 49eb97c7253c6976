import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate } from '../ca/issue-certificate.js';
import { toArrayBuffer, toDer } from '../der/der-codec.js';
import { sortDerSet } from '../der/der-set.js';
import { OID } from '../der/oids.js';
import { digest } from '../hash.js';

export function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

export function contentTypeAttribute(contentType: string): pkijs.Attribute {
  return attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: contentType }));
}

export function messageDigestAttribute(value: Uint8Array): pkijs.Attribute {
  return attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(value) }));
}

/** RFC 5652 §11.3: UTCTime through 2049. */
export function signingTimeAttribute(at: Date): pkijs.Attribute {
  const time = new Date(Math.floor(at.getTime() / 1000) * 1000);
  return attribute(
    OID.signingTime,
    at.getUTCFullYear() < 2050
      ? new asn1js.UTCTime({ valueDate: time })
      : new asn1js.GeneralizedTime({ valueDate: time }),
  );
}

/**
 * RFC 5035 §3:
 *   SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies ... OPTIONAL }
 *   ESSCertIDv2 ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier DEFAULT {id-sha256},
 *                              certHash OCTET STRING, issuerSerial IssuerSerial OPTIONAL }
 *   IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber }
 * hashAlgorithm is SHA-256 and therefore omitted (DER: DEFAULT values are not encoded).
 */
export function signingCertificateV2Attribute(certificate: Uint8Array): pkijs.Attribute {
  const cert = parseCertificate(certificate);
  const directoryName = new asn1js.Constructed({
    idBlock: { tagClass: 3, tagNumber: 4 },
    value: [cert.issuer.toSchema()],
  });
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [directoryName] }),
      new asn1js.Integer({ valueHex: toArrayBuffer(cert.serialNumber.valueBlock.valueHexView) }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest('SHA-256', certificate)) }), issuerSerial],
  });
  return attribute(
    OID.signingCertificateV2,
    new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] }),
  );
}

/**
 * signedAttrs in DER order (X.690 §11.6). PKI.js keeps insertion order, so the attributes are
 * ordered here by their own encodings before PKI.js writes them.
 */
export function sortedSignedAttributes(attributes: pkijs.Attribute[]): pkijs.SignedAndUnsignedAttributes {
  const sorted = sortDerSet(attributes, (a) => toDer(a.toSchema()));
  return new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted });
}

/** The octets that are signed: the SET OF with its universal SET tag, not [0] (RFC 5652 §5.4). */
export function signedAttributesDer(attrs: pkijs.SignedAndUnsignedAttributes): Uint8Array {
  const der = toDer(attrs.toSchema());
  der[0] = 0x31;
  return der;
}
