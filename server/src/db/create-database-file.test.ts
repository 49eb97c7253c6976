import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from './create-database';
import { migrate } from './migrate';
import { queryRows } from './query-rows';
import { wards } from './schema';
import { openTestDatabase, TEST_DATABASE_KINDS, TEST_POSTGRES_ADMIN_URL } from './testing/open-test-database';

describe('createDatabase', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'inkproof-pglite-file-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps PGlite data under <dataDir>/pglite across reopen', async () => {
    const first = createDatabase({ dataDir });
    expect(first.kind).toBe('pglite');
    await migrate(first);
    await first.db.insert(wards).values({ code: 'ICU', name: '重症监护室' });
    await first.close();
    await first.close();
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);

    const second = createDatabase({ dataDir });
    // A second opener of the same directory (another process, or this one) is refused while it is open.
    expect(() => createDatabase({ dataDir })).toThrow(expect.objectContaining({ code: 'DB_UNAVAILABLE' }));
    await migrate(second);
    expect((await second.db.select().from(wards)).map((w) => w.code)).toEqual(['ICU']);
    await second.close();
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  });

  it.runIf(TEST_DATABASE_KINDS.includes('postgres'))(
    'opens no PostgreSQL connection before the first query',
    async () => {
      const database = createDatabase({ url: TEST_POSTGRES_ADMIN_URL, dataDir: join(dataDir, 'unused') });
      expect(database.kind).toBe('postgres');
      if (database.kind !== 'postgres') return;
      expect(database.raw.totalCount).toBe(0);
      expect(existsSync(join(dataDir, 'unused'))).toBe(false);
      await database.raw.query('select 1');
      expect(database.raw.totalCount).toBe(1);
      await database.close();
    },
  );
});

describe.runIf(TEST_DATABASE_KINDS.includes('postgres'))('migrate on PostgreSQL', () => {
  it('lets several instances migrate one fresh database at the same time', async () => {
    const t = await openTestDatabase('postgres', { migrate: false });
    try {
      const others = [1, 2].map(() => createDatabase({ url: t.url, dataDir: t.dataDir }));
      await Promise.all([migrate(t.database), ...others.map((d) => migrate(d))]);
      await Promise.all(others.map((d) => d.close()));
      const rows = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(rows[0]!.n).toBeGreaterThanOrEqual(1);
      await t.db.insert(wards).values({ code: 'W', name: '病区' });
    } finally {
      await t.cleanup();
    }
  });
});
