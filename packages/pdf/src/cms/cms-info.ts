import * as pkijs from 'pkijs';
import { PdfError } from '../errors.js';
import { children, contents, oidOf, readTlv, whole } from './der-walk.js';

/** id-aa-signatureTimeStampToken (RFC 3161 Appendix A / ETSI EN 319 122-1). */
export const OID_SIGNATURE_TIMESTAMP = '1.2.840.113549.1.9.16.2.14';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';

export interface CmsInfo {
  certificates: Uint8Array[];
  /** The signature-time-stamp token (DER ContentInfo), if the first SignerInfo carries one. */
  signatureTimestamp?: Uint8Array;
  /** True when SignedData encapsulates content (eContent present), which a detached PDF signature must not. */
  hasEncapsulatedContent: boolean;
  /** eContent bytes (the TSTInfo of a time-stamp token). */
  eContent?: Uint8Array;
  /** The first SignerInfo's signature value (what a signature time-stamp's imprint covers, RFC 3161 App. A). */
  signatureValue?: Uint8Array;
}

/**
 * Reads a CMS ContentInfo(SignedData) (RFC 5652 §5.1, §5.3) with a plain TLV walk: certificates, eContent and
 * the first SignerInfo's signature and time-stamp attribute. Parsing the whole structure with PKI.js costs
 * 15-70 ms per token here, most of the signing budget; the walk takes well under a millisecond.
 */
export function readCms(der: Uint8Array): CmsInfo {
  try {
    return walkCms(der);
  } catch (e) {
    throw new PdfError('MALFORMED_PDF', `CMS: ${String(e)}`, { cause: e });
  }
}

function walkCms(b: Uint8Array): CmsInfo {
  const ci = children(b, readTlv(b, 0));
  if (ci[0]?.tag !== 0x06 || oidOf(b, ci[0]) !== OID_SIGNED_DATA || ci[1]?.tag !== 0xa0)
    throw new Error('not SignedData');
  const sd = children(b, children(b, ci[1])[0]!);
  const encap = children(b, sd[2]!);
  const eContentWrap = encap[1];
  const eContent = eContentWrap ? children(b, eContentWrap)[0] : undefined;
  const certs = sd.find((t) => t.tag === 0xa0);
  const signerInfos = sd.at(-1);
  if (signerInfos?.tag !== 0x31) throw new Error('no signerInfos');
  const si = children(b, signerInfos)[0];
  const siParts = si ? children(b, si) : [];
  const signature = siParts.find((t, i) => i > 2 && t.tag === 0x04);
  const unsigned = siParts.find((t) => t.tag === 0xa1);
  let tst: Uint8Array | undefined;
  for (const attr of unsigned ? children(b, unsigned) : []) {
    const [oid, values] = children(b, attr);
    if (oid && values && oidOf(b, oid) === OID_SIGNATURE_TIMESTAMP) tst = whole(b, children(b, values)[0]!);
  }
  return {
    certificates: certs
      ? children(b, certs)
          .filter((t) => t.tag === 0x30)
          .map((t) => whole(b, t))
      : [],
    signatureTimestamp: tst,
    hasEncapsulatedContent: eContent !== undefined,
    eContent: eContent ? contents(b, eContent) : undefined,
    signatureValue: signature ? contents(b, signature) : undefined,
  };
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
    const info = readCms(token).eContent;
    if (!info) return undefined;
    // TSTInfo ::= SEQUENCE { version, policy, messageImprint, serialNumber, genTime, … } (RFC 3161 §2.4.2)
    const parts = children(info, readTlv(info, 0));
    const [alg, hashed] = children(info, parts[2]!);
    const genTime = parseGeneralizedTime(Buffer.from(contents(info, parts[4]!)).toString('latin1'));
    return {
      genTime,
      hash: HASH_BY_OID[oidOf(info, children(info, alg!)[0]!)],
      hashedMessage: contents(info, hashed!),
    };
  } catch {
    return undefined;
  }
}

/** X.680 GeneralizedTime "YYYYMMDDHHMMSS[.f*]Z". */
function parseGeneralizedTime(s: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/.exec(s);
  if (!m) throw new Error(`bad GeneralizedTime ${s}`);
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, ms));
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
