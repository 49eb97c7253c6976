import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDataError } from '../data-error';
import { auditLog } from '../schema';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing/open-test-database';
import { appendAudit } from './append-audit';
import { AUDIT_GENESIS_HASH } from './audit-hash';
import { verifyAuditChain } from './verify-audit-chain';

describe.each(TEST_DATABASE_KINDS)('audit chain on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t?.cleanup());
  // Tampering (and resetting between tests) needs the append-only trigger out of the way, as an attacker with
  // table ownership would do.
  async function asOwner(statement: ReturnType<typeof sql>) {
    await t.db.execute(sql`alter table audit_log disable trigger user`);
    try {
      await t.db.execute(statement);
    } finally {
      await t.db.execute(sql`alter table audit_log enable trigger user`);
    }
  }
  beforeEach(() => asOwner(sql`delete from audit_log`));

  async function appendFive() {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const row = await appendAudit(t.db, {
        actorType: 'staff',
        actorId: 'u1',
        action: 'envelope.sent',
        subjectType: 'envelope',
        subjectId: `e${i}`,
        details: { n: i, nested: { z: 1, a: [true, null, '中文'] } },
      });
      ids.push(row.id);
    }
    return ids;
  }

  it('links each row to the previous one and verifies intact', async () => {
    const first = await appendAudit(t.db, { actorType: 'system', action: 'server.started' });
    expect(first.prevHash).toBe(AUDIT_GENESIS_HASH);
    const second = await appendAudit(t.db, { actorType: 'system', action: 'server.started' });
    expect(second.prevHash).toBe(first.hash);
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ intact: true, checked: 2, headHash: second.hash });
  });

  it('detects a row edited with raw SQL', async () => {
    const ids = await appendFive();
    await asOwner(sql`update audit_log set details = '{"n": 99}'::jsonb where id = ${ids[2]}`);
    const report = await verifyAuditChain(t.db, { batchSize: 2 });
    expect(report).toMatchObject({ intact: false, brokenAt: ids[2], reason: 'HASH_MISMATCH', checked: 3 });
  });

  it('detects a deleted row', async () => {
    const ids = await appendFive();
    await asOwner(sql`delete from audit_log where id = ${ids[1]}`);
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ intact: false, brokenAt: ids[2], reason: 'PREV_HASH_MISMATCH' });
  });

  it('detects an edited timestamp even with a recomputed-looking prev hash', async () => {
    const ids = await appendFive();
    await asOwner(sql`update audit_log set at = at + interval '1 second' where id = ${ids[4]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: false, brokenAt: ids[4], reason: 'HASH_MISMATCH' });
  });

  it('keeps the chain linear under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => appendAudit(t.db, { actorType: 'device', actorId: `d${i}`, action: 'x' })),
    );
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true, checked: 25 });
  });

  it('rolls back with the caller transaction', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await appendAudit(tx, { actorType: 'system', action: 'will.rollback' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await appendAudit(t.db, { actorType: 'system', action: 'after' });
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true, checked: 1 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the append-only trigger', async () => {
    const [id] = await appendFive();
    // drizzle wraps driver errors; the PostgreSQL error (SQLSTATE 42501 from the trigger) is the cause.
    const sqlstate = (p: Promise<unknown>) =>
      p.then(
        () => 'no error',
        (e: { cause?: { code?: string } }) => e.cause?.code,
      );
    expect(await sqlstate(t.db.execute(sql`update audit_log set action = 'x' where id = ${id}`))).toBe('42501');
    expect(await sqlstate(t.db.delete(auditLog))).toBe('42501');
    expect(await sqlstate(t.db.execute(sql`truncate audit_log`))).toBe('42501');
    expect(await verifyAuditChain(t.db)).toMatchObject({ intact: true, checked: 5 });
  });

  it('rejects personal data keys in details', async () => {
    const error = await appendAudit(t.db, {
      actorType: 'staff',
      action: 'patient.created',
      details: { patient: { idNumber: '11010519491231002X' } },
    }).catch((e: unknown) => e);
    expect(isDataError(error, 'AUDIT_DETAILS_FORBIDDEN')).toBe(true);
  });
});
