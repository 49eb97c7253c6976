import { createHash } from 'node:crypto';
import { type RevocationData, verifyCadesDetached, verifyTimestampToken } from '@inkproof/pki';
import { certificateSubject, readCms, readTstInfo } from '../cms/cms-info.js';
import { trimDer } from '../cms/der-length.js';
import type { SignatureEntry } from '../core/list-signatures.js';
import type { PdfIssue, PdfIssueCode, Verdict } from './report.js';

export interface CryptoResult {
  intact: boolean;
  signatureValid: boolean;
  trusted: boolean;
  hasValidSignatureTimestamp: boolean;
  timestampTime?: Date;
  validatedAt: Date;
  signerCertificate?: Uint8Array;
  signerSubject?: string;
  issues: PdfIssue[];
  verdict: Verdict;
}

const KNOWN: readonly PdfIssueCode[] = [
  'CMS_INVALID',
  'DIGEST_MISMATCH',
  'SIGNATURE_INVALID',
  'UNSUPPORTED_ALGORITHM',
  'CHAIN_INVALID',
  'CERT_NOT_YET_VALID',
  'CERT_EXPIRED',
  'CERT_REVOKED',
  'REVOCATION_UNKNOWN',
  'TIMESTAMP_INVALID',
];
/** Findings that make a signature INVALID; the rest of the crypto findings leave it INDETERMINATE. */
const FATAL: readonly PdfIssueCode[] = [
  'CMS_INVALID',
  'DIGEST_MISMATCH',
  'SIGNATURE_INVALID',
  'CERT_REVOKED',
  'TIMESTAMP_INVALID',
  'ENCAPSULATED_CONTENT',
];
const TRUST_CODES: readonly PdfIssueCode[] = [
  'CHAIN_INVALID',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'REVOCATION_UNKNOWN',
];
/** Reported, but not decisive: revocation status is advisory when the DSS carries none (B-B/B-T files). */
const ADVISORY: readonly PdfIssueCode[] = ['REVOCATION_UNKNOWN'];

const toCode = (code: string): PdfIssueCode =>
  ((KNOWN as readonly string[]).find((c) => c === code) as PdfIssueCode) ?? 'CMS_INVALID';

export function verdictOf(issues: PdfIssue[]): Verdict {
  if (issues.some((i) => FATAL.includes(i.code))) return 'INVALID';
  if (issues.some((i) => !ADVISORY.includes(i.code))) return 'INDETERMINATE';
  return 'VALID';
}

export interface CryptoOptions {
  trustAnchors: Uint8Array[];
  /** Validation time when no time-stamp vouches for an earlier one (default now). */
  at?: Date;
  revocation: RevocationData;
}

/**
 * Cryptographic checks of one signature over its signed bytes: CAdES-detached (ETSI EN 319 122-1) with the chain
 * validated at the signature time-stamp's genTime when that token verifies, or an RFC 3161 document time-stamp.
 */
export async function verifySignatureCrypto(
  sig: SignatureEntry,
  signedData: Uint8Array,
  opts: CryptoOptions,
): Promise<CryptoResult> {
  const now = opts.at ?? new Date();
  const base: CryptoResult = {
    intact: false,
    signatureValid: false,
    trusted: false,
    hasValidSignatureTimestamp: false,
    validatedAt: now,
    issues: [],
    verdict: 'INVALID',
  };
  let der: Uint8Array;
  try {
    der = trimDer(sig.contents);
  } catch {
    base.issues.push({ code: 'CMS_INVALID', message: '/Contents is not a DER value' });
    return base;
  }
  try {
    return sig.kind === 'doc-timestamp'
      ? await verifyDocTimestamp(der, signedData, opts, base)
      : await verifyCms(sig, der, signedData, opts, base);
  } catch (e) {
    base.issues.push({ code: 'CMS_INVALID', message: String(e) });
    return base;
  }
}

async function verifyCms(
  sig: SignatureEntry,
  der: Uint8Array,
  signedData: Uint8Array,
  opts: CryptoOptions,
  r: CryptoResult,
): Promise<CryptoResult> {
  const sf = sig.subFilter;
  if (sf !== 'ETSI.CAdES.detached' && sf !== 'adbe.pkcs7.detached') {
    r.issues.push({ code: 'SUBFILTER_UNSUPPORTED', message: `/SubFilter ${sf ?? 'missing'}` });
    r.verdict = 'INDETERMINATE';
    return r;
  }
  const info = readCms(der);
  if (info.hasEncapsulatedContent) {
    r.issues.push({ code: 'ENCAPSULATED_CONTENT', message: 'a detached PDF signature must not encapsulate content' });
    return r;
  }
  const tst = info.signatureTimestamp ? readTstInfo(info.signatureTimestamp) : undefined;
  let at = tst?.genTime ?? r.validatedAt;
  let res = await verifyCadesDetached(der, signedData, {
    trustAnchors: opts.trustAnchors,
    at,
    revocation: opts.revocation,
  });
  const ts = res.signatureTimestamp;
  if (ts && !ts.valid) {
    // An unverifiable token vouches for nothing: validate at the caller's time instead.
    at = r.validatedAt;
    res = await verifyCadesDetached(der, signedData, {
      trustAnchors: opts.trustAnchors,
      at,
      revocation: opts.revocation,
    });
    // A token that is intact but whose TSA chain is not trusted here is INDETERMINATE, not forged.
    const untrustedOnly = ts.errors.length > 0 && ts.errors.every((e) => TRUST_CODES.includes(toCode(e.code)));
    const detail = ts.errors.map((e) => e.message).join('; ') || 'invalid token';
    r.issues.push({
      code: untrustedOnly ? 'CHAIN_INVALID' : 'TIMESTAMP_INVALID',
      message: `signature time-stamp: ${detail}`,
    });
    res.errors = res.errors.filter((e) => e.code !== 'TIMESTAMP_INVALID');
  }
  for (const e of res.errors) r.issues.push({ code: toCode(e.code), message: e.message });
  const codes = new Set(r.issues.map((i) => i.code));
  r.intact = !codes.has('DIGEST_MISMATCH') && !codes.has('CMS_INVALID');
  r.signatureValid = r.intact && !codes.has('SIGNATURE_INVALID');
  r.trusted = !codes.has('CHAIN_INVALID');
  r.hasValidSignatureTimestamp = Boolean(ts?.valid);
  r.timestampTime = ts?.valid ? (ts.genTime ?? tst?.genTime) : undefined;
  r.validatedAt = at;
  r.signerCertificate = res.signerCertificate;
  r.signerSubject = res.signerCertificate ? certificateSubject(res.signerCertificate) : undefined;
  r.verdict = verdictOf(r.issues);
  return r;
}

async function verifyDocTimestamp(
  token: Uint8Array,
  signedData: Uint8Array,
  opts: CryptoOptions,
  r: CryptoResult,
): Promise<CryptoResult> {
  const info = readTstInfo(token);
  if (!info?.hash) {
    r.issues.push({ code: 'CMS_INVALID', message: 'not an RFC 3161 time-stamp token' });
    return r;
  }
  const imprint = new Uint8Array(createHash(info.hash).update(signedData).digest());
  r.intact = Buffer.from(imprint).equals(Buffer.from(info.hashedMessage));
  if (!r.intact) r.issues.push({ code: 'DIGEST_MISMATCH', message: 'document time-stamp imprint does not match' });
  const res = await verifyTimestampToken(token, imprint, { trustAnchors: opts.trustAnchors });
  for (const e of res.errors) {
    const code = toCode(e.code);
    if (!(code === 'DIGEST_MISMATCH' && !r.intact)) r.issues.push({ code, message: e.message });
  }
  r.signatureValid = r.intact && res.valid;
  r.trusted = !r.issues.some((i) => i.code === 'CHAIN_INVALID');
  r.timestampTime = res.valid ? res.genTime : undefined;
  r.validatedAt = info.genTime;
  r.signerCertificate = res.tsaCertificate;
  r.signerSubject = res.tsaCertificate ? certificateSubject(res.tsaCertificate) : undefined;
  if (!res.valid && !r.issues.some((i) => FATAL.includes(i.code) || i.code === 'CHAIN_INVALID')) {
    r.issues.push({ code: 'TIMESTAMP_INVALID', message: 'document time-stamp does not verify' });
  }
  r.verdict = verdictOf(r.issues);
  return r;
}
