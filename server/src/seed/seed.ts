import { builtinTemplates } from '@inkproof/pdf';
import { and, eq, sql } from 'drizzle-orm';
import type { FieldCipher } from '../crypto';
import { FIELD_CONTEXTS } from '../crypto';
import { appendAudit } from '../db/audit/append-audit';
import type { Db } from '../db/db';
import { apiClients, beds, patients, staffUsers, templates, wards } from '../db/schema';
import { hashApiKey, prefixOfApiKey } from '../services/api-clients/api-keys';
import { hashPassword } from '../services/auth/password';
import { DEMO_API_CLIENT, DEMO_BEDS, DEMO_PATIENTS, DEMO_STAFF, DEMO_WARD } from './demo-data';

/** Inserts every built-in template version that is not there yet (idempotent; runs at every start). */
export async function seedTemplates(db: Db): Promise<number> {
  let added = 0;
  for (const t of builtinTemplates) {
    const [existing] = await db
      .select({ id: templates.id })
      .from(templates)
      .where(and(eq(templates.key, t.key), eq(templates.version, t.version)));
    if (existing) continue;
    await db.insert(templates).values({
      key: t.key,
      version: t.version,
      title: t.title.zh,
      kind: t.kind,
      definition: t as unknown as Record<string, unknown>,
    });
    added++;
  }
  return added;
}

/** Seeds the demo ward, beds, staff, patients and HIS client when the database has no staff user yet. */
export async function seedDemo(db: Db, cipher: FieldCipher): Promise<boolean> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(staffUsers);
  if (count > 0) return false;
  const hashes = await Promise.all(DEMO_STAFF.map((s) => hashPassword(s.password)));
  await db.transaction(async (tx) => {
    const [ward] = await tx.insert(wards).values(DEMO_WARD).returning();
    const bedRows = await tx
      .insert(beds)
      .values(DEMO_BEDS.map((label) => ({ wardId: ward!.id, label })))
      .returning();
    const bedId = (label: string) => bedRows.find((b) => b.label === label)?.id ?? null;
    await tx.insert(staffUsers).values(
      DEMO_STAFF.map((s, i) => ({
        username: s.username,
        displayName: s.displayName,
        passwordHash: hashes[i]!,
        roles: [...s.roles],
        wardId: ward!.id,
      })),
    );
    await tx.insert(patients).values(
      DEMO_PATIENTS.map((p) => ({
        mrn: p.mrn,
        name: p.name,
        sex: p.sex,
        birthDate: p.birthDate,
        wardId: ward!.id,
        bedId: bedId(p.bed),
        idNumberEnc: cipher.encrypt(p.idNumber, FIELD_CONTEXTS.patientIdNumber),
        idNumberHash: cipher.lookupHash(p.idNumber, FIELD_CONTEXTS.patientIdNumber),
      })),
    );
    await tx.insert(apiClients).values({
      name: DEMO_API_CLIENT.name,
      keyPrefix: prefixOfApiKey(DEMO_API_CLIENT.key),
      keyHash: hashApiKey(DEMO_API_CLIENT.key),
      scopes: ['envelopes:write', 'envelopes:read'],
    });
    await appendAudit(tx, { actorType: 'system', action: 'demo.seeded', details: { patients: DEMO_PATIENTS.length } });
  });
  return true;
}
