import {
  fillPlaceholders,
  renderConsentText,
  signatureFieldName,
  type TConsentFormData,
  type TConsentTemplate,
} from '@inkproof/pdf';
import { and, asc, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import type { BlobStore } from '../../blobs';
import type { Db } from '../../db/db';
import { beds, documents, envelopes, patients, signers, templates, wards } from '../../db/schema';
import { AppError } from '../../errors';

/** Envelope states in which signatures are still taken. */
export const OPEN_STATUSES = ['sent', 'opened', 'signing'] as const;

/**
 * Loads an envelope that can still be signed — addressed to `deviceId` when one is given — or throws NOT_FOUND /
 * INVALID_STATE (an envelope of another device is NOT_FOUND, whatever its state).
 */
export async function findOpenEnvelope(db: Db, envelopeId: string, now: Date, deviceId?: string) {
  const [env] = await db
    .select()
    .from(envelopes)
    .where(
      deviceId ? and(eq(envelopes.id, envelopeId), eq(envelopes.deviceId, deviceId)) : eq(envelopes.id, envelopeId),
    );
  if (!env) throw new AppError('NOT_FOUND', '签署任务不存在 / Signing request not found');
  if (!(OPEN_STATUSES as readonly string[]).includes(env.status) || env.expiresAt <= now) {
    throw new AppError('INVALID_STATE', '签署任务已结束或已过期 / This signing request is closed or expired', {
      status: env.status,
    });
  }
  return env;
}

/** Loads an envelope addressed to this device that is still open, or throws NOT_FOUND / INVALID_STATE. */
export const findOpenDeviceEnvelope = (db: Db, deviceId: string, envelopeId: string, now: Date) =>
  findOpenEnvelope(db, envelopeId, now, deviceId);

/**
 * Everything the bedside app needs to run the flow: patient header, signers with the evidence their template
 * requires, and per document the reading text, notices, comprehension question (without its answer) and the
 * signature fields with resolved pages. Never includes the ID number.
 */
export async function getDeviceEnvelope(
  deps: { db: Db; blobs: BlobStore; clock: () => Date; hospitalName: string },
  deviceId: string,
  envelopeId: string,
) {
  const env = await findOpenDeviceEnvelope(deps.db, deviceId, envelopeId, deps.clock());
  const [patient] = await deps.db
    .select({ p: patients, ward: wards.name, bed: beds.label })
    .from(patients)
    .leftJoin(wards, eq(wards.id, patients.wardId))
    .leftJoin(beds, eq(beds.id, patients.bedId))
    .where(eq(patients.id, env.patientId));
  const docs = await deps.db
    .select({ d: documents, definition: templates.definition })
    .from(documents)
    .innerJoin(templates, eq(templates.id, documents.templateId))
    .where(eq(documents.envelopeId, env.id))
    .orderBy(asc(documents.position));
  const people = await deps.db
    .select()
    .from(signers)
    .where(eq(signers.envelopeId, env.id))
    .orderBy(asc(signers.position));
  const definitions = docs.map((r) => r.definition as unknown as TConsentTemplate);

  const documentsOut = [];
  for (const [i, { d }] of docs.entries()) {
    const template = definitions[i]!;
    const data = d.data as TConsentFormData;
    const pageCount = d.originalSha256
      ? (await PDFDocument.load(await deps.blobs.get(d.originalSha256))).getPageCount()
      : 1;
    const last = Math.max(0, pageCount - 1);
    documentsOut.push({
      id: d.id,
      title: d.title,
      templateKey: d.templateKey,
      pdfUrl: `/api/device/documents/${d.id}/pdf`,
      pageCount,
      text: renderConsentText(template, data, { hospitalName: deps.hospitalName }),
      reading: template.reading,
      notices: template.notices.map((n) => ({ id: n.id, text: fillPlaceholders(n.text, data) })),
      ...(template.comprehension
        ? { comprehension: { question: template.comprehension.question, options: template.comprehension.options } }
        : {}),
      signatureFields: template.signatureFields.map((f) => ({
        name: signatureFieldName(f),
        role: f.role,
        meaning: f.meaning,
        page: f.page === 'last' ? last : Math.min(f.page, last),
        rect: f.rect,
      })),
    });
  }
  const evidenceFor = (role: string) => {
    const levels = { idCard: 'none', photo: 'none', fingerprint: 'none' } as Record<
      string,
      'required' | 'optional' | 'none'
    >;
    const rank = { none: 0, optional: 1, required: 2 } as const;
    for (const t of definitions) {
      const s = t.signers.find((x) => x.role === role);
      if (!s) continue;
      for (const k of ['idCard', 'photo', 'fingerprint'] as const) {
        if (rank[s.evidence[k]] > rank[levels[k]!]) levels[k] = s.evidence[k];
      }
    }
    return levels;
  };
  return {
    id: env.id,
    status: env.status,
    expiresAt: env.expiresAt,
    patient: {
      name: patient!.p.name,
      sex: patient!.p.sex,
      birthDate: patient!.p.birthDate,
      mrn: patient!.p.mrn,
      ward: patient!.ward,
      bed: patient!.bed,
    },
    signers: people.map((s) => ({
      id: s.id,
      role: s.role,
      name: s.name,
      relationship: s.relationship,
      status: s.status,
      evidence: evidenceFor(s.role),
    })),
    documents: documentsOut,
  };
}

/** The rendered PDF of one document of an open envelope on this device. */
export async function getDeviceDocumentPdf(
  deps: { db: Db; blobs: BlobStore; clock: () => Date },
  deviceId: string,
  documentId: string,
) {
  const [doc] = await deps.db.select().from(documents).where(eq(documents.id, documentId));
  if (!doc?.originalSha256) throw new AppError('NOT_FOUND', '文书不存在 / Document not found');
  await findOpenDeviceEnvelope(deps.db, deviceId, doc.envelopeId, deps.clock());
  return { bytes: await deps.blobs.get(doc.originalSha256), title: doc.title };
}
