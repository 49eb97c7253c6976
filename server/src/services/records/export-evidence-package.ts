import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import type { BlobStore } from '../../blobs/blob-store';
import type { Db } from '../../db/db';
import { documents, evidenceBundles } from '../../db/schema';
import { AppError } from '../../errors';
import type { TrustServices } from '../../trust/trust-services';
import type { Actor } from '../deps';
import { loadEnvelopeRow } from './get-signing';
import { packageReadme } from './package-readme';
import { recordAudit } from './record-audit';
import { verifySigning } from './verify-signing';

/**
 * Hook for the court report (出证报告) PDF, built elsewhere: when given, its bytes go into the package as
 * `court-report.pdf`. Returning null leaves it out.
 */
export type CourtReportRenderer = (envelopeId: string) => Promise<Uint8Array | null>;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const utf8 = (s: string) => new TextEncoder().encode(s);

function pem(der: Uint8Array, label = 'CERTIFICATE'): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}

/**
 * The "evidence package" zip for a court or an expert: signed PDFs, sealed bundles, the certificate chain as PEM,
 * the verification results at export time and a README with independent verification commands. Audit-logged.
 */
export async function exportEvidencePackage(
  deps: { db: Db; blobs: BlobStore; trust: TrustServices; clock: () => Date; courtReport?: CourtReportRenderer },
  actor: Actor,
  envelopeId: string,
): Promise<{ bytes: Uint8Array; filename: string; sha256: string }> {
  const { db, blobs, trust } = deps;
  await loadEnvelopeRow(db, envelopeId);
  const docs = await db
    .select()
    .from(documents)
    .where(eq(documents.envelopeId, envelopeId))
    .orderBy(asc(documents.position));
  const bundles = await db.select().from(evidenceBundles).where(eq(evidenceBundles.envelopeId, envelopeId));
  if (!docs.some((d) => d.signedSha256) && bundles.length === 0) {
    throw new AppError('INVALID_STATE', '该签署尚未封存，无可导出内容 / Nothing sealed to export yet');
  }
  const files: Record<string, Uint8Array> = {};
  const pdfs: { path: string; sha256: string }[] = [];
  for (const [i, d] of docs.entries()) {
    if (!d.signedSha256) continue;
    const path = `documents/${i + 1}-${d.templateKey}-signed.pdf`;
    files[path] = await blobs.get(d.signedSha256);
    pdfs.push({ path, sha256: d.signedSha256 });
  }
  const bundleFiles: { path: string; sha256: string }[] = [];
  for (const b of bundles) {
    const path = `bundles/evidence-${b.id}.zip`;
    files[path] = await blobs.get(b.bundleSha256);
    bundleFiles.push({ path, sha256: b.bundleSha256 });
  }
  files['certs/root.pem'] = utf8(trust.pki.rootPem);
  files['certs/event-ca.pem'] = utf8(pem(trust.pki.eventCaCertificate));
  files['certs/tsa.pem'] = utf8(pem(trust.pki.tsaCertificate));
  files['certs/evidence-seal.pem'] = utf8(pem(trust.pki.evidenceSeal.certificate));
  const report = await verifySigning(deps, envelopeId);
  files['verification-report.json'] = utf8(JSON.stringify(report, null, 2));
  const court = deps.courtReport ? await deps.courtReport(envelopeId) : null;
  if (court) files['court-report.pdf'] = court;
  const generatedAt = deps.clock().toISOString();
  files['README.md'] = utf8(
    packageReadme({ envelopeId, generatedAt, pdfs, bundles: bundleFiles, hasCourtReport: !!court }),
  );
  const bytes = zipSync(files, { level: 6, mtime: new Date(generatedAt) });
  const digest = sha256(bytes);
  await recordAudit(
    db,
    actor,
    'records.exported',
    { type: 'envelope', id: envelopeId },
    {
      format: 'evidence-package',
      sha256: digest,
      documents: pdfs.length,
      bundles: bundleFiles.length,
    },
  );
  return { bytes, filename: `evidence-package-${envelopeId.slice(0, 8)}.zip`, sha256: digest };
}
