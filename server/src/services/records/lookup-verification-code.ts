import { createHash } from 'node:crypto';
import { verifyPdf } from '@inkproof/pdf';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { BlobStore } from '../../blobs/blob-store';
import type { Db } from '../../db/db';
import { documents, envelopes, signatures, signers } from '../../db/schema';
import { normalizeVerificationCode } from './verification-code';
import { verificationCodes } from './verification-codes-table';

export interface VerificationCodeStatus {
  code: string;
  title: string;
  status: 'sealed' | 'pending' | 'void';
  signedSha256: string | null;
  completedAt: string | null;
  /** Roles only — never names: the page is public. */
  signedBy: { role: string; signedAt: string | null }[];
  verdict: 'VALID' | 'INDETERMINATE' | 'INVALID' | null;
}

/**
 * Public status of the document behind a printed code: title, state, hash, when and by which roles — no patient or
 * signer names (the paper copy in the holder's hand already shows what it shows).
 */
export async function lookupVerificationCode(
  deps: { db: Db; blobs: BlobStore; trustAnchors: Uint8Array[] },
  input: string,
): Promise<VerificationCodeStatus | null> {
  const code = normalizeVerificationCode(input);
  if (!code) return null;
  const [row] = await deps.db
    .select({ document: documents, envelopeStatus: envelopes.status, completedAt: envelopes.completedAt })
    .from(verificationCodes)
    .innerJoin(documents, eq(documents.id, verificationCodes.documentId))
    .innerJoin(envelopes, eq(envelopes.id, documents.envelopeId))
    .where(eq(verificationCodes.code, code));
  if (!row) return null;
  const roles = await deps.db
    .select({ role: signers.role, signedAt: signers.signedAt })
    .from(signatures)
    .innerJoin(signers, eq(signers.id, signatures.signerId))
    .where(and(eq(signatures.documentId, row.document.id), isNotNull(signers.signedAt)));
  let verdict: VerificationCodeStatus['verdict'] = null;
  if (row.document.signedSha256) {
    const report = await verifyPdf(await deps.blobs.get(row.document.signedSha256), {
      trustAnchors: deps.trustAnchors,
    });
    verdict = report.verdict;
  }
  const voided = ['cancelled', 'expired', 'declined', 'failed'].includes(row.envelopeStatus);
  return {
    code,
    title: row.document.title,
    status: row.document.signedSha256 ? 'sealed' : voided ? 'void' : 'pending',
    signedSha256: row.document.signedSha256,
    completedAt: row.completedAt?.toISOString() ?? null,
    signedBy: roles.map((r) => ({ role: r.role, signedAt: r.signedAt?.toISOString() ?? null })),
    verdict,
  };
}

/** Whether an uploaded copy is byte-identical to the sealed original behind the code. */
export function matchesOriginal(status: VerificationCodeStatus, upload: Uint8Array): boolean {
  return !!status.signedSha256 && createHash('sha256').update(upload).digest('hex') === status.signedSha256;
}
