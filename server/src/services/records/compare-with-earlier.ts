import { compareSignatures, type TInkDocument } from '@inkproof/ink';
import { and, asc, eq, lt, ne } from 'drizzle-orm';
import type { BlobStore } from '../../blobs/blob-store';
import type { Db } from '../../db/db';
import { envelopes, signers, submissions } from '../../db/schema';
import { loadEnvelopeRow } from './get-signing';
import { loadSubmission } from './load-submission';

export interface CompareCandidate {
  envelopeId: string;
  signedAt: string;
  signerRole: string;
  signerName: string;
  fieldName: string;
  /** DTW dissimilarity from `compareSignatures`; lower is more alike. */
  score: number;
  ink: TInkDocument;
}

/** Earlier signings of the same patient at most this many are compared (DTW is O(n²) per pair). */
const MAX_EARLIER = 50;

/**
 * Ranks the same patient's earlier signatures by DTW distance to each signature of this signing (dispute review:
 * "is this the same hand as before?"). Candidates are earlier envelopes' submissions, nearest first.
 */
export async function compareWithEarlier(deps: { db: Db; blobs: BlobStore }, envelopeId: string) {
  const { db, blobs } = deps;
  const { envelope, patient } = await loadEnvelopeRow(db, envelopeId);
  const own = await db.select().from(submissions).where(eq(submissions.envelopeId, envelopeId));
  const earlier = await db
    .select({ submission: submissions, envelopeId: envelopes.id, role: signers.role, name: signers.name })
    .from(submissions)
    .innerJoin(envelopes, eq(envelopes.id, submissions.envelopeId))
    .innerJoin(signers, eq(signers.id, submissions.signerId))
    .where(
      and(
        eq(envelopes.patientId, patient.id),
        ne(envelopes.id, envelopeId),
        lt(submissions.createdAt, own[0]?.createdAt ?? envelope.createdAt),
      ),
    )
    .orderBy(asc(submissions.createdAt))
    .limit(MAX_EARLIER);
  const candidates: Omit<CompareCandidate, 'score'>[] = [];
  for (const e of earlier) {
    const raw = await loadSubmission(blobs, e.submission.items);
    for (const s of raw?.signatures ?? []) {
      candidates.push({
        envelopeId: e.envelopeId,
        signedAt: s.signedAt,
        signerRole: e.role,
        signerName: e.name,
        fieldName: s.fieldName,
        ink: s.ink,
      });
    }
  }
  const targets = [];
  for (const sub of own) {
    const raw = await loadSubmission(blobs, sub.items);
    for (const s of raw?.signatures ?? []) {
      const ranking = candidates
        .map((c) => ({ ...c, score: compareSignatures(s.ink, c.ink) }))
        .sort((a, b) => a.score - b.score);
      targets.push({ fieldName: s.fieldName, signedAt: s.signedAt, ink: s.ink, ranking });
    }
  }
  return { patientId: patient.id, targets };
}
