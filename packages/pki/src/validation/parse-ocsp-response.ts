import * as pkijs from 'pkijs';
import { parseCertificate } from '../ca/parse-certificate.js';
import { parseDer } from '../der/der-codec.js';
import { derHeader, readChildren, readTlv, TAG, type Tlv, tlvBytes, tlvContent } from '../der/der-reader.js';

const ENUMERATED = 0x0a;
const isTag = (t: Tlv | undefined, tag: number): t is Tlv => t?.tag === tag;

/**
 * RFC 6960 §4.2.1 read from strict DER:
 *   OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT ResponseBytes OPTIONAL }
 *   ResponseBytes ::= SEQUENCE { responseType OBJECT IDENTIFIER, response OCTET STRING }
 *   BasicOCSPResponse ::= SEQUENCE { tbsResponseData, signatureAlgorithm, signature BIT STRING,
 *                                    certs [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
 * PKI.js reads the BasicOCSPResponse without `certs`; the responder certificates come from the
 * certificate cache (the same responder signs every answer). Undefined: not strict DER, let PKI.js
 * read the whole response as before.
 */
function fastBasic(der: Uint8Array): pkijs.BasicOCSPResponse | null | undefined {
  const outer = readTlv(der, 0, der.length);
  const fields = outer?.tag === TAG.sequence ? readChildren(der, outer) : undefined;
  const status = fields?.[0];
  if (!fields || !isTag(status, ENUMERATED) || fields.length > 2) return undefined;
  const statusBytes = tlvContent(der, status);
  if (statusBytes.length !== 1) return undefined;
  if (statusBytes[0] !== 0 || !fields[1]) return null;
  if (!isTag(fields[1], TAG.context0)) return undefined;
  const [responseBytes] = readChildren(der, fields[1]) ?? [];
  const rb = isTag(responseBytes, TAG.sequence) ? readChildren(der, responseBytes) : undefined;
  if (rb?.length !== 2 || !isTag(rb[0], TAG.oid) || !isTag(rb[1], TAG.octetString)) return undefined;
  const basicDer = tlvContent(der, rb[1]);
  const top = readTlv(basicDer, 0, basicDer.length);
  if (!isTag(top, TAG.sequence) || top.end !== basicDer.length) return undefined;
  const basic = readChildren(basicDer, top);
  if (!basic || basic.length < 3 || basic.length > 4) return undefined;
  const certificates: Uint8Array[] = [];
  const certsField = basic[3];
  if (certsField) {
    if (!isTag(certsField, TAG.context0)) return undefined;
    const [list] = readChildren(basicDer, certsField) ?? [];
    const items = isTag(list, TAG.sequence) ? readChildren(basicDer, list) : undefined;
    if (!items?.every((c) => c.tag === TAG.sequence)) return undefined;
    for (const c of items) certificates.push(tlvBytes(basicDer, c).slice());
  }
  const kept = basicDer.subarray(top.contentStart, basic[2]?.end);
  const stripped = new Uint8Array([...derHeader(TAG.sequence, kept.length), ...kept]);
  const parsed = new pkijs.BasicOCSPResponse({ schema: parseDer(stripped, 'BasicOCSPResponse') });
  if (certificates.length > 0) parsed.certs = certificates.map(parseCertificate);
  return parsed;
}

/** The BasicOCSPResponse of a successful OCSPResponse, or undefined (not successful, unreadable). */
export function parseOcspBasic(der: Uint8Array): pkijs.BasicOCSPResponse | undefined {
  try {
    const fast = fastBasic(der);
    if (fast !== undefined) return fast ?? undefined;
    const resp = new pkijs.OCSPResponse({ schema: parseDer(der, 'OCSPResponse') });
    if (resp.responseStatus.valueBlock.valueDec !== 0 || !resp.responseBytes) return undefined;
    return new pkijs.BasicOCSPResponse({
      schema: parseDer(new Uint8Array(resp.responseBytes.response.valueBlock.valueHexView), 'BasicOCSPResponse'),
    });
  } catch {
    return undefined;
  }
}
