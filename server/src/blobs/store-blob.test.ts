import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobs } from '../db/schema';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../db/testing/open-test-database';
import { createFsBlobStore } from './fs-blob-store';
import { storeBlob } from './store-blob';
import { sweepBlobTemp } from './sweep-blob-temp';

describe.each(TEST_DATABASE_KINDS)('storeBlob on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t?.cleanup());

  it('writes the file and registers one row, idempotently', async () => {
    const store = createFsBlobStore(join(t.dataDir, 'blobs'));
    const bytes = new TextEncoder().encode('%PDF-1.7');
    const first = await t.db.transaction((tx) => storeBlob(tx, store, bytes, 'application/pdf'));
    const second = await storeBlob(t.db, store, bytes, 'application/pdf');
    expect(second).toEqual(first);
    expect(await t.db.select().from(blobs)).toMatchObject([
      { sha256: first.sha256, size: 8, mediaType: 'application/pdf' },
    ]);
    expect(await store.has(first.sha256)).toBe(true);
  });
});

describe('sweepBlobTemp', () => {
  it('removes only stale partial files', async () => {
    const t = await mkdtemp(join(tmpdir(), 'inkproof-sweep-'));
    await mkdir(join(t, 'tmp'), { recursive: true });
    await writeFile(join(t, 'tmp', 'old.part'), 'x');
    await writeFile(join(t, 'tmp', 'new.part'), 'y');
    const old = new Date(Date.now() - 2 * 3_600_000);
    await utimes(join(t, 'tmp', 'old.part'), old, old);
    expect(await sweepBlobTemp(t)).toBe(1);
    expect(await readdir(join(t, 'tmp'))).toEqual(['new.part']);
    expect(await sweepBlobTemp(join(t, 'missing'))).toBe(0);
    await rm(t, { recursive: true, force: true });
  });
});
