import { randomUUID } from 'node:crypto';
import {
  buildEvidenceBundle,
  describeEvidence,
  EVIDENCE_CONTAINER_MEDIA_TYPE,
  type TSignerClaims,
} from '@inkproof/evidence';
import type { IdCardReader } from '@inkproof/idcard';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type BlobStore, storeBlob } from '../../blobs';
import type { FieldCipher } from '../../crypto';
import { appendAudit } from '../../db/audit/append-audit';
import { DataError } from '../../db/data-error';
import type { Db } from '../../db/db';
import {
  documents,
  envelopes,
  evidenceBundles,
  signatures,
  signers,
  submissions,
  templates,
  tlogLeaves,
} from '../../db/schema';
import { createDbLogAppender } from '../../trust/db-log-appender';
import type { TrustServices } from '../../trust/trust-services';
import { requestContextOf, staffContextOf, type TRawItem } from '../device-flow/accept-submission';
import { ZSubmissionSchema } from '../device-flow/submission-schema';
import { type PushPublisher, STAFF_CHANNEL } from '../push-events/push-events';
import { checkIdCard } from './check-id-card';
import { completeEnvelopeIfDone } from './complete-envelope';
import {
  evidenceDevice,
  evidenceItems,
  evidenceTimeline,
  type QuizKeys,
  signatureMeaning,
  signerClaims,
} from './evidence-from-submission';
import { type DocumentToSign, signDocuments } from './sign-documents';

export interface SealDeps {
  db: Db;
  blobs: BlobStore;
  clock: () => Date;
  push: PushPublisher;
  log: Logger;
  trust: TrustServices;
  hospitalName: string;
  cipher: FieldCipher;
  /** Server-side OCR of the ID-card photo; without it the ID checks are recorded as not done. */
  idcard?: () => Promise<IdCardReader>;
}

/**
 * Seals one accepted submission (ARCHITECTURE.md, signing pipeline step 3). Everything slow — the event certificate,
 * the PAdES signatures, the evidence bundle's encryption — happens before one final transaction that appends the log
 * leaf, stores the rows and completes the envelope. A crash anywhere before that commit leaves nothing behind but
 * unreferenced content-addressed files, and the retried job starts over with a fresh event key; after it, the job
 * finds the submission sealed and only makes sure the envelope is completed.
 */
export async function sealSubmission(deps: SealDeps, submissionId: string): Promise<'sealed' | 'already-sealed'> {
  const { db } = deps;
  const [sub] = await db.select().from(submissions).where(eq(submissions.id, submissionId));
  if (!sub) throw new DataError('JOB_INVALID', `submission ${submissionId} not found`);
  const now = deps.clock();
  if (sub.status === 'sealed') {
    const patientId = await db.transaction((tx) => completeEnvelopeIfDone(tx, sub.envelopeId, now));
    if (patientId) await pushStatus(deps, sub.envelopeId, patientId, 'completed', now);
    return 'already-sealed';
  }
  const items = (sub.items as { kind: string }[]).filter(
    (i): i is TRawItem => i.kind !== 'request-context' && i.kind !== 'staff-context',
  );
  const blobOf = async (kind: TRawItem['kind']) => {
    const item = items.find((i) => i.kind === kind);
    return item ? deps.blobs.get(item.sha256) : undefined;
  };
  const s = ZSubmissionSchema.parse(JSON.parse(Buffer.from((await blobOf('submission'))!).toString('utf8')));
  const images = {
    idCard: await blobOf('id-card'),
    facePhoto: await blobOf('face-photo'),
    fingerprint: await blobOf('fingerprint'),
  };
  const [envelope] = await db.select().from(envelopes).where(eq(envelopes.id, sub.envelopeId));
  await markSealing(deps, sub.id, envelope!.id, envelope!.patientId, now);

  const docRows = await db
    .select()
    .from(documents)
    .where(eq(documents.envelopeId, envelope!.id))
    .orderBy(asc(documents.position));
  // Only the documents this signer signs (a witness may have a field in one form of the envelope and not the others):
  // the evidence names exactly the documents the event certificate's signatures go into.
  const signedHere = new Set(s.signatures.map((x) => x.documentId));
  const toSign: DocumentToSign[] = docRows
    .filter((d) => signedHere.has(d.id))
    .map((d) => ({
      id: d.id,
      title: d.title,
      baseSha256: d.signedSha256 ?? d.originalSha256!,
    }));
  const checks: TSignerClaims['identityChecks'] = [
    identityCheck(
      'id-card-confirmed',
      s.identity.idCard ? (s.identity.idCard.confirmed ? 'pass' : 'fail') : 'not-done',
      s.identity.idCard?.at,
      skipReason(s, 'idCard'),
    ),
    identityCheck(
      'face-photo',
      s.identity.facePhoto ? 'pass' : 'not-done',
      s.identity.facePhoto?.at,
      skipReason(s, 'facePhoto'),
    ),
    identityCheck('fingerprint', s.fingerprint ? 'pass' : 'not-done', undefined, skipReason(s, 'fingerprint')),
  ];
  const staff = staffContextOf(sub.items);
  if (staff) {
    // A doctor's or witness's signature from the console: the authenticated staff session is the identity check.
    checks.unshift(
      identityCheck(
        'staff-session',
        'pass',
        staff.verifiedAt,
        `${staff.displayName} (${staff.username}; ${staff.roles.join(', ')})`,
      ),
    );
  }
  const identity = await checkIdCard(deps, s, images.idCard, envelope!.patientId);
  checks.push(...identity.checks);
  const core = {
    claims: signerClaims(s, { checks, idNumberHash: identity.idNumberHash, ocrFields: identity.ocrFields }),
    timeline: evidenceTimeline(s, new Map(docRows.map((d) => [d.id, d.title])), await quizKeysOf(db, docRows)),
    device: evidenceDevice(s, requestContextOf(sub.items)?.address),
    items: evidenceItems(s, images, identity.ocrJson),
    documents: toSign.map((d) => ({ id: d.id, before: { sha256: d.baseSha256 } })),
  };
  const { evidenceDigest } = describeEvidence(core);
  const meaning = signatureMeaning(s.signer.role, s.signer.relationship);
  const credential = await deps.trust.pki.issueEventCertificate({
    name: s.signer.name,
    role: s.signer.role,
    ...(s.signer.relationship ? { relationship: s.signer.relationship } : {}),
    ...(identity.idNumberHash ? { idNumberHash: identity.idNumberHash } : {}),
    evidenceDigest: new Uint8Array(Buffer.from(evidenceDigest, 'hex')),
  });
  let signedDocs: Awaited<ReturnType<typeof signDocuments>>;
  try {
    signedDocs = await signDocuments(
      { ...deps, pki: deps.trust.pki, tsa: deps.trust.tsa },
      credential,
      s,
      toSign,
      meaning,
      images.fingerprint,
      now,
    );
  } finally {
    // The event key signs this sitting's documents and nothing else, ever (ARCHITECTURE.md step 3d).
    await credential.destroy();
  }

  const completedPatient = await db.transaction(async (tx) => {
    const appender = createDbLogAppender(tx, { logKey: deps.trust.logKey, tsa: deps.trust.tsa, clock: deps.clock });
    const bundleId = randomUUID();
    const bundle = await buildEvidenceBundle({
      ...core,
      bundleId,
      envelopeId: envelope!.id,
      signerId: sub.signerId,
      documents: signedDocs.map((d) => ({
        id: d.id,
        title: d.title,
        before: { sha256: d.baseSha256 },
        signed: d.signed,
      })),
      eventCertificate: credential.certificate,
      escrowCertificate: deps.trust.escrow.certificate,
      seal: { ...deps.trust.pki.evidenceSeal, tsa: deps.trust.tsa },
      log: appender,
      clock: deps.clock,
    });
    for (const d of signedDocs) {
      const stored = await storeBlob(tx, deps.blobs, d.signed, 'application/pdf');
      const base = docRows.find((r) => r.id === d.id)!;
      // Compare-and-set on the revision we signed: another signer sealing the same document meanwhile makes this
      // attempt roll back and retry on top of their revision, so no signature is ever lost.
      const updated = await tx
        .update(documents)
        .set({ signedSha256: stored.sha256, status: 'signed', updatedAt: now })
        .where(
          and(
            eq(documents.id, d.id),
            base.signedSha256 ? eq(documents.signedSha256, base.signedSha256) : isNull(documents.signedSha256),
          ),
        )
        .returning({ id: documents.id });
      if (!updated.length) throw new Error(`document ${d.id} changed while sealing; retrying on the new revision`);
      await tx.insert(signatures).values({
        documentId: d.id,
        signerId: sub.signerId,
        submissionId: sub.id,
        fieldName: d.fieldName,
        eventCertificateDer: credential.certificate,
        level: 'B-LTA',
      });
    }
    const zip = await storeBlob(tx, deps.blobs, bundle.zip, EVIDENCE_CONTAINER_MEDIA_TYPE);
    const leafIndex = bundle.logEntry.leafIndex;
    await tx.insert(evidenceBundles).values({
      id: bundleId,
      envelopeId: envelope!.id,
      signerId: sub.signerId,
      submissionId: sub.id,
      format: `${EVIDENCE_CONTAINER_MEDIA_TYPE};version=1`,
      manifestSha256: bundle.manifestSha256,
      bundleSha256: zip.sha256,
      tlogIndex: leafIndex,
    });
    await tx.update(tlogLeaves).set({ bundleId }).where(eq(tlogLeaves.index, leafIndex));
    await tx
      .update(submissions)
      .set({ status: 'sealed', lastError: null, updatedAt: now })
      .where(eq(submissions.id, sub.id));
    await appendAudit(tx, {
      actorType: 'system',
      action: 'submission.sealed',
      subjectType: 'submission',
      subjectId: sub.id,
      details: {
        envelopeId: envelope!.id,
        bundleId,
        documents: signedDocs.length,
        level: 'B-LTA',
        tlogIndex: leafIndex,
      },
      at: now,
    });
    return completeEnvelopeIfDone(tx, envelope!.id, now);
  });
  if (completedPatient) await pushStatus(deps, envelope!.id, completedPatient, 'completed', now);
  deps.log.info({ submissionId, envelopeId: envelope!.id, documents: signedDocs.length }, 'submission sealed');
  return 'sealed';
}

async function quizKeysOf(db: Db, docs: { id: string; templateId: string }[]): Promise<QuizKeys> {
  const keys: QuizKeys = new Map();
  for (const d of docs) {
    const [t] = await db
      .select({ definition: templates.definition })
      .from(templates)
      .where(eq(templates.id, d.templateId));
    const c = (t?.definition as { comprehension?: { question: { zh: string }; answer: string } } | undefined)
      ?.comprehension;
    if (c) keys.set(d.id, { question: c.question.zh, answer: c.answer });
  }
  return keys;
}

function identityCheck(check: string, result: 'pass' | 'fail' | 'not-done', at?: string, detail?: string) {
  return { check, result, ...(at ? { at } : {}), ...(detail ? { detail } : {}) };
}

function skipReason(s: { identity: { skipped: { step: string; reason: string }[] } }, step: string) {
  return s.identity.skipped.find((k) => k.step === step)?.reason;
}

/** Once every signer has signed, the envelope shows "sealing" while the job runs. */
async function markSealing(deps: SealDeps, submissionId: string, envelopeId: string, patientId: string, now: Date) {
  await deps.db.update(submissions).set({ status: 'sealing', updatedAt: now }).where(eq(submissions.id, submissionId));
  const pending = await deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(signers)
    .where(and(eq(signers.envelopeId, envelopeId), sql`${signers.status} <> 'signed'`));
  if ((pending[0]?.n ?? 1) > 0) return;
  const moved = await deps.db
    .update(envelopes)
    .set({ status: 'sealing', updatedAt: now })
    .where(and(eq(envelopes.id, envelopeId), eq(envelopes.status, 'signing')))
    .returning({ id: envelopes.id });
  if (moved.length) await pushStatus(deps, envelopeId, patientId, 'sealing', now);
}

async function pushStatus(deps: SealDeps, envelopeId: string, patientId: string, status: string, now: Date) {
  await deps.push.publish(STAFF_CHANNEL, {
    type: 'envelope.status',
    envelopeId,
    patientId,
    status,
    at: now.toISOString(),
  });
}
