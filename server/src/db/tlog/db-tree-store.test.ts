import { hashLeaf, MerkleTree } from '@inkproof/evidence';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDataError } from '../data-error';
import { tlogHeads, tlogLeaves } from '../schema';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing/open-test-database';
import { createDbTreeStore, findLeafIndex, latestTreeHead, saveTreeHead } from './db-tree-store';

// RFC 9162 reference tree (certificate-transparency-go / transparency-dev test data, see STANDARDS.md).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOT_8 = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const leafHash = (data: string) => hashLeaf(new Uint8Array(Buffer.from(data, 'hex')));

describe.each(TEST_DATABASE_KINDS)('transparency log store on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t?.cleanup());
  beforeEach(async () => {
    await t.db.delete(tlogLeaves);
    await t.db.delete(tlogHeads);
  });

  it('reproduces the RFC 9162 reference root through MerkleTree', async () => {
    const store = createDbTreeStore(t.db);
    expect(await store.size()).toBe(0);
    expect(await store.append(LEAVES.slice(0, 3).map(leafHash))).toBe(0);
    expect(await store.append(LEAVES.slice(3).map(leafHash))).toBe(3);
    expect(await store.size()).toBe(8);
    expect(hex(await new MerkleTree(store).root())).toBe(ROOT_8);
    expect((await store.leafHashes(2, 4)).map(hex)).toEqual([hex(leafHash('10')), hex(leafHash('2021'))]);
    expect(await findLeafIndex(t.db, leafHash('3031'))).toBe(4);
  });

  it('keeps indices dense under concurrent appends and refuses a duplicate leaf', async () => {
    const store = createDbTreeStore(t.db);
    const firsts = await Promise.all(LEAVES.map((leaf) => store.append([leafHash(leaf)])));
    expect([...firsts].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const error = await store.append([leafHash('00')]).catch((e: unknown) => e);
    expect(isDataError(error, 'CONFLICT')).toBe(true);
    expect(await store.size()).toBe(8);
  });

  it('reports a gap instead of returning a short range', async () => {
    const store = createDbTreeStore(t.db);
    await store.append(LEAVES.map(leafHash));
    await t.db.execute(sql`delete from tlog_leaves where index = 5`);
    const error = await store.leafHashes(0, 8).catch((e: unknown) => e);
    expect(isDataError(error, 'NOT_FOUND')).toBe(true);
  });

  it('stores heads once per size, fills a late timestamp token, refuses a forked root', async () => {
    const root = new Uint8Array(32).fill(1);
    await saveTreeHead(t.db, { treeSize: 8, rootHash: root, signedHead: new Uint8Array([1, 2]) });
    await saveTreeHead(t.db, {
      treeSize: 8,
      rootHash: root,
      signedHead: new Uint8Array([1, 2]),
      timestampToken: new Uint8Array([9]),
    });
    const head = await latestTreeHead(t.db);
    expect(head).toMatchObject({ treeSize: 8, rootHash: hex(root) });
    expect([...head!.timestampToken!]).toEqual([9]);
    const forked = await saveTreeHead(t.db, {
      treeSize: 8,
      rootHash: new Uint8Array(32),
      signedHead: new Uint8Array([3]),
    }).catch((e: unknown) => e);
    expect(isDataError(forked, 'CONFLICT')).toBe(true);
  });
});
