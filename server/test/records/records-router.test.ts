import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../../src/api/trpc/router';
import { auditLog, staffUsers, type TStaffRole } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** The tRPC role gate and the search audit row, through the real router (PGlite only: no database-specific logic). */
describe('records router', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  }, 60_000);
  afterAll(() => t.cleanup());

  async function callerFor(username: string) {
    const [user] = await t.app.db.select().from(staffUsers).where(eq(staffUsers.username, username));
    const session = {
      sessionId: 's',
      userId: user!.id,
      username,
      displayName: user!.displayName,
      roles: user!.roles as TStaffRole[],
      wardId: null,
      csrf: 'c',
      expiresAt: new Date(Date.now() + 3_600_000),
    };
    return appRouter.createCaller({ app: t.app, session, csrfHeader: 'c', address: '127.0.0.1' });
  }

  it('lets records search and logs filter names only, never the ID number', async () => {
    const records = await callerFor('records');
    const page = await records.records.searchSignings({ idNumber: '110105194912310038', limit: 10 });
    expect(page.rows).toEqual([]);
    const [row] = await t.app.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(row).toMatchObject({ action: 'records.searched', details: { filters: ['idNumber'], rows: 0 } });
    expect(JSON.stringify(row)).not.toContain('110105194912310038');
  });

  it('refuses nurses with FORBIDDEN on every records procedure', async () => {
    const nurse = await callerFor('nurse');
    await expect(nurse.records.searchSignings({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      nurse.records.getSigning({ envelopeId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
