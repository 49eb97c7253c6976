import { signatureFieldName, type TConsentTemplate } from '@inkproof/pdf';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/db';
import { beds, documents, patients, signers, templates, wards } from '../../db/schema';
import type { StaffSession } from '../auth/sessions';
import { findOpenEnvelope } from '../device-flow/get-device-envelope';
import { isStaffSignerRole, maySignAs } from './staff-roles';

/** The signature fields of a template that belong to a signer role. */
export function staffFieldsOf(template: TConsentTemplate, role: string) {
  return template.signatureFields
    .filter((f) => f.role === role)
    .map((f) => ({ name: signatureFieldName(f), meaning: f.meaning }));
}

/**
 * What a signed-in doctor or nurse has to sign in one envelope: the patient header, every signer's progress, and for
 * each open staff slot this user may fill, the documents that have a field for that role. Never an ID number.
 */
export async function getStaffSigningTask(
  deps: { db: Db; clock: () => Date },
  session: StaffSession,
  envelopeId: string,
) {
  const env = await findOpenEnvelope(deps.db, envelopeId, deps.clock());
  const [patient] = await deps.db
    .select({ name: patients.name, mrn: patients.mrn, sex: patients.sex, ward: wards.name, bed: beds.label })
    .from(patients)
    .leftJoin(wards, eq(wards.id, patients.wardId))
    .leftJoin(beds, eq(beds.id, patients.bedId))
    .where(eq(patients.id, env.patientId));
  const docs = await deps.db
    .select({ id: documents.id, title: documents.title, definition: templates.definition })
    .from(documents)
    .innerJoin(templates, eq(templates.id, documents.templateId))
    .where(eq(documents.envelopeId, env.id))
    .orderBy(asc(documents.position));
  const people = await deps.db
    .select()
    .from(signers)
    .where(eq(signers.envelopeId, env.id))
    .orderBy(asc(signers.position));
  const slots = people
    .filter((s) => isStaffSignerRole(s.role) && s.status !== 'signed' && s.status !== 'declined')
    .map((s) => ({
      signerId: s.id,
      role: s.role,
      name: s.name,
      maySign: maySignAs(session.roles, s.role),
      documents: docs
        .map((d) => ({
          id: d.id,
          title: d.title,
          fields: staffFieldsOf(d.definition as unknown as TConsentTemplate, s.role),
        }))
        .filter((d) => d.fields.length > 0),
    }));
  return {
    id: env.id,
    status: env.status,
    expiresAt: env.expiresAt,
    patient: patient!,
    signers: people.map((s) => ({ id: s.id, role: s.role, name: s.name, status: s.status })),
    documents: docs.map((d) => ({ id: d.id, title: d.title, pdfUrl: `/api/console/documents/${d.id}` })),
    slots,
    signingAs: { displayName: session.displayName, roles: session.roles },
  };
}

export type TStaffSigningTask = Awaited<ReturnType<typeof getStaffSigningTask>>;
