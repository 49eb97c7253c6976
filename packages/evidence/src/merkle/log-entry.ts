import { z } from 'zod';
import { EvidenceError } from '../errors.js';
import { ZCanonicalBase64 } from '../util/canonical-base64.js';
import { ZSignedTreeHeadSchema } from './tree-head.js';

export const LOG_ENTRY_VERSION = 1;

/** Wire form of `seal/log.json`: where the manifest digest sits in the transparency log, and the head proving it. */
export const ZLogEntrySchema = z.strictObject({
  version: z.literal(LOG_ENTRY_VERSION),
  leafIndex: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  /** base64 RFC 9162 leaf hash = SHA-256(0x00 || SHA-256(manifest.json bytes)). */
  leafHash: ZCanonicalBase64,
  inclusionProof: z.array(ZCanonicalBase64).max(64),
  treeHead: ZSignedTreeHeadSchema,
  /** base64 SPKI of the log key, so a verifier can check the head; trust comes from pinning its logId. */
  logPublicKey: ZCanonicalBase64,
});
export type TLogEntry = z.infer<typeof ZLogEntrySchema>;

export function parseLogEntry(value: unknown): TLogEntry {
  const r = ZLogEntrySchema.safeParse(value);
  if (!r.success) {
    const details = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new EvidenceError('LOG_ENTRY_INVALID', 'seal/log.json is malformed', { details });
  }
  return r.data;
}

/** `seal/log.json` bytes → entry; every failure (UTF-8, JSON, schema) is LOG_ENTRY_INVALID. */
export function parseLogEntryBytes(bytes: Uint8Array): TLogEntry {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new EvidenceError('LOG_ENTRY_INVALID', 'seal/log.json is not UTF-8 JSON', { cause });
  }
  return parseLogEntry(json);
}

/** What the bundle builder needs from a log: append one leaf, get back its entry with a proof to a signed head. */
export interface TreeAppender {
  /** `leafData` is the SHA-256 of the manifest bytes; the log stores hashLeaf(leafData). */
  append(leafData: Uint8Array): Promise<TLogEntry>;
}
