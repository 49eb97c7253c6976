import type { TreeStore } from '@inkproof/evidence';
import { and, asc, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { DataError } from '../data-error';
import type { Db } from '../db';
import { queryRows } from '../query-rows';
import { tlogHeads, tlogLeaves } from '../schema';

/** Transaction-scoped advisory lock key serialising appends to the log across connections and instances. */
const TLOG_LOCK_KEY = 7_215_003;

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromHex = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));

/**
 * `TreeStore` of `@inkproof/evidence` over `tlog_leaves` (RFC 9162 leaf hashes, hex, dense 0-based indices).
 * Appends take an advisory lock, so concurrent sealers on several instances still produce one linear log.
 * A leaf hash appears at most once (unique index): appending it again is CONFLICT — look it up with `findLeafIndex`.
 */
export function createDbTreeStore(db: Db): TreeStore {
  return {
    async size() {
      const [row] = await queryRows<{ size: string }>(
        db,
        sql`select coalesce(max(${tlogLeaves.index}) + 1, 0)::text as size from ${tlogLeaves}`,
      );
      return Number(row?.size ?? 0);
    },
    async leafHashes(start, end) {
      if (end <= start) return [];
      const rows = await db
        .select({ index: tlogLeaves.index, leafHash: tlogLeaves.leafHash })
        .from(tlogLeaves)
        .where(and(gte(tlogLeaves.index, start), lt(tlogLeaves.index, end)))
        .orderBy(asc(tlogLeaves.index));
      rows.forEach((row, i) => {
        if (row.index !== start + i) throw new DataError('NOT_FOUND', `Transparency log leaf ${start + i} missing`);
      });
      if (rows.length !== end - start)
        throw new DataError('NOT_FOUND', `Transparency log leaves ${start}..${end} missing`);
      return rows.map((row) => fromHex(row.leafHash));
    },
    async append(leafHashes) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${TLOG_LOCK_KEY})`);
        const [last] = await tx
          .select({ index: tlogLeaves.index })
          .from(tlogLeaves)
          .orderBy(desc(tlogLeaves.index))
          .limit(1);
        const first = last ? last.index + 1 : 0;
        if (leafHashes.length === 0) return first;
        const inserted = await tx
          .insert(tlogLeaves)
          .values(leafHashes.map((hash, i) => ({ index: first + i, leafHash: toHex(hash) })))
          .onConflictDoNothing()
          .returning({ index: tlogLeaves.index });
        if (inserted.length !== leafHashes.length) {
          throw new DataError('CONFLICT', 'Leaf hash already in the transparency log');
        }
        return first;
      });
    },
  };
}

/** Index of a leaf hash in the log, or undefined. */
export async function findLeafIndex(db: Db, leafHash: Uint8Array): Promise<number | undefined> {
  const [row] = await db
    .select({ index: tlogLeaves.index })
    .from(tlogLeaves)
    .where(eq(tlogLeaves.leafHash, toHex(leafHash)))
    .limit(1);
  return row?.index;
}

export type StoredTreeHead = typeof tlogHeads.$inferSelect;

/**
 * Stores a signed tree head, one per tree size. Saving a size again is a no-op except that a missing timestamp
 * token is filled in; a different root hash for a stored size means a forked log and is refused (CONFLICT).
 */
export async function saveTreeHead(
  db: Db,
  head: { treeSize: number; rootHash: Uint8Array; signedHead: Uint8Array; timestampToken?: Uint8Array | null },
): Promise<void> {
  const rootHash = toHex(head.rootHash);
  await db
    .insert(tlogHeads)
    .values({
      treeSize: head.treeSize,
      rootHash,
      signedHead: head.signedHead,
      timestampToken: head.timestampToken ?? null,
    })
    .onConflictDoNothing({ target: tlogHeads.treeSize });
  const [stored] = await db.select().from(tlogHeads).where(eq(tlogHeads.treeSize, head.treeSize));
  if (stored?.rootHash !== rootHash)
    throw new DataError('CONFLICT', `Different root hash for tree size ${head.treeSize}`);
  if (!stored.timestampToken && head.timestampToken) {
    await db
      .update(tlogHeads)
      .set({ timestampToken: head.timestampToken })
      .where(and(eq(tlogHeads.treeSize, head.treeSize), isNull(tlogHeads.timestampToken)));
  }
}

/** The head with the largest tree size. */
export async function latestTreeHead(db: Db): Promise<StoredTreeHead | undefined> {
  const [row] = await db.select().from(tlogHeads).orderBy(desc(tlogHeads.treeSize)).limit(1);
  return row;
}
