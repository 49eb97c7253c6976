import { createHash } from 'node:crypto';
import { verifyEvidenceBundle } from '@inkproof/evidence';
import { verifyPdf } from '@inkproof/pdf';
import { pdfVerifierFor } from '../../trust/pdf-verifier';
import { type PdfReportSummary, summarizePdfReport } from './pdf-report-summary';
import { type Reason, reasonOf } from './verify-reasons';

/** Public uploads are verified in memory only; larger files are refused before any parsing. */
export const VERIFY_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;

export const PUBLIC_REPORT_FORMAT = 'application/vnd.inkproof.verify-report.v1+json';

export interface PublicVerifyReport {
  format: typeof PUBLIC_REPORT_FORMAT;
  kind: 'pdf' | 'bundle' | 'unknown';
  verdict: 'VALID' | 'INDETERMINATE' | 'INVALID';
  sha256: string;
  size: number;
  verifiedAt: string;
  reasons: Reason[];
  pdf?: PdfReportSummary;
  /** Step verdicts only: the bundle's facts (names, claims) stay out of the public report. */
  bundle?: { step: string; status: string; errors: string[] }[];
}

const startsWith = (bytes: Uint8Array, magic: string) =>
  bytes.length >= magic.length && [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));

function uniqueReasons(items: { code: string; message: string }[]): Reason[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.code) && seen.add(i.code)).map((i) => reasonOf(i.code, i.message));
}

/**
 * Verifies an uploaded PDF or evidence bundle with the same engines as the CLI and the records console. No escrow
 * key is used (nothing encrypted is opened); the report carries nothing the file itself does not contain.
 */
export async function verifyUpload(
  deps: {
    trustAnchors: Uint8Array[];
    trustedLogKeys: Parameters<typeof verifyEvidenceBundle>[1]['trustedLogKeys'];
    clock: () => Date;
  },
  bytes: Uint8Array,
): Promise<PublicVerifyReport> {
  const base = {
    format: PUBLIC_REPORT_FORMAT,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.byteLength,
    verifiedAt: deps.clock().toISOString(),
  } as const;
  if (bytes.byteLength > VERIFY_UPLOAD_MAX_BYTES) {
    return { ...base, kind: 'unknown', verdict: 'INVALID', reasons: [reasonOf('TOO_LARGE')] };
  }
  if (startsWith(bytes, '%PDF-')) {
    const report = summarizePdfReport(await verifyPdf(bytes, { trustAnchors: deps.trustAnchors }));
    const signed = report.signatures.filter((s) => s.kind === 'signature');
    const issues = [
      ...report.issues,
      ...report.signatures.flatMap((s) => s.issues),
      ...report.revisions.flatMap((r) => r.issues),
    ];
    const reasons = uniqueReasons(issues);
    if (signed.length === 0) reasons.unshift(reasonOf('NO_SIGNATURES'));
    return { ...base, kind: 'pdf', verdict: signed.length === 0 ? 'INVALID' : report.verdict, reasons, pdf: report };
  }
  if (startsWith(bytes, 'PK')) {
    const report = await verifyEvidenceBundle(bytes, {
      trustAnchors: deps.trustAnchors,
      pdfVerifier: pdfVerifierFor(deps.trustAnchors),
      trustedLogKeys: deps.trustedLogKeys,
    });
    const failed = report.steps.filter((s) => s.status === 'fail');
    return {
      ...base,
      kind: 'bundle',
      verdict: report.valid ? 'VALID' : 'INVALID',
      reasons: uniqueReasons(failed.flatMap((s) => s.errors)),
      bundle: report.steps.map((s) => ({ step: s.step, status: s.status, errors: s.errors.map((e) => e.code) })),
    };
  }
  return { ...base, kind: 'unknown', verdict: 'INVALID', reasons: [reasonOf('UNSUPPORTED_FILE')] };
}
