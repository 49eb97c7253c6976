import { createHash } from 'node:crypto';
import { listSignatures, type SignatureEntry } from '../core/list-signatures.js';
import { PdfName, PdfString } from '../core/objects.js';
import { PdfFile } from '../core/pdf-file.js';
import { PdfError } from '../errors.js';
import type { PadesLevel } from '../sign/pades-level.js';
import { checkCoverage } from './check-coverage.js';
import { checkFieldLocks } from './check-field-locks.js';
import { diffRevision, RevisionGraph } from './diff-revision.js';
import { readDss } from './read-dss.js';
import {
  maxLevel,
  type PdfIssue,
  type PdfVerificationReport,
  type RevisionReport,
  type SignatureReport,
  worstVerdict,
} from './report.js';
import { verifySignatureCrypto } from './verify-signature-crypto.js';

export interface VerifyPdfOptions {
  /** DER root certificates to trust. */
  trustAnchors: Uint8Array[];
  /** Validation time for signatures without a valid time-stamp (default now). */
  at?: Date;
}

/**
 * Verifies every signature and document time-stamp of a PDF and analyses every revision after the first signature
 * (ETSI EN 319 142-1, ISO 32000-1 §12.8). Never throws for bad input: an unreadable file yields an INVALID report.
 */
export async function verifyPdf(bytes: Uint8Array, opts: VerifyPdfOptions): Promise<PdfVerificationReport> {
  const validatedAt = opts.at ?? new Date();
  let file: PdfFile;
  try {
    file = PdfFile.parse(bytes);
  } catch (e) {
    const message = e instanceof PdfError ? `${e.code}: ${e.message}` : String(e);
    return {
      verdict: 'INVALID',
      signatures: [],
      revisions: [],
      issues: [{ code: 'UNREADABLE', message }],
      validatedAt,
    };
  }
  const docIssues: PdfIssue[] = [];
  const { all, removed } = collectSignatures(file, docIssues);
  const dss = readDss(file);
  docIssues.push(...dss.issues);

  const revisions: RevisionReport[] = file.revisions.map((r) => ({
    index: r.index,
    start: r.start,
    end: r.end,
    kind: r.kind,
    signatures: [],
    modifications: 'NONE',
    issues: [],
  }));

  const reports: SignatureReport[] = [];
  for (const sig of all) {
    const cov = checkCoverage(file, sig);
    const crypto = cov.signedData
      ? await verifySignatureCrypto(sig, cov.signedData, {
          trustAnchors: opts.trustAnchors,
          at: opts.at,
          revocation: { crls: dss.crls, ocsps: dss.ocsps },
        })
      : undefined;
    const issues = [...cov.issues, ...(crypto?.issues ?? [])];
    const m = sig.dict.get('M');
    const coverageVerdict =
      cov.coverage === 'ENTIRE_FILE' || cov.coverage === 'ENTIRE_REVISION' ? 'VALID' : 'INDETERMINATE';
    const isRemoved = removed.has(sig);
    revisions[cov.revision]?.signatures.push(sig.fieldName);
    reports.push({
      fieldName: sig.fieldName,
      kind: sig.kind,
      subFilter: sig.subFilter,
      revision: cov.revision,
      byteRange: sig.byteRange,
      coverage: cov.coverage,
      intact: crypto?.intact ?? false,
      signatureValid: crypto?.signatureValid ?? false,
      trusted: crypto?.trusted ?? false,
      signerSubject: crypto?.signerSubject,
      signerCertificate: crypto?.signerCertificate,
      claimedSigningTime: m instanceof PdfString ? parsePdfDate(m.toText()) : undefined,
      timestampTime: crypto?.timestampTime,
      validatedAt: crypto?.validatedAt ?? validatedAt,
      level: 'NONE',
      modifications: 'NONE',
      removed: isRemoved,
      verdict: worstVerdict(crypto?.verdict ?? 'INVALID', coverageVerdict, isRemoved ? 'INVALID' : 'VALID'),
      issues,
    });
  }

  // Revision analysis after the first signed revision.
  const firstSigned = Math.min(...reports.map((r) => r.revision));
  let prevGraph: RevisionGraph | undefined;
  for (let rev = firstSigned + 1; rev < file.revisions.length; rev++) {
    try {
      prevGraph = new RevisionGraph(file, rev - 1);
      const d = diffRevision(file, rev, prevGraph);
      revisions[rev]!.modifications = d.level;
      revisions[rev]!.issues.push(...d.issues);
    } catch (e) {
      revisions[rev]!.modifications = 'OTHER';
      revisions[rev]!.issues.push({
        code: 'REVISION_OBJECT_REPLACED',
        message: `unreadable revision: ${String(e)}`,
        revision: rev,
      });
    }
  }
  reports.forEach((r, i) => {
    for (const rev of revisions.slice(r.revision + 1)) r.modifications = maxLevel(r.modifications, rev.modifications);
    if (r.modifications === 'OTHER') r.verdict = 'INVALID';
    // ISO 32000-1 §12.8.2.2: P=1 allows no changes at all (document time-stamps and DSS excepted, ISO 32000-2 §12.8.2.2.2).
    if (docMdpPermission(file, all[i]!) === 1 && r.modifications === 'FORM_FILLING') {
      r.issues.push({
        code: 'DOCMDP_VIOLATION',
        message: 'certified with P=1, but later revisions fill or add fields',
      });
      r.verdict = 'INVALID';
    }
    const locks = safely(() => checkFieldLocks(file, all[i]!, r.revision), []);
    if (locks.length) {
      r.issues.push(...locks);
      r.verdict = 'INVALID';
    }
  });
  assignLevels(file, all, reports);

  const tail = bytes.subarray(file.latest.end);
  if (tail.some((c) => ![0, 9, 10, 12, 13, 32].includes(c))) {
    docIssues.push({
      code: 'TRAILING_BYTES',
      message: `${tail.length} bytes after the last %%EOF are not part of any revision`,
    });
  }
  for (const rev of revisions) docIssues.push(...rev.issues);
  const verdict =
    reports.length === 0
      ? 'INDETERMINATE'
      : worstVerdict(...reports.map((r) => r.verdict), docIssues.length ? 'INVALID' : 'VALID');
  return { verdict, signatures: reports, revisions, issues: docIssues, validatedAt };
}

/** Signatures of every revision (a later revision may have dropped one: that is reported, not ignored). */
function collectSignatures(file: PdfFile, issues: PdfIssue[]): { all: SignatureEntry[]; removed: Set<SignatureEntry> } {
  const byKey = new Map<string, SignatureEntry>();
  const latestKeys = new Set<string>();
  const keyOf = (s: SignatureEntry): string => (s.sigNum ? `#${s.sigNum}` : `${s.fieldName}:${s.byteRange?.join(',')}`);
  for (let rev = 0; rev < file.revisions.length; rev++) {
    let list: SignatureEntry[];
    try {
      list = listSignatures(file, rev);
    } catch {
      continue;
    }
    for (const s of list) {
      const k = keyOf(s);
      if (!byKey.has(k)) byKey.set(k, s);
      if (rev === file.revisions.length - 1) latestKeys.add(k);
    }
  }
  const removed = new Set<SignatureEntry>();
  for (const [k, s] of byKey) {
    if (latestKeys.has(k)) continue;
    removed.add(s);
    issues.push({ code: 'SIGNATURE_REMOVED', message: `signature "${s.fieldName}" was removed by a later revision` });
  }
  const endOf = (s: SignatureEntry): number => (s.byteRange?.length ? s.byteRange.at(-2)! + s.byteRange.at(-1)! : 0);
  return { all: [...byKey.values()].sort((a, b) => endOf(a) - endOf(b)), removed };
}

/** PAdES level reached (ETSI EN 319 142-1 §6): B-T needs a valid signature time-stamp, B-LT validation data in the DSS, B-LTA a later valid document time-stamp. */
function assignLevels(file: PdfFile, all: SignatureEntry[], reports: SignatureReport[]): void {
  const docTs = reports.filter((r) => r.kind === 'doc-timestamp' && r.verdict !== 'INVALID' && r.intact);
  const dssByRev = file.revisions.map((_, rev) => safely(() => readDss(file, rev), undefined));
  reports.forEach((r, i) => {
    if (r.kind !== 'signature' || !r.intact || !r.signatureValid) return;
    let level: PadesLevel = r.timestampTime ? 'B-T' : 'B-B';
    const key = createHash('sha1').update(all[i]!.contents).digest('hex').toUpperCase();
    const cert = r.signerCertificate ? Buffer.from(r.signerCertificate) : undefined;
    // B-LT: validation data for this signature in the DSS — its VRI entry, or (VRI being optional) its signer
    // certificate together with revocation data (ETSI EN 319 142-1 §5.4.2, §6.3).
    const covers = (d: (typeof dssByRev)[number]): boolean =>
      Boolean(
        d &&
          (d.vriKeys.has(key) ||
            (cert && d.certs.some((c) => cert.equals(Buffer.from(c))) && d.crls.length + d.ocsps.length > 0)),
      );
    const dssRev = dssByRev.findIndex(covers);
    if (level === 'B-T' && dssRev >= 0) {
      level = 'B-LT';
      if (docTs.some((t) => t.revision >= dssRev && t.revision > r.revision)) level = 'B-LTA';
    }
    r.level = level;
  });
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** DocMDP permission P of a certification signature (ISO 32000-1 Table 254), or undefined. */
function docMdpPermission(file: PdfFile, sig: SignatureEntry): number | undefined {
  const refs = file.resolve(sig.dict.get('Reference'));
  if (!Array.isArray(refs)) return undefined;
  for (const item of refs) {
    const ref = file.resolveDict(item);
    if (!ref) continue;
    const method = file.resolve(ref.get('TransformMethod'));
    if (!(method instanceof PdfName) || method.value !== 'DocMDP') continue;
    const params = file.resolveDict(ref.get('TransformParams'));
    const p = file.resolve(params?.get('P'));
    return typeof p === 'number' ? p : 2;
  }
  return undefined;
}

/** ISO 32000-1 §7.9.4 date string to Date (undefined when unparseable). */
export function parsePdfDate(s: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(s);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', tz, th = '00', tm = '00'] = m;
  const base = Date.UTC(+y!, +mo - 1, +d, +h, +mi, +se);
  const off = tz === '+' || tz === '-' ? (tz === '+' ? 1 : -1) * (+th * 60 + +tm) * 60_000 : 0;
  return new Date(base - off);
}
