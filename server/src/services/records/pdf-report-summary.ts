import { X509Certificate } from 'node:crypto';
import type { PdfVerificationReport } from '@inkproof/pdf';

export interface CertificateFacts {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  sha256Fingerprint: string;
}

/** Subject/issuer/serial/validity of a DER certificate; null if it does not parse. */
export function certificateFacts(der: Uint8Array | undefined): CertificateFacts | null {
  if (!der) return null;
  try {
    const c = new X509Certificate(der);
    return {
      subject: c.subject.replace(/\n/g, ', '),
      issuer: c.issuer.replace(/\n/g, ', '),
      serialNumber: c.serialNumber,
      validFrom: new Date(c.validFrom).toISOString(),
      validTo: new Date(c.validTo).toISOString(),
      sha256Fingerprint: c.fingerprint256,
    };
  } catch {
    return null;
  }
}

/**
 * JSON-safe view of a PDF verification report (dates as ISO strings, certificates as facts, no raw bytes). Shared by
 * the records console and the public verify page, so both show the same engine's findings.
 */
export function summarizePdfReport(report: PdfVerificationReport) {
  return {
    verdict: report.verdict,
    validatedAt: report.validatedAt.toISOString(),
    issues: report.issues.map((i) => ({ code: i.code, message: i.message })),
    signatures: report.signatures.map((s) => ({
      fieldName: s.fieldName,
      kind: s.kind,
      subFilter: s.subFilter ?? null,
      revision: s.revision,
      coverage: s.coverage,
      intact: s.intact,
      signatureValid: s.signatureValid,
      trusted: s.trusted,
      signerSubject: s.signerSubject ?? null,
      certificate: certificateFacts(s.signerCertificate),
      claimedSigningTime: s.claimedSigningTime?.toISOString() ?? null,
      timestampTime: s.timestampTime?.toISOString() ?? null,
      level: s.level,
      modifications: s.modifications,
      removed: s.removed,
      verdict: s.verdict,
      issues: s.issues.map((i) => ({ code: i.code, message: i.message, revision: i.revision ?? null })),
    })),
    revisions: report.revisions.map((r) => ({
      index: r.index,
      kind: r.kind,
      signatures: r.signatures,
      modifications: r.modifications,
      issues: r.issues.map((i) => ({ code: i.code, message: i.message })),
    })),
  };
}

export type PdfReportSummary = ReturnType<typeof summarizePdfReport>;
