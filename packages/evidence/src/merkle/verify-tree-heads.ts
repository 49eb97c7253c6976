import { verifyTimestampToken } from '@inkproof/pki';
import { EvidenceError } from '../errors.js';
import { fromBase64 } from '../util/bytes.js';
import {
  type LogPublicKey,
  type TSignedTreeHead,
  treeHeadTimestampImprint,
  verifyTreeHeadSignature,
} from './tree-head.js';
import { verifyConsistency } from './verify-consistency.js';

/**
 * Full check of one signed tree head: log id + signature by the log key and, when present (or required), the RFC 3161
 * token over SHA-256(signature) from a TSA chaining to a trust anchor. Returns the TSA time when there is one.
 */
export async function verifySignedTreeHead(
  head: TSignedTreeHead,
  opts: { publicKey: LogPublicKey; trustAnchors?: Uint8Array[]; requireTimestamp?: boolean },
): Promise<{ timestampTime?: Date }> {
  verifyTreeHeadSignature(head, opts.publicKey);
  if (!head.timestampToken) {
    if (opts.requireTimestamp) throw new EvidenceError('STH_TIMESTAMP_INVALID', 'tree head has no timestamp');
    return {};
  }
  if (!opts.trustAnchors) {
    if (opts.requireTimestamp) throw new EvidenceError('STH_TIMESTAMP_INVALID', 'no trust anchors to check it');
    return {};
  }
  const ts = await verifyTimestampToken(fromBase64(head.timestampToken), treeHeadTimestampImprint(head), {
    trustAnchors: opts.trustAnchors,
  }).catch((cause: unknown) => {
    throw new EvidenceError('STH_TIMESTAMP_INVALID', 'tree head timestamp unreadable', { cause });
  });
  if (!ts.valid) throw new EvidenceError('STH_TIMESTAMP_INVALID', 'tree head timestamp does not verify');
  return ts.genTime ? { timestampTime: ts.genTime } : {};
}

/**
 * What a monitor (another hospital, a regulator) runs on two heads it kept: both signed by the log, and the newer
 * an append-only extension of the older (RFC 9162 §2.1.4.2). A rewritten history throws MERKLE_CONSISTENCY_FAILED.
 */
export async function verifyTreeHeadConsistency(
  oldHead: TSignedTreeHead,
  newHead: TSignedTreeHead,
  proof: readonly Uint8Array[],
  opts: { publicKey: LogPublicKey; trustAnchors?: Uint8Array[] },
): Promise<void> {
  await verifySignedTreeHead(oldHead, opts);
  await verifySignedTreeHead(newHead, opts);
  verifyConsistency({
    fromSize: oldHead.treeSize,
    toSize: newHead.treeSize,
    fromRoot: fromBase64(oldHead.rootHash),
    toRoot: fromBase64(newHead.rootHash),
    proof,
  });
}
