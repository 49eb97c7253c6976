import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate } from '../ca/issue-certificate.js';
import { toArrayBuffer, toDer } from '../der/der-codec.js';
import { OID } from '../der/oids.js';
import { digestAlgorithmFor, digestAlgorithmIdentifier, signatureAlgorithmIdentifier } from '../signers/algorithms.js';
import type { CmsSigner } from '../types.js';
import { assembleSignedData, type RawAttribute } from './assemble-signed-data.js';
import { signedAttributesDer, sortedSignedAttributes } from './signed-attributes.js';

export interface SignedDataInput {
  eContentType: string;
  /** Present for encapsulated content (TSTInfo); absent for detached signatures. */
  eContent?: Uint8Array;
  signer: CmsSigner;
  certificate: Uint8Array;
  /** Certificates to embed (the signer's own first). */
  certificates: Uint8Array[];
  signedAttributes: pkijs.Attribute[];
  /** Called with the signature value; returns unsigned attributes (e.g. a signature timestamp), values in DER. */
  unsignedAttributes?: (signature: Uint8Array) => Promise<RawAttribute[]>;
}

/** RFC 5652 §5: one SignerInfo identified by issuerAndSerialNumber, signed attributes DER-sorted. */
export async function buildSignedData(input: SignedDataInput): Promise<Uint8Array> {
  const cert = parseCertificate(input.certificate);
  const hash = digestAlgorithmFor(input.signer.algorithm);
  const signedAttrs = sortedSignedAttributes(input.signedAttributes);
  const signature = await input.signer.sign(signedAttributesDer(signedAttrs));
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: digestAlgorithmIdentifier(hash),
    signedAttrs,
    signatureAlgorithm: signatureAlgorithmIdentifier(input.signer.algorithm),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const unsigned = input.unsignedAttributes ? await input.unsignedAttributes(signature) : [];
  const encap = new pkijs.EncapsulatedContentInfo({ eContentType: input.eContentType });
  if (input.eContent) encap.eContent = new asn1js.OctetString({ valueHex: toArrayBuffer(input.eContent) });
  const signedData = new pkijs.SignedData({
    // RFC 5652 §5.1: version 3 when eContentType is not id-data, else 1.
    version: input.eContentType === OID.data ? 1 : 3,
    digestAlgorithms: [digestAlgorithmIdentifier(hash)],
    encapContentInfo: encap,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return assembleSignedData(toDer(contentInfo.toSchema()), input.certificates, unsigned);
}
