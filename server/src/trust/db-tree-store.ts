import type { TreeStore } from '@inkproof/evidence';
import { and, asc, count, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/db';
import { tlogLeaves } from '../db/schema';

/** Transaction-scoped advisory lock serialising log appends across connections and instances. */
const TLOG_LOCK_KEY = 7_215_003;

const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/**
 * The transparency log's leaves in PostgreSQL/PGlite (`tlog_leaves`). Used inside the sealing transaction: the first
 * read takes the log lock, so size → append → head is atomic and the entry commits or rolls back with the seal.
 */
export class DbTreeStore implements TreeStore {
  #locked = false;
  constructor(
    private readonly db: Db,
    private readonly options: { lock: boolean } = { lock: true },
  ) {}

  async #lock() {
    if (this.options.lock && !this.#locked) {
      await this.db.execute(sql`select pg_advisory_xact_lock(${TLOG_LOCK_KEY})`);
      this.#locked = true;
    }
  }

  async size(): Promise<number> {
    await this.#lock();
    const [row] = await this.db.select({ n: count() }).from(tlogLeaves);
    return Number(row?.n ?? 0);
  }

  async leafHashes(start: number, end: number): Promise<Uint8Array[]> {
    if (end <= start) return [];
    const rows = await this.db
      .select({ leafHash: tlogLeaves.leafHash })
      .from(tlogLeaves)
      .where(and(gte(tlogLeaves.index, start), lt(tlogLeaves.index, end)))
      .orderBy(asc(tlogLeaves.index));
    return rows.map((r) => new Uint8Array(Buffer.from(r.leafHash, 'hex')));
  }

  async append(leafHashes: readonly Uint8Array[]): Promise<number> {
    const first = await this.size();
    if (leafHashes.length) {
      await this.db.insert(tlogLeaves).values(leafHashes.map((h, i) => ({ index: first + i, leafHash: toHex(h) })));
    }
    return first;
  }
}
