import type { KeyObject } from 'node:crypto';
import { type TLogEntry, TransparencyLog, type TreeAppender } from '@inkproof/evidence';
import type { TimestampClient } from '@inkproof/pki';
import type { Db } from '../db/db';
import { createDbTreeStore, saveTreeHead } from '../db/tlog/db-tree-store';

/**
 * A TreeAppender bound to the caller's transaction: appends the leaf, signs and timestamps the new head (one head per
 * entry) and stores it in `tlog_heads` — all committed or rolled back with the seal.
 */
export function createDbLogAppender(
  tx: Db,
  deps: { logKey: { privateKey: KeyObject; publicKey: KeyObject }; tsa: TimestampClient; clock: () => Date },
): TreeAppender & { entries: TLogEntry[] } {
  const log = new TransparencyLog({
    store: createDbTreeStore(tx),
    signer: deps.logKey.privateKey,
    publicKey: deps.logKey.publicKey,
    tsa: deps.tsa,
    clock: deps.clock,
  });
  const entries: TLogEntry[] = [];
  return {
    entries,
    async append(leafData: Uint8Array) {
      const entry = await log.append(leafData);
      const head = entry.treeHead;
      await saveTreeHead(tx, {
        treeSize: head.treeSize,
        rootHash: new Uint8Array(Buffer.from(head.rootHash, 'base64')),
        signedHead: new Uint8Array(Buffer.from(JSON.stringify(head))),
        timestampToken: head.timestampToken ? new Uint8Array(Buffer.from(head.timestampToken, 'base64')) : null,
      });
      entries.push(entry);
      return entry;
    },
  };
}
