import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PdfError } from '../errors.js';

/** id-aa-signatureTimeStampToken (RFC 3161 Appendix A / ETSI EN 319 122-1). */
export const OID_SIGNATURE_TIMESTAMP = '1.2.840.113549.1.9.16.2.14';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

export interface CmsInfo {
  signedData: pkijs.SignedData;
  certificates: Uint8Array[];
  /** The signature-time-stamp token (DER ContentInfo), if the first SignerInfo carries one. */
  signatureTimestamp?: Uint8Array;
  /** True when SignedData encapsulates content (eContent present), which a detached PDF signature must not. */
  hasEncapsulatedContent: boolean;
}

/** Parses a CMS ContentInfo(SignedData) enough for PDF purposes (RFC 5652 §5). */
export function readCms(der: Uint8Array): CmsInfo {
  try {
    const asn = asn1js.fromBER(der);
    if (asn.offset === -1) throw new Error(asn.result.error);
    const ci = new pkijs.ContentInfo({ schema: asn.result });
    if (ci.contentType !== OID_SIGNED_DATA) throw new Error(`content type ${ci.contentType}`);
    const sd = new pkijs.SignedData({ schema: ci.content });
    const certificates = (sd.certificates ?? [])
      .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
      .map((c) => new Uint8Array(c.toSchema().toBER()));
    const attr = sd.signerInfos[0]?.unsignedAttrs?.attributes.find((a) => a.type === OID_SIGNATURE_TIMESTAMP);
    const tst = attr?.values[0];
    return {
      signedData: sd,
      certificates,
      signatureTimestamp: tst ? new Uint8Array(tst.toBER()) : undefined,
      hasEncapsulatedContent: sd.encapContentInfo.eContent !== undefined,
    };
  } catch (e) {
    if (e instanceof PdfError) throw e;
    throw new PdfError('MALFORMED_PDF', `CMS: ${String(e)}`, { cause: e });
  }
}

const HASH_BY_OID: Record<string, 'sha256' | 'sha384' | 'sha512' | 'sm3' | 'sha1'> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.2.156.10197.1.401': 'sm3',
  '1.3.14.3.2.26': 'sha1',
};

/** genTime and imprint hash of an RFC 3161 token (TSTInfo, RFC 3161 §2.4.2), read without verifying it. */
export function readTstInfo(
  token: Uint8Array,
): { genTime: Date; hash: string | undefined; hashedMessage: Uint8Array } | undefined {
  try {
    const info = readCms(token).signedData.encapContentInfo.eContent;
    if (!info) return undefined;
    const inner = asn1js.fromBER(info.getValue());
    const tst = new pkijs.TSTInfo({ schema: inner.result });
    return {
      genTime: tst.genTime,
      hash: HASH_BY_OID[tst.messageImprint.hashAlgorithm.algorithmId],
      hashedMessage: new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
    };
  } catch {
    return undefined;
  }
}

/** Subject common name (or the whole DN) of a DER certificate, for display. */
export function certificateSubject(der: Uint8Array): string | undefined {
  try {
    const cert = pkijs.Certificate.fromBER(new Uint8Array(der));
    const parts = cert.subject.typesAndValues.map(
      (tv) => `${tv.type === '2.5.4.3' ? 'CN' : tv.type}=${tv.value.valueBlock.value}`,
    );
    const cn = cert.subject.typesAndValues.find((tv) => tv.type === '2.5.4.3');
    return cn ? String(cn.value.valueBlock.value) : parts.join(', ');
  } catch {
    return undefined;
  }
}
