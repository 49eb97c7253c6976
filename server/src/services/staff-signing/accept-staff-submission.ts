import { createHash } from 'node:crypto';
import type { TConsentTemplate } from '@inkproof/pdf';
import { and, eq } from 'drizzle-orm';
import { documents, signers, submissions, templates } from '../../db/schema';
import { AppError, fieldIssuesOf } from '../../errors';
import type { StaffSession } from '../auth/sessions';
import { type AcceptDeps, findByKey, recordSubmission, replay, staffContextOf } from '../device-flow/accept-submission';
import { findOpenEnvelope } from '../device-flow/get-device-envelope';
import { SUBMISSION_FORMAT, type TSubmission, ZSubmissionSchema } from '../device-flow/submission-schema';
import { isStaffSignerRole, maySignAs } from './staff-roles';
import { staffFieldsOf } from './staff-signing-task';
import { ZStaffSubmissionSchema } from './staff-submission-schema';

/** Why the bedside identity steps do not apply: the console login is this signer's identity check. */
export const STAFF_IDENTITY_REASON = 'staff-authenticated-by-console-login';

/**
 * Accepts a doctor's or witness's signature made in the console, exactly once (same idempotency rules as the
 * bedside). The slot must be a staff slot the signed-in user may fill; every document with a field for that role
 * must be signed, in that role's field. The stored submission is a regular v1 submission (signer = the session's
 * user), so sealing treats it like any other; the session itself is kept with it as identity evidence.
 */
export async function acceptStaffSubmission(
  deps: AcceptDeps,
  session: StaffSession,
  body: unknown,
  rawBytes: Uint8Array,
  context: { address?: string } = {},
) {
  const parsed = ZStaffSubmissionSchema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', '提交内容有误 / Invalid submission', {
      fields: fieldIssuesOf(parsed.error.issues),
    });
  }
  const input = parsed.data;
  const digest = createHash('sha256').update(rawBytes).digest('hex');
  const prior = await findByKey(deps.db, input.idempotencyKey);
  if (prior) return replay(prior, digest);

  const now = deps.clock();
  const env = await findOpenEnvelope(deps.db, input.envelopeId, now);
  const [slot] = await deps.db
    .select()
    .from(signers)
    .where(and(eq(signers.id, input.signerId), eq(signers.envelopeId, env.id)));
  if (!slot)
    throw new AppError('NOT_FOUND', '签署人不存在 / Signer not found', {
      fields: [{ path: 'signerId', message: 'unknown signer' }],
    });
  if (!isStaffSignerRole(slot.role)) {
    throw new AppError('FORBIDDEN', '该签署位须由患者方在床旁签署 / This signature is made at the bedside', {
      fields: [{ path: 'signerId', message: `role ${slot.role} signs at the bedside` }],
    });
  }
  if (!maySignAs(session.roles, slot.role)) {
    throw new AppError('FORBIDDEN', '您的角色不能签署此签署位 / Your role may not sign here', {
      fields: [
        {
          path: 'signerId',
          message: `role ${slot.role} needs ${slot.role === 'doctor' ? 'doctor' : 'doctor or nurse'}`,
        },
      ],
    });
  }

  // One person, one role per request: the informing doctor is not also the witness.
  const earlier = await deps.db
    .select({ items: submissions.items })
    .from(submissions)
    .where(eq(submissions.envelopeId, env.id));
  if (earlier.some((e) => staffContextOf(e.items as unknown[])?.userId === session.userId)) {
    throw new AppError('CONFLICT', '您已在此签署任务中签过名 / You have already signed in this request', {
      fields: [{ path: 'signerId', message: 'one signature slot per person' }],
    });
  }

  const docs = await deps.db
    .select({ id: documents.id, definition: templates.definition })
    .from(documents)
    .innerJoin(templates, eq(templates.id, documents.templateId))
    .where(eq(documents.envelopeId, env.id));
  const fieldsByDoc = new Map(
    docs.map((d) => [d.id, staffFieldsOf(d.definition as unknown as TConsentTemplate, slot.role).map((f) => f.name)]),
  );
  const wrongField = input.signatures
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => fieldsByDoc.has(x.documentId) && !fieldsByDoc.get(x.documentId)!.includes(x.fieldName));
  if (wrongField.length) {
    throw new AppError('VALIDATION_FAILED', '签名位置不属于该角色 / Not a signature field of this role', {
      fields: wrongField.map(({ i }) => ({ path: `signatures.${i}.fieldName`, message: 'not a field of this role' })),
    });
  }
  const required = [...fieldsByDoc].filter(([, names]) => names.length > 0).map(([id]) => id);
  const notForRole = input.signatures
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => fieldsByDoc.has(x.documentId) && !required.includes(x.documentId));
  if (notForRole.length) {
    throw new AppError('VALIDATION_FAILED', '该文书没有此角色的签名位置 / This document has no field for this role', {
      fields: notForRole.map(({ i }) => ({ path: `signatures.${i}.documentId`, message: 'no field for this role' })),
    });
  }

  const submission: TSubmission = ZSubmissionSchema.parse({
    format: SUBMISSION_FORMAT,
    idempotencyKey: input.idempotencyKey,
    envelopeId: env.id,
    signerId: slot.id,
    signer: { role: slot.role, name: session.displayName },
    biometricConsent: input.biometricConsent,
    identity: {
      skipped: (['idCard', 'facePhoto', 'fingerprint'] as const).map((step) => ({
        step,
        reason: STAFF_IDENTITY_REASON,
      })),
    },
    reading: [],
    signatures: input.signatures,
    // Who the slot was assigned to at launch and who signed it: kept in the evidence when they differ.
    timeline: [
      ...input.timeline,
      {
        at: now.toISOString(),
        type: 'staff-signing.accepted',
        detail: { assignedName: slot.name, signedBy: session.displayName, username: session.username },
      },
    ],
    device: input.device,
  } satisfies TSubmission);
  return recordSubmission(deps, {
    envelope: env,
    submission,
    digest,
    wholeBytes: new TextEncoder().encode(JSON.stringify(submission)),
    actor: { type: 'staff', id: session.userId },
    extraItems: [
      {
        kind: 'staff-context',
        userId: session.userId,
        username: session.username,
        displayName: session.displayName,
        roles: [...session.roles],
        verifiedAt: now.toISOString(),
      },
      ...(context.address
        ? [{ kind: 'request-context' as const, address: context.address, receivedAt: now.toISOString() }]
        : []),
    ],
    requiredDocumentIds: required,
    now,
  });
}
