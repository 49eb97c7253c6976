import { and, asc, desc, eq, exists, gte, ilike, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { FieldCipher } from '../../crypto/field-cipher';
import { FIELD_CONTEXTS } from '../../crypto/field-cipher';
import type { Db } from '../../db/db';
import { documents, envelopes, patients, signers, wards } from '../../db/schema';
import { type TSearchCursor, type TSearchSigningsInput, ZSearchSigningsInputSchema } from './search-signings.schema';

export interface SigningSearchRow {
  envelopeId: string;
  status: string;
  createdAt: string;
  completedAt: string | null;
  patient: { id: string; name: string; mrn: string };
  wardName: string | null;
  documents: { id: string; title: string; templateKey: string; status: string }[];
  signers: { role: string; status: string; signedAt: string | null }[];
}

export interface SigningSearchPage {
  rows: SigningSearchRow[];
  nextCursor: TSearchCursor | null;
}

/** Escapes LIKE metacharacters so a name containing % or _ matches literally. */
function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtersOf(
  input: ReturnType<typeof ZSearchSigningsInputSchema.parse>,
  cipher: Pick<FieldCipher, 'lookupHash'>,
) {
  const where: (SQL | undefined)[] = [];
  if (input.query) {
    const q = likeLiteral(input.query);
    where.push(or(ilike(patients.name, `%${q}%`), ilike(patients.mrn, `${q}%`)));
  }
  if (input.idNumber) {
    where.push(
      eq(patients.idNumberHash, cipher.lookupHash(input.idNumber.toUpperCase(), FIELD_CONTEXTS.patientIdNumber)),
    );
  }
  if (input.wardId) where.push(eq(envelopes.wardId, input.wardId));
  if (input.statuses?.length) where.push(inArray(envelopes.status, input.statuses));
  if (input.from) where.push(gte(envelopes.createdAt, new Date(input.from)));
  if (input.to) where.push(lte(envelopes.createdAt, new Date(input.to)));
  return where;
}

/**
 * Records search over signings (envelopes with their patient, documents and signers), newest first, keyset-paged on
 * (created_at, id) so deep pages cost the same as the first (index envelopes_created_id_idx, migration 0002).
 */
export async function searchSignings(
  deps: { db: Db; cipher: Pick<FieldCipher, 'lookupHash'> },
  rawInput: TSearchSigningsInput,
): Promise<SigningSearchPage> {
  const input = ZSearchSigningsInputSchema.parse(rawInput);
  const { db } = deps;
  const where = filtersOf(input, deps.cipher);
  if (input.templateKey) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(documents)
          .where(and(eq(documents.envelopeId, envelopes.id), eq(documents.templateKey, input.templateKey))),
      ),
    );
  }
  if (input.signerRole) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(signers)
          .where(and(eq(signers.envelopeId, envelopes.id), eq(signers.role, input.signerRole))),
      ),
    );
  }
  if (input.cursor) {
    const at = new Date(input.cursor.createdAt);
    where.push(or(lt(envelopes.createdAt, at), and(eq(envelopes.createdAt, at), lt(envelopes.id, input.cursor.id))));
  }
  const found = await db
    .select({
      envelopeId: envelopes.id,
      status: envelopes.status,
      createdAt: envelopes.createdAt,
      completedAt: envelopes.completedAt,
      patientId: patients.id,
      patientName: patients.name,
      mrn: patients.mrn,
      wardName: wards.name,
    })
    .from(envelopes)
    .innerJoin(patients, eq(patients.id, envelopes.patientId))
    .leftJoin(wards, eq(wards.id, envelopes.wardId))
    .where(and(...where))
    .orderBy(desc(envelopes.createdAt), desc(envelopes.id))
    .limit(input.limit + 1);
  const page = found.slice(0, input.limit);
  const ids = page.map((r) => r.envelopeId);
  const [docs, people] = ids.length
    ? await Promise.all([
        db
          .select({
            envelopeId: documents.envelopeId,
            id: documents.id,
            title: documents.title,
            templateKey: documents.templateKey,
            status: documents.status,
          })
          .from(documents)
          .where(inArray(documents.envelopeId, ids))
          .orderBy(asc(documents.position)),
        db
          .select({
            envelopeId: signers.envelopeId,
            role: signers.role,
            status: signers.status,
            signedAt: signers.signedAt,
          })
          .from(signers)
          .where(inArray(signers.envelopeId, ids))
          .orderBy(asc(signers.position)),
      ])
    : [[], []];
  const rows = page.map((r) => ({
    envelopeId: r.envelopeId,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    patient: { id: r.patientId, name: r.patientName, mrn: r.mrn },
    wardName: r.wardName,
    documents: docs.filter((d) => d.envelopeId === r.envelopeId).map(({ envelopeId: _e, ...d }) => d),
    signers: people
      .filter((s) => s.envelopeId === r.envelopeId)
      .map((s) => ({ role: s.role, status: s.status, signedAt: s.signedAt?.toISOString() ?? null })),
  }));
  const last = page.at(-1);
  const nextCursor =
    found.length > input.limit && last ? { createdAt: last.createdAt.toISOString(), id: last.envelopeId } : null;
  return { rows, nextCursor };
}
