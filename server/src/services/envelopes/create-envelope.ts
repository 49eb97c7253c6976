import { randomUUID } from 'node:crypto';
import { collectConsentDataIssues, renderConsentPdf, type TConsentTemplate } from '@inkproof/pdf';
import { and, desc, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { appendAudit } from '../../db/audit/append-audit';
import type { Db } from '../../db/db';
import { beds, blobs, devices, documents, envelopes, patients, signers, templates, wards } from '../../db/schema';
import { AppError, fieldIssuesOf } from '../../errors';
import type { Actor } from '../deps';
import { deviceChannel, type PushPublisher, STAFF_CHANNEL } from '../push-events/push-events';
import { formatVerificationCode, generateVerificationCode, verificationUrl } from '../records/verification-code';
import { verificationCodes } from '../records/verification-codes-table';
import { type TCreateEnvelopeInput, ZCreateEnvelopeInputSchema } from './envelope-input';
import { patientFormData } from './patient-form-data';

export interface BlobWriter {
  put(bytes: Uint8Array, mediaType?: string): Promise<{ sha256: string; size: number }>;
}

export interface CreateEnvelopeDeps {
  db: Db;
  clock: () => Date;
  push: PushPublisher;
  blobs: BlobWriter;
  log: Logger;
  hospitalName: string;
  fontPath?: string | undefined;
  /** Base of the `/verify/<code>` URL printed as a QR code on every page. */
  publicUrl: string;
}

/**
 * Launches forms: validates the request, renders each document to PDF (stored as a blob), and writes envelope,
 * documents, signers and audit rows in one transaction, then pushes it to the chosen device. Nothing is written
 * when any check fails.
 */
export async function createEnvelope(
  deps: CreateEnvelopeDeps,
  actor: Actor,
  rawInput: TCreateEnvelopeInput,
  options: { idempotencyKey?: string; apiClientId?: string; requestDigest?: string } = {},
) {
  const parsed = ZCreateEnvelopeInputSchema.safeParse(rawInput);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', '输入有误 / Invalid input', { fields: fieldIssuesOf(parsed.error.issues) });
  }
  const input = parsed.data;
  const now = deps.clock();
  const { db } = deps;

  const [patient] = await db
    .select({ p: patients, wardName: wards.name, bedLabel: beds.label })
    .from(patients)
    .leftJoin(wards, eq(wards.id, patients.wardId))
    .leftJoin(beds, eq(beds.id, patients.bedId))
    .where(eq(patients.id, input.patientId));
  if (!patient) throw new AppError('NOT_FOUND', '患者不存在 / Patient not found', { entity: 'patient' });

  if (input.channel === 'device') {
    const [device] = await db.select().from(devices).where(eq(devices.id, input.deviceId!));
    if (!device) throw new AppError('NOT_FOUND', '设备不存在 / Device not found', { entity: 'device' });
    if (device.status !== 'active') {
      throw new AppError('INVALID_STATE', '设备未注册或已吊销 / The device is not enrolled or was revoked', {
        fields: [{ path: 'deviceId', message: `device is ${device.status}` }],
      });
    }
  }

  const prefill = patientFormData(patient.p, patient.wardName, patient.bedLabel, now);
  const rendered: {
    id: string;
    code: string;
    template: typeof templates.$inferSelect;
    data: Record<string, string>;
    sha256: string;
    size: number;
  }[] = [];
  const fieldErrors: { path: string; message: string }[] = [];
  for (const [index, doc] of input.documents.entries()) {
    const template = await findTemplate(db, doc.templateKey, doc.templateVersion);
    if (!template) {
      throw new AppError('NOT_FOUND', `文书模板不存在：${doc.templateKey} / Template not found`, {
        entity: 'template',
        fields: [{ path: `documents.${index}.templateKey`, message: 'unknown template' }],
      });
    }
    const data = { ...doc.data, ...prefill };
    const definition = template.definition as unknown as TConsentTemplate;
    const issues = collectConsentDataIssues(definition, data);
    for (const i of issues)
      fieldErrors.push({ path: `documents.${index}.data.${i.path.join('.')}`, message: i.message });
    if (issues.length || fieldErrors.length) continue;
    // The document id and its public verification code exist before rendering: the QR code on every page (and so
    // every later signature) covers them.
    const id = randomUUID();
    const code = generateVerificationCode();
    const out = await renderConsentPdf(definition, data, {
      hospitalName: deps.hospitalName,
      documentId: id,
      createdAt: now,
      verification: { code: formatVerificationCode(code), url: verificationUrl(deps.publicUrl, code) },
      ...(deps.fontPath ? { fontPath: deps.fontPath } : {}),
    });
    const stored = await deps.blobs.put(out.pdf, 'application/pdf');
    rendered.push({ id, code, template, data, ...stored });
  }
  if (fieldErrors.length)
    throw new AppError('VALIDATION_FAILED', '表单内容不完整 / Form data incomplete', { fields: fieldErrors });

  const expiresAt = new Date(now.getTime() + input.expiresInHours * 3_600_000);
  const envelope = await db.transaction(async (tx) => {
    const [env] = await tx
      .insert(envelopes)
      .values({
        patientId: input.patientId,
        wardId: patient.p.wardId,
        createdBy: actor.type === 'staff' ? actor.id : null,
        apiClientId: options.apiClientId ?? null,
        idempotencyKey: options.idempotencyKey ?? null,
        channel: input.channel,
        deviceId: input.channel === 'device' ? input.deviceId! : null,
        status: 'sent',
        formData: options.requestDigest ? { requestDigest: options.requestDigest } : {},
        expiresAt,
        sentAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const envelopeId = env!.id;
    for (const [position, r] of rendered.entries()) {
      await tx
        .insert(blobs)
        .values({ sha256: r.sha256, size: r.size, mediaType: 'application/pdf' })
        .onConflictDoNothing();
      await tx.insert(documents).values({
        id: r.id,
        envelopeId,
        templateId: r.template.id,
        templateKey: r.template.key,
        templateVersion: r.template.version,
        title: r.template.title,
        data: r.data,
        originalSha256: r.sha256,
        status: 'rendered',
        position,
      });
      await tx.insert(verificationCodes).values({ code: r.code, documentId: r.id });
    }
    for (const [position, s] of input.signers.entries()) {
      await tx.insert(signers).values({
        envelopeId,
        role: s.role,
        name: s.name,
        relationship: s.relationship ?? null,
        position,
      });
    }
    await appendAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      action: 'envelope.created',
      subjectType: 'envelope',
      subjectId: envelopeId,
      details: { documents: rendered.length, signers: input.signers.length, channel: input.channel },
      at: now,
    });
    await appendAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      action: 'envelope.sent',
      subjectType: 'envelope',
      subjectId: envelopeId,
      details: input.channel === 'device' ? { deviceId: input.deviceId } : {},
      at: now,
    });
    return env!;
  });

  const at = now.toISOString();
  await deps.push.publish(STAFF_CHANNEL, {
    type: 'envelope.status',
    envelopeId: envelope.id,
    patientId: envelope.patientId,
    status: 'sent',
    at,
  });
  if (envelope.deviceId)
    await deps.push.publish(deviceChannel(envelope.deviceId), { type: 'envelope.pushed', envelopeId: envelope.id, at });
  deps.log.info({ envelopeId: envelope.id, documents: rendered.length }, 'envelope created');
  return envelope;
}

async function findTemplate(db: Db, key: string, version?: number) {
  const where = version
    ? and(eq(templates.key, key), eq(templates.version, version))
    : and(eq(templates.key, key), eq(templates.active, true));
  const [row] = await db.select().from(templates).where(where).orderBy(desc(templates.version)).limit(1);
  return row;
}
