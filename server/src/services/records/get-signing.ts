import type { TInkDocument } from '@inkproof/ink';
import { asc, eq, inArray } from 'drizzle-orm';
import type { BlobStore } from '../../blobs/blob-store';
import type { Db } from '../../db/db';
import { documents, envelopes, evidenceBundles, patients, signers, submissions, wards } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../deps';
import { requestContextOf, staffContextOf } from '../device-flow/accept-submission';
import type { TSubmission } from '../device-flow/submission-schema';
import { type InkSummary, summarizeInk } from './ink-summary';
import { loadSubmission } from './load-submission';
import { recordAudit } from './record-audit';
import { verificationCodes } from './verification-codes-table';

export interface SigningSubmissionView {
  id: string;
  signerId: string;
  status: string;
  createdAt: string;
  bundleId: string | null;
  tlogIndex: number | null;
  signatures: { documentId: string; fieldName: string; signedAt: string; ink: TInkDocument; summary: InkSummary }[];
  reading: TSubmission['reading'];
  timeline: TSubmission['timeline'];
  device: TSubmission['device'] | null;
  /** The address the server received the submission from (network context). */
  receivedFrom: string | null;
  /** For a doctor's or witness's signature made in the console: the staff account that signed. */
  staffSession: { username: string; displayName: string; roles: string[]; verifiedAt: string } | null;
  biometricConsent: TSubmission['biometricConsent'] | null;
  reasonPatientNotSigning: string | null;
  /** Which encrypted items exist (decrypt on demand); never the items themselves. */
  captured: { facePhoto: boolean; idCard: boolean; fingerprint: boolean };
  skipped: { step: string; reason: string }[];
}

export async function loadEnvelopeRow(db: Db, envelopeId: string) {
  const [row] = await db
    .select({ envelope: envelopes, patient: patients, wardName: wards.name })
    .from(envelopes)
    .innerJoin(patients, eq(patients.id, envelopes.patientId))
    .leftJoin(wards, eq(wards.id, envelopes.wardId))
    .where(eq(envelopes.id, envelopeId));
  if (!row) throw new AppError('NOT_FOUND', '未找到该签署 / Signing not found');
  return row;
}

/** Everything captured for one signing, for the records detail page; logs `records.viewed`. */
export async function getSigning(deps: { db: Db; blobs: BlobStore }, actor: Actor, envelopeId: string) {
  const { db, blobs } = deps;
  const { envelope, patient, wardName } = await loadEnvelopeRow(db, envelopeId);
  const docs = await db
    .select({
      id: documents.id,
      title: documents.title,
      templateKey: documents.templateKey,
      status: documents.status,
      signedSha256: documents.signedSha256,
      originalSha256: documents.originalSha256,
      verificationCode: verificationCodes.code,
    })
    .from(documents)
    .leftJoin(verificationCodes, eq(verificationCodes.documentId, documents.id))
    .where(eq(documents.envelopeId, envelopeId))
    .orderBy(asc(documents.position));
  const people = await db
    .select()
    .from(signers)
    .where(eq(signers.envelopeId, envelopeId))
    .orderBy(asc(signers.position));
  const subs = await db
    .select()
    .from(submissions)
    .where(eq(submissions.envelopeId, envelopeId))
    .orderBy(asc(submissions.createdAt));
  const bundles = subs.length
    ? await db
        .select()
        .from(evidenceBundles)
        .where(
          inArray(
            evidenceBundles.submissionId,
            subs.map((s) => s.id),
          ),
        )
    : [];
  const views: SigningSubmissionView[] = [];
  for (const sub of subs) {
    const raw = await loadSubmission(blobs, sub.items);
    const bundle = bundles.find((b) => b.submissionId === sub.id);
    views.push({
      id: sub.id,
      signerId: sub.signerId,
      status: sub.status,
      createdAt: sub.createdAt.toISOString(),
      bundleId: bundle?.id ?? null,
      tlogIndex: bundle?.tlogIndex ?? null,
      signatures: (raw?.signatures ?? []).map((s) => ({
        documentId: s.documentId,
        fieldName: s.fieldName,
        signedAt: s.signedAt,
        ink: s.ink,
        summary: summarizeInk(s.ink),
      })),
      reading: raw?.reading ?? [],
      timeline: raw?.timeline ?? [],
      device: raw?.device ?? null,
      receivedFrom: requestContextOf(sub.items)?.address ?? null,
      staffSession: staffOf(sub.items),
      biometricConsent: raw?.biometricConsent ?? null,
      reasonPatientNotSigning: raw?.signer.reasonPatientNotSigning ?? null,
      captured: {
        facePhoto: !!raw?.identity.facePhoto,
        idCard: !!raw?.identity.idCard,
        fingerprint: !!raw?.fingerprint,
      },
      skipped: raw?.identity.skipped ?? [],
    });
  }
  await recordAudit(db, actor, 'records.viewed', { type: 'envelope', id: envelopeId });
  return {
    envelope: {
      id: envelope.id,
      status: envelope.status,
      channel: envelope.channel,
      createdAt: envelope.createdAt.toISOString(),
      completedAt: envelope.completedAt?.toISOString() ?? null,
      wardName,
    },
    patient: { id: patient.id, name: patient.name, mrn: patient.mrn },
    documents: docs.map((d) => ({
      id: d.id,
      title: d.title,
      templateKey: d.templateKey,
      status: d.status,
      signed: !!d.signedSha256,
      verificationCode: d.verificationCode,
    })),
    signers: people.map((p) => ({
      id: p.id,
      role: p.role,
      name: p.name,
      relationship: p.relationship,
      status: p.status,
      signedAt: p.signedAt?.toISOString() ?? null,
      identity: p.identity,
    })),
    submissions: views,
  };
}

export type SigningDetail = Awaited<ReturnType<typeof getSigning>>;

function staffOf(items: unknown[]) {
  const s = staffContextOf(items);
  return s ? { username: s.username, displayName: s.displayName, roles: s.roles, verifiedAt: s.verifiedAt } : null;
}
