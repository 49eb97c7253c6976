import { createHash } from 'node:crypto';
import { signatureFieldName, type TConsentTemplate } from '@inkproof/pdf';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import type { BlobStore } from '../../blobs';
import { storeBlob } from '../../blobs';
import { appendAudit } from '../../db/audit/append-audit';
import type { Db } from '../../db/db';
import { documents, envelopes, signers, submissions, templates } from '../../db/schema';
import { AppError, fieldIssuesOf } from '../../errors';
import { enqueue } from '../../jobs';
import { type PushPublisher, STAFF_CHANNEL } from '../push-events/push-events';
import { isStaffSignerRole } from '../staff-signing/staff-roles';
import { checkImage } from './check-image';
import { findOpenDeviceEnvelope, OPEN_STATUSES } from './get-device-envelope';
import { SUBMISSION_FORMAT, type TSubmission, ZSubmissionSchema } from './submission-schema';

export const SEAL_JOB = 'seal-submission';
/** Submission bodies carry photos and ink: their own, larger limit than other JSON. */
export const SUBMISSION_LIMIT_BYTES = 20 * 1024 * 1024;

export interface AcceptDeps {
  db: Db;
  blobs: BlobStore;
  clock: () => Date;
  push: PushPublisher;
}

/** A stored raw item of a submission: the bytes live in the blob store, the row keeps digests and types only. */
export interface TRawItem {
  kind: 'submission' | 'id-card' | 'face-photo' | 'fingerprint';
  sha256: string;
  size: number;
  mediaType: string;
}

/** Where and when the server received the submission (network context for the evidence; not part of the body). */
export interface TRequestContext {
  kind: 'request-context';
  address: string;
  receivedAt: string;
}

export function requestContextOf(items: unknown[]): TRequestContext | undefined {
  return (items as { kind?: string }[]).find((i) => i?.kind === 'request-context') as TRequestContext | undefined;
}

/**
 * Accepts one signer's submission exactly once: the same idempotency key with the same bytes answers with the first
 * result; with other bytes → IDEMPOTENCY_MISMATCH. Raw items go to the blob store first (content-addressed, so a
 * retry rewrites nothing), then the submission row, the signer/envelope status and the sealing job are written in
 * one transaction.
 */
export async function acceptSubmission(
  deps: AcceptDeps,
  deviceId: string,
  body: unknown,
  rawBytes: Uint8Array,
  context: { address?: string } = {},
) {
  const parsed = ZSubmissionSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', '提交内容有误 / Invalid submission', {
      fields: fieldIssuesOf(parsed.error.issues),
    });
  }
  const s = parsed.data;
  const digest = createHash('sha256').update(rawBytes).digest('hex');
  const prior = await findByKey(deps.db, s.idempotencyKey);
  if (prior) return replay(prior, digest);
  const now = deps.clock();
  const env = await findOpenDeviceEnvelope(deps.db, deviceId, s.envelopeId, now);
  if (isStaffSignerRole(s.signer.role)) {
    throw new AppError('VALIDATION_FAILED', '床旁只能由患者方签署 / Only the patient side signs at the bedside', {
      fields: [{ path: 'signer.role', message: `${s.signer.role} signs in the console` }],
    });
  }
  return recordSubmission(deps, {
    envelope: env,
    submission: s,
    digest,
    wholeBytes: rawBytes,
    actor: { type: 'device', id: deviceId },
    extraItems: context.address
      ? [{ kind: 'request-context', address: context.address, receivedAt: now.toISOString() }]
      : [],
    now,
  });
}

/** Items kept with a submission row that are not blobs (the network context, the staff session that signed). */
export type TContextItem = TRequestContext | TStaffContext;

/** The console session a staff signature (doctor, witness) was made in: its identity evidence. */
export interface TStaffContext {
  kind: 'staff-context';
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  /** When the server checked the session that carried this signature. */
  verifiedAt: string;
}

export function staffContextOf(items: unknown[]): TStaffContext | undefined {
  return (items as { kind?: string }[]).find((i) => i?.kind === 'staff-context') as TStaffContext | undefined;
}

export interface RecordSubmissionInput {
  envelope: { id: string; status: string; patientId: string };
  submission: TSubmission;
  /** SHA-256 of the bytes the client sent (idempotency: the same key must come with the same bytes). */
  digest: string;
  /** The v1 submission document kept as the signer's raw evidence. */
  wholeBytes: Uint8Array;
  actor: { type: 'device' | 'staff'; id: string };
  extraItems: TContextItem[];
  /** Documents that must each carry a signature (default: every document of the envelope). */
  requiredDocumentIds?: string[];
  now: Date;
}

/**
 * The shared second half of accepting a signature (bedside device or staff console): checks the signer slot and the
 * documents, re-checks the images, stores the raw items and writes submission row, signer status and sealing job in
 * one transaction.
 */
export async function recordSubmission(deps: AcceptDeps, input: RecordSubmissionInput) {
  const { envelope: env, submission: s, digest, now } = input;
  const [signer] = await deps.db
    .select()
    .from(signers)
    .where(and(eq(signers.id, s.signerId), eq(signers.envelopeId, env.id)));
  if (!signer)
    throw new AppError('NOT_FOUND', '签署人不存在 / Signer not found', {
      fields: [{ path: 'signerId', message: 'unknown signer' }],
    });
  if (signer.status === 'signed' || signer.status === 'declined') {
    throw new AppError('CONFLICT', '该签署人已完成 / This signer has already finished');
  }
  if (input.actor.type === 'device' && isStaffSignerRole(signer.role)) {
    throw new AppError('FORBIDDEN', '医师和见证人在工作站签署 / Doctors and witnesses sign in the console', {
      fields: [{ path: 'signerId', message: `the ${signer.role} slot is signed in the console` }],
    });
  }
  const docRows = await deps.db
    .select({ id: documents.id, definition: templates.definition })
    .from(documents)
    .innerJoin(templates, eq(templates.id, documents.templateId))
    .where(eq(documents.envelopeId, env.id));
  const docIds = new Set(docRows.map((d) => d.id));
  const fieldRoles = new Map(
    docRows.map((d) => [
      d.id,
      new Map(
        (d.definition as unknown as TConsentTemplate).signatureFields.map((f) => [signatureFieldName(f), f.role]),
      ),
    ]),
  );
  const seen = new Set<string>();
  const badFields = s.signatures
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => {
      const key = `${x.documentId}/${x.fieldName}`;
      const duplicate = seen.has(key);
      seen.add(key);
      const roles = fieldRoles.get(x.documentId);
      if (!roles) return false; // reported below as a stray document
      const fieldRole = roles.get(x.fieldName);
      if (duplicate || !fieldRole) return true;
      // A signer fills their own role's field; a relative may sign where the patient would when the form has no box
      // of their own — never a staff field.
      if (fieldRole === s.signer.role) return false;
      const ownFields = [...roles.values()].includes(s.signer.role);
      return ownFields || isStaffSignerRole(fieldRole) || isStaffSignerRole(s.signer.role);
    });
  if (badFields.length) {
    throw new AppError('VALIDATION_FAILED', '签名位置不属于该签署人 / Not a signature field of this signer', {
      fields: badFields.map(({ i }) => ({ path: `signatures.${i}.fieldName`, message: 'not a field of this signer' })),
    });
  }
  const strays = s.signatures.map((x, i) => ({ x, i })).filter(({ x }) => !docIds.has(x.documentId));
  if (strays.length) {
    throw new AppError('VALIDATION_FAILED', '文书不属于该签署任务 / Document not in this signing request', {
      fields: strays.map(({ i }) => ({ path: `signatures.${i}.documentId`, message: 'not in envelope' })),
    });
  }
  const required = input.requiredDocumentIds ?? [...docIds];
  const missing = required.filter((id) => !s.signatures.some((x) => x.documentId === id));
  if (missing.length) {
    throw new AppError('VALIDATION_FAILED', '每份文书都须签名 / Every document must be signed', {
      fields: missing.map((id) => ({ path: 'signatures', message: `no signature for document ${id}` })),
    });
  }

  const images = [
    s.identity.idCard && {
      kind: 'id-card' as const,
      b64: s.identity.idCard.imageJpegBase64,
      path: 'identity.idCard.imageJpegBase64',
      type: 'image/jpeg' as const,
    },
    s.identity.facePhoto && {
      kind: 'face-photo' as const,
      b64: s.identity.facePhoto.imageJpegBase64,
      path: 'identity.facePhoto.imageJpegBase64',
      type: 'image/jpeg' as const,
    },
    s.fingerprint && {
      kind: 'fingerprint' as const,
      b64: s.fingerprint.imagePngBase64,
      path: 'fingerprint.imagePngBase64',
      type: 'image/png' as const,
    },
  ].filter((x) => !!x);
  const decoded = images.map((img) => ({
    ...img,
    bytes: checkImage(Buffer.from(img.b64, 'base64'), img.type, img.path),
  }));

  return deps.db
    .transaction(async (tx) => {
      const items: (TRawItem | TContextItem)[] = [...input.extraItems];
      const whole = await storeBlob(tx, deps.blobs, input.wholeBytes, SUBMISSION_FORMAT);
      items.push({ kind: 'submission', sha256: whole.sha256, size: whole.size, mediaType: whole.mediaType });
      for (const img of decoded) {
        const stored = await storeBlob(tx, deps.blobs, img.bytes, img.type);
        items.push({ kind: img.kind, sha256: stored.sha256, size: stored.size, mediaType: img.type });
      }
      const inserted = await tx
        .insert(submissions)
        .values({
          idempotencyKey: s.idempotencyKey,
          envelopeId: env.id,
          signerId: signer.id,
          payloadDigest: digest,
          items,
          status: 'accepted',
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: submissions.idempotencyKey })
        .returning();
      if (!inserted[0]) {
        // A concurrent retry of the same submission won the race.
        const winner = await findByKey(tx, s.idempotencyKey);
        return replay(winner!, digest);
      }
      const row = inserted[0];
      // Conditional on the slot still being open: of two submissions racing for one slot, one wins, the other rolls
      // back with CONFLICT (the row lock makes the loser re-read the slot as signed).
      const claimed = await tx
        .update(signers)
        // Who actually signed is decided at signing time (the patient, or a guardian/agent/relative with the reason;
        // for staff, the signed-in doctor or nurse).
        .set({
          status: 'signed',
          signedAt: now,
          updatedAt: now,
          role: s.signer.role,
          name: s.signer.name,
          relationship: s.signer.relationship ?? null,
        })
        .where(and(eq(signers.id, signer.id), notInArray(signers.status, ['signed', 'declined'])))
        .returning({ id: signers.id });
      if (!claimed.length) throw new AppError('CONFLICT', '该签署人已完成 / This signer has already finished');
      const open = await tx
        .update(envelopes)
        .set({ status: 'signing', updatedAt: now })
        .where(and(eq(envelopes.id, env.id), inArray(envelopes.status, [...OPEN_STATUSES])))
        .returning({ id: envelopes.id });
      if (!open.length) {
        throw new AppError('INVALID_STATE', '签署任务已结束或已过期 / This signing request is closed or expired');
      }
      await enqueue(tx, { kind: SEAL_JOB, payload: { submissionId: row.id }, dedupeKey: `seal:${row.id}` });
      await appendAudit(tx, {
        actorType: input.actor.type,
        actorId: input.actor.id,
        action: 'submission.accepted',
        subjectType: 'submission',
        subjectId: row.id,
        details: {
          envelopeId: env.id,
          signerId: signer.id,
          signerRole: s.signer.role,
          signatures: s.signatures.length,
          items: items.length,
          sensitiveCaptureConsent: s.biometricConsent.accepted,
        },
        at: now,
      });
      return { status: 202 as const, body: { submissionId: row.id, status: 'accepted' as const } };
    })
    .then(async (result) => {
      if (result.status === 202) {
        await deps.push.publish(STAFF_CHANNEL, {
          type: 'envelope.status',
          envelopeId: env.id,
          patientId: env.patientId,
          status: 'signing',
          at: now.toISOString(),
        });
      }
      return result;
    });
}

export async function findByKey(db: Db, key: string) {
  const [row] = await db.select().from(submissions).where(eq(submissions.idempotencyKey, key));
  return row;
}

export function replay(prior: typeof submissions.$inferSelect, digest: string) {
  if (prior.payloadDigest !== digest) {
    throw new AppError(
      'IDEMPOTENCY_MISMATCH',
      '同一提交编号对应了不同内容 / Idempotency key reused with different content',
    );
  }
  return { status: 200 as const, body: { submissionId: prior.id, status: 'accepted' as const } };
}
