import * as asn1js from 'asn1js';
import { derHeader, readChildren, readTlv, type Tlv, tlvBytes } from '../der/der-reader.js';
import { sortDerSet } from '../der/der-set.js';
import { PkiError } from '../errors.js';

/** An attribute whose values are already DER (e.g. a TimeStampToken as the TSA sent it). */
export interface RawAttribute {
  type: string;
  values: Uint8Array[];
}

function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function tlv(tag: number, content: Uint8Array): Uint8Array {
  return concat([derHeader(tag, content.length), content]);
}

function children(buf: Uint8Array, t: Tlv | undefined): Tlv[] {
  const out = t ? readChildren(buf, t) : undefined;
  if (!out) throw new PkiError('CMS_INVALID', 'unexpected SignedData skeleton');
  return out;
}

/**
 * Adds `certificates [0] IMPLICIT CertificateSet` and the SignerInfo's `unsignedAttrs [1] IMPLICIT
 * SET OF Attribute` (RFC 5652 §5.1, §5.3) to a DER ContentInfo/SignedData that PKI.js encoded without
 * them. The certificates and attribute values are copied as given: letting PKI.js re-encode each
 * certificate and the embedded token costs milliseconds per signature and yields the same bytes.
 */
export function assembleSignedData(
  skeleton: Uint8Array,
  certificates: Uint8Array[],
  unsigned: RawAttribute[],
): Uint8Array {
  const outer = readTlv(skeleton, 0, skeleton.length);
  const [contentType, explicit] = children(skeleton, outer);
  const [signedData] = children(skeleton, explicit);
  const fields = children(skeleton, signedData);
  if (fields.length !== 4 || !contentType) throw new PkiError('CMS_INVALID', 'unexpected SignedData skeleton');
  const [version, digestAlgorithms, encap, signerInfos] = fields as [Tlv, Tlv, Tlv, Tlv];
  const infos = children(skeleton, signerInfos);
  if (infos.length !== 1) throw new PkiError('CMS_INVALID', 'expected one SignerInfo');
  const infoFields = children(skeleton, infos[0]).map((f) => tlvBytes(skeleton, f));
  if (unsigned.length > 0) {
    const attributes = unsigned.map((a) =>
      tlv(
        0x30,
        concat([
          new Uint8Array(new asn1js.ObjectIdentifier({ value: a.type }).toBER()),
          tlv(0x31, concat(sortDerSet(a.values, (v) => v))),
        ]),
      ),
    );
    infoFields.push(tlv(0xa1, concat(sortDerSet(attributes, (v) => v))));
  }
  const sdFields = [version, digestAlgorithms, encap].map((f) => tlvBytes(skeleton, f));
  if (certificates.length > 0) sdFields.push(tlv(0xa0, concat(certificates)));
  sdFields.push(tlv(0x31, tlv(0x30, concat(infoFields))));
  return tlv(0x30, concat([tlvBytes(skeleton, contentType), tlv(0xa0, tlv(0x30, concat(sdFields)))]));
}
