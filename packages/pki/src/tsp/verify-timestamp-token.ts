import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate } from '../ca/issue-certificate.js';
import { type ParsedSignedData, parseSignedData } from '../cms/parse-signed-data.js';
import { issue, verifySignerInfo } from '../cms/verify-signer-info.js';
import { parseDer } from '../der/der-codec.js';
import { equalBytes } from '../der/der-set.js';
import { OID } from '../der/oids.js';
import { PkiError } from '../errors.js';
import { digest } from '../hash.js';
import type { RevocationData, TimestampVerification, VerificationIssue } from '../types.js';
import { buildChain } from '../validation/build-chain.js';
import { checkRevocation } from '../validation/check-revocation.js';

export interface VerifyTimestampOptions {
  trustAnchors: Uint8Array[];
  /** Extra certificates for chain building (e.g. from a DSS) when the token carries none. */
  certificates?: Uint8Array[];
  /** When given, the TSA chain must be covered by it (checked at genTime), as for B-LT/B-LTA validation. */
  revocation?: RevocationData;
}

const ekuIssues = new WeakMap<pkijs.Certificate, VerificationIssue | null>();

/** RFC 3161 §2.3: the TSA certificate has exactly one EKU, id-kp-timeStamping, and it is critical. */
function tsaEkuIssue(der: Uint8Array): VerificationIssue | undefined {
  const cert = parseCertificate(der);
  let known = ekuIssues.get(cert);
  if (known === undefined) {
    known = readTsaEkuIssue(cert) ?? null;
    ekuIssues.set(cert, known);
  }
  return known ?? undefined;
}

function readTsaEkuIssue(cert: pkijs.Certificate): VerificationIssue | undefined {
  const eku = cert.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  if (!eku?.critical) return issue('TIMESTAMP_INVALID', 'TSA certificate lacks a critical extendedKeyUsage');
  const seq = parseDer(new Uint8Array(eku.extnValue.valueBlock.valueHexView), 'ExtKeyUsage') as asn1js.Sequence;
  const oids = seq.valueBlock.value.map((v) => (v as asn1js.ObjectIdentifier).valueBlock.toString());
  if (oids.length !== 1 || oids[0] !== OID.ekuTimeStamping) {
    return issue('TIMESTAMP_INVALID', 'TSA certificate EKU is not exactly id-kp-timeStamping');
  }
  return undefined;
}

/** TSTInfo per parsed (and cached) SignedData: read-only, like the parse it comes from. */
const tstInfos = new WeakMap<pkijs.SignerInfo, pkijs.TSTInfo>();

function tstInfoOf(parsed: ParsedSignedData): pkijs.TSTInfo {
  if (parsed.eContentType !== OID.tstInfo || !parsed.eContent) throw new PkiError('TIMESTAMP_INVALID', 'not a TSTInfo');
  let tst = tstInfos.get(parsed.signerInfo);
  if (!tst) {
    tst = new pkijs.TSTInfo({ schema: parseDer(parsed.eContent, 'TSTInfo') });
    tstInfos.set(parsed.signerInfo, tst);
  }
  return tst;
}

/** A TSTInfo object of the caller's own (the verifier's cached one is shared and read-only). */
export function readTstInfo(token: Uint8Array): pkijs.TSTInfo {
  const parsed = parseSignedData(token);
  tstInfoOf(parsed);
  return new pkijs.TSTInfo({ schema: parseDer(parsed.eContent as Uint8Array, 'TSTInfo') });
}

/**
 * Verifies a TimeStampToken (RFC 3161 §2.4.2, RFC 5816): messageImprint equals `imprint`, the CMS
 * signature and ESSCertIDv2 hold, the TSA certificate is a timestamping certificate that chains to a
 * trust anchor and was valid at genTime.
 */
export async function verifyTimestampToken(
  token: Uint8Array,
  imprint: Uint8Array,
  opts: VerifyTimestampOptions,
): Promise<TimestampVerification> {
  let parsed: ParsedSignedData;
  let tst: pkijs.TSTInfo;
  try {
    parsed = parseSignedData(token);
    tst = tstInfoOf(parsed);
  } catch (cause) {
    const code = cause instanceof PkiError ? cause.code : 'TIMESTAMP_INVALID';
    return { valid: false, errors: [issue(code, 'unreadable timestamp token')] };
  }
  const errors: VerificationIssue[] = [];
  const genTime = tst.genTime;
  if (!equalBytes(new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView), imprint)) {
    errors.push(issue('DIGEST_MISMATCH', 'messageImprint does not match'));
  }
  if (!parsed.signerCertificate && opts.certificates) {
    const signerCertificate = findBySid(parsed, opts.certificates);
    parsed = {
      ...parsed,
      certificates: [...parsed.certificates, ...opts.certificates],
      ...(signerCertificate ? { signerCertificate } : {}),
    };
  }
  const eContent = parsed.eContent as Uint8Array;
  const signerResult = verifySignerInfo(parsed, (hash) => digest(hash, eContent));
  errors.push(...signerResult.errors);
  if (!signerResult.hasSigningCertificate && signerResult.errors.length === 0) {
    errors.push(issue('TIMESTAMP_INVALID', 'token lacks the ESS signingCertificate attribute (RFC 3161 §2.4.2)'));
  }
  const tsaCertificate = parsed.signerCertificate;
  if (!tsaCertificate) return { valid: false, genTime, errors };
  const ekuIssue = tsaEkuIssue(tsaCertificate);
  if (ekuIssue) errors.push(ekuIssue);
  const chain = buildChain(
    tsaCertificate,
    [...parsed.certificates, ...(opts.certificates ?? [])],
    opts.trustAnchors,
    genTime,
  );
  errors.push(...chain.errors);
  if (opts.revocation && chain.errors.every((e) => e.code !== 'CHAIN_INVALID')) {
    errors.push(...checkRevocation(chain.chain, opts.revocation, genTime));
  }
  return { valid: errors.length === 0, genTime, tsaCertificate, chain: chain.chain, errors };
}

function findBySid(parsed: ParsedSignedData, extra: Uint8Array[]): Uint8Array | undefined {
  const sid = parsed.signerInfo.sid;
  if (!(sid instanceof pkijs.IssuerAndSerialNumber)) return undefined;
  const serial = new Uint8Array(sid.serialNumber.valueBlock.valueHexView);
  return extra.find((der) =>
    equalBytes(new Uint8Array(parseCertificate(der).serialNumber.valueBlock.valueHexView), serial),
  );
}
