import { type EvidenceVerificationReport, verifyEvidenceBundle } from '@inkproof/evidence';
import { verifyPdf } from '@inkproof/pdf';
import { asc, eq } from 'drizzle-orm';
import type { BlobStore } from '../../blobs/blob-store';
import type { Db } from '../../db/db';
import { documents, evidenceBundles } from '../../db/schema';
import { pdfVerifierFor } from '../../trust/pdf-verifier';
import type { TrustServices } from '../../trust/trust-services';
import { type PdfReportSummary, summarizePdfReport } from './pdf-report-summary';

export interface BundleCheck {
  bundleId: string;
  signerId: string | null;
  tlogIndex: number | null;
  valid: boolean;
  steps: {
    step: string;
    status: string;
    errors: { code: string; message: string }[];
    facts: EvidenceVerificationReport['steps'][number]['facts'];
  }[];
}

/** Trust anchors, escrow key and log key of this installation, as both engines take them. */
export function engineOptions(trust: TrustServices) {
  const trustAnchors = [trust.pki.rootCertificate];
  return {
    trustAnchors,
    escrowKey: trust.escrow.keyPem ?? undefined,
    pdfVerifier: pdfVerifierFor(trustAnchors),
    trustedLogKeys: [trust.logKey.publicKey],
  };
}

export function summarizeBundleReport(report: EvidenceVerificationReport) {
  return {
    valid: report.valid,
    steps: report.steps.map((s) => ({
      step: s.step,
      status: s.status,
      errors: s.errors.map((e) => ({ code: e.code, message: e.message })),
      facts: s.facts,
    })),
  };
}

/** Runs the PDF verifier on every signed document and the bundle verifier (incl. log proof) on every bundle. */
export async function verifySigning(deps: { db: Db; blobs: BlobStore; trust: TrustServices }, envelopeId: string) {
  const { db, blobs } = deps;
  const options = engineOptions(deps.trust);
  const docs = await db
    .select()
    .from(documents)
    .where(eq(documents.envelopeId, envelopeId))
    .orderBy(asc(documents.position));
  const pdfs: { documentId: string; title: string; report: PdfReportSummary | null }[] = [];
  for (const d of docs) {
    if (!d.signedSha256) {
      pdfs.push({ documentId: d.id, title: d.title, report: null });
      continue;
    }
    const report = await verifyPdf(await blobs.get(d.signedSha256), { trustAnchors: options.trustAnchors });
    pdfs.push({ documentId: d.id, title: d.title, report: summarizePdfReport(report) });
  }
  const rows = await db.select().from(evidenceBundles).where(eq(evidenceBundles.envelopeId, envelopeId));
  const bundles: BundleCheck[] = [];
  for (const b of rows) {
    const report = await verifyEvidenceBundle(await blobs.get(b.bundleSha256), options);
    bundles.push({ bundleId: b.id, signerId: b.signerId, tlogIndex: b.tlogIndex, ...summarizeBundleReport(report) });
  }
  return { documents: pdfs, bundles };
}
