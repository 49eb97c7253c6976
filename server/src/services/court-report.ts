import { renderCourtReport, sealCourtReport, verifyEvidenceBundle } from '@inkproof/evidence';
import { pdfVerifierFor } from '@inkproof/pdf';
import { asc, eq } from 'drizzle-orm';
import type { BlobStore } from '../blobs';
import type { Db } from '../db/db';
import { evidenceBundles } from '../db/schema';
import { AppError } from '../errors';
import type { TrustServices } from '../trust/trust-services';

export interface CourtReportDeps {
  db: Db;
  blobs: BlobStore;
  trust: TrustServices;
  clock: () => Date;
  hospitalName: string;
  publicUrl: string;
  fontPath?: string | undefined;
}

/**
 * The court report (出证报告) of one evidence bundle: verified with the same engine as the CLI, rendered (with the
 * escrow key when this server holds it, so the handwriting plots and photo thumbnails appear), then sealed PAdES
 * B-LTA by the hospital's evidence-seal key.
 */
export async function buildCourtReport(deps: CourtReportDeps, bundleId: string): Promise<Uint8Array> {
  const [row] = await deps.db.select().from(evidenceBundles).where(eq(evidenceBundles.id, bundleId));
  if (!row) throw new AppError('NOT_FOUND', '证据包不存在 / Evidence bundle not found');
  const zip = await deps.blobs.get(row.bundleSha256);
  const { pki, tsa, escrow, logKey } = deps.trust;
  const trustAnchors = [pki.rootCertificate];
  const report = await verifyEvidenceBundle(zip, {
    trustAnchors,
    pdfVerifier: pdfVerifierFor(trustAnchors),
    trustedLogKeys: [logKey.publicKey],
    ...(escrow.keyPem ? { escrowKey: escrow.keyPem } : {}),
  });
  const pdf = await renderCourtReport({
    zip,
    report,
    trustAnchors,
    hospitalName: deps.hospitalName,
    generatedAt: deps.clock(),
    verificationBaseUrl: deps.publicUrl,
    ...(escrow.keyPem ? { escrowKey: escrow.keyPem } : {}),
    ...(deps.fontPath ? { fontPath: deps.fontPath } : {}),
  });
  return sealCourtReport(pdf, { ...pki.evidenceSeal, tsa, revocation: (certs) => pki.revocationData(certs) });
}

/** One sealed court report per evidence bundle of the envelope, in sealing order (for the evidence package). */
export async function buildEnvelopeCourtReports(deps: CourtReportDeps, envelopeId: string) {
  const rows = await deps.db
    .select({ id: evidenceBundles.id })
    .from(evidenceBundles)
    .where(eq(evidenceBundles.envelopeId, envelopeId))
    .orderBy(asc(evidenceBundles.createdAt));
  const out: { bundleId: string; pdf: Uint8Array }[] = [];
  for (const r of rows) out.push({ bundleId: r.id, pdf: await buildCourtReport(deps, r.id) });
  return out;
}
