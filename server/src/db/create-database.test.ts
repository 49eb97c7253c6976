import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from './query-rows';
import { beds, envelopes, patients, staffUsers, tlogHeads, wards } from './schema';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from './testing/open-test-database';

describe.each(TEST_DATABASE_KINDS)('schema on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t?.cleanup());

  it('round-trips rows, arrays, jsonb, bytea and timestamps', async () => {
    const [ward] = await t.db.insert(wards).values({ code: 'W1', name: '心内科' }).returning();
    const [bed] = await t.db.insert(beds).values({ wardId: ward!.id, label: '01' }).returning();
    const [user] = await t.db
      .insert(staffUsers)
      .values({ username: 'nurse1', displayName: '护士', passwordHash: 'x', roles: ['nurse', 'doctor'] })
      .returning();
    expect(user!.roles).toEqual(['nurse', 'doctor']);
    const [patient] = await t.db
      .insert(patients)
      .values({ mrn: 'M1', name: '张三', sex: 'male', birthDate: '1950-01-31', wardId: ward!.id, bedId: bed!.id })
      .returning();
    expect(patient!.birthDate).toBe('1950-01-31');
    const expiresAt = new Date('2030-01-02T03:04:05.678Z');
    const [envelope] = await t.db
      .insert(envelopes)
      .values({ patientId: patient!.id, channel: 'device', expiresAt, formData: { a: [1, '二'] } })
      .returning();
    expect(envelope!.status).toBe('draft');
    expect(envelope!.expiresAt.toISOString()).toBe(expiresAt.toISOString());
    expect(envelope!.formData).toEqual({ a: [1, '二'] });
    const head = new Uint8Array([0, 1, 2, 255]);
    await t.db.insert(tlogHeads).values({ treeSize: 1, rootHash: 'ab', signedHead: head });
    const [row] = await t.db.select().from(tlogHeads).where(eq(tlogHeads.treeSize, 1));
    expect(row!.signedHead).toBeInstanceOf(Uint8Array);
    expect([...row!.signedHead]).toEqual([0, 1, 2, 255]);
  });

  it('enforces the CHECK constraints', async () => {
    await expect(
      t.db
        .insert(staffUsers)
        .values({ username: 'x', displayName: 'x', passwordHash: 'x', roles: ['root' as 'admin'] }),
    ).rejects.toThrow();
    const rows = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from staff_users`);
    expect(rows[0]!.n).toBe(1);
  });

  it('is idempotent when migrated twice', async () => {
    const { migrate } = await import('./migrate');
    await migrate(t.database);
    const rows = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from wards`);
    expect(rows[0]!.n).toBe(1);
  });
});
