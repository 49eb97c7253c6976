import { MerkleTree } from '@inkproof/evidence';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/db';
import { tlogHeads, tlogLeaves } from '../../db/schema';
import { createDbTreeStore } from '../../db/tlog/db-tree-store';
import { AppError, fieldIssuesOf } from '../../errors';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The newest signed tree head (JSON as signed, with its RFC 3161 token), or NOT_FOUND on an empty log. */
export async function latestTreeHead(db: Db) {
  const [row] = await db.select().from(tlogHeads).orderBy(desc(tlogHeads.treeSize)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', '透明日志为空 / The log is empty');
  return JSON.parse(Buffer.from(row.signedHead).toString('utf8')) as Record<string, unknown>;
}

async function headAt(db: Db, treeSize: number) {
  const [row] = await db.select().from(tlogHeads).where(eq(tlogHeads.treeSize, treeSize));
  if (!row)
    throw new AppError('NOT_FOUND', `没有大小为 ${treeSize} 的签名树头 / No signed head for tree size ${treeSize}`);
  return JSON.parse(Buffer.from(row.signedHead).toString('utf8')) as Record<string, unknown>;
}

const ZInclusionQuery = z.object({
  leaf: z.string().regex(/^[0-9a-f]{64}$/, 'hex leaf hash (RFC 9162 §2.1.1)'),
  treeSize: z.coerce.number().int().positive().optional(),
});

/** RFC 9162 §2.1.3 inclusion proof of a leaf (by its hash) against a signed head (latest by default). */
export async function inclusionProof(db: Db, query: Record<string, string>) {
  const parsed = ZInclusionQuery.safeParse(query);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', '参数有误 / Invalid query', { fields: fieldIssuesOf(parsed.error.issues) });
  const [leaf] = await db.select().from(tlogLeaves).where(eq(tlogLeaves.leafHash, parsed.data.leaf));
  if (!leaf) throw new AppError('NOT_FOUND', '日志中没有该条目 / Leaf not in the log');
  const head = parsed.data.treeSize ? await headAt(db, parsed.data.treeSize) : await latestTreeHead(db);
  const treeSize = head.treeSize as number;
  if (leaf.index >= treeSize)
    throw new AppError('VALIDATION_FAILED', '该树头不包含此条目 / Leaf is newer than that head');
  const tree = new MerkleTree(createDbTreeStore(db));
  return {
    leafIndex: leaf.index,
    treeSize,
    leafHash: b64(Buffer.from(leaf.leafHash, 'hex')),
    inclusionProof: (await tree.inclusionProof(leaf.index, treeSize)).map(b64),
    treeHead: head,
  };
}

const ZConsistencyQuery = z
  .object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() })
  .refine((q) => q.from <= q.to, { message: 'from must be ≤ to', path: ['from'] });

/** RFC 9162 §2.1.4 consistency proof between two signed heads. */
export async function consistencyProof(db: Db, query: Record<string, string>) {
  const parsed = ZConsistencyQuery.safeParse(query);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', '参数有误 / Invalid query', { fields: fieldIssuesOf(parsed.error.issues) });
  const [from, to] = [await headAt(db, parsed.data.from), await headAt(db, parsed.data.to)];
  const tree = new MerkleTree(createDbTreeStore(db));
  return {
    fromSize: parsed.data.from,
    toSize: parsed.data.to,
    consistencyProof: (await tree.consistencyProof(parsed.data.from, parsed.data.to)).map(b64),
    fromHead: from,
    toHead: to,
  };
}
