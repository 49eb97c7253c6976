import { z } from 'zod';
import { EvidenceError } from '../errors.js';
import { ZCanonicalBase64 } from '../util/canonical-base64.js';

/**
 * Wire forms of the log endpoints (`GET /api/tlog/proof/inclusion`, `…/consistency`), shared by the server that
 * serves them and the CLI/monitor that checks them, so both speak one versioned shape. Hashes are base64.
 */
export const ZInclusionProofWireSchema = z.strictObject({
  version: z.literal(1),
  leafIndex: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  treeSize: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  leafHash: ZCanonicalBase64,
  proof: z.array(ZCanonicalBase64).max(64),
});
export type TInclusionProofWire = z.infer<typeof ZInclusionProofWireSchema>;

export const ZConsistencyProofWireSchema = z.strictObject({
  version: z.literal(1),
  fromSize: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  toSize: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  proof: z.array(ZCanonicalBase64).max(128),
});
export type TConsistencyProofWire = z.infer<typeof ZConsistencyProofWireSchema>;

function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const details = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new EvidenceError('MERKLE_INVALID_ARGUMENT', `${what} is malformed`, { details });
  }
  return r.data;
}

export const parseInclusionProofWire = (value: unknown): TInclusionProofWire =>
  parseWith(ZInclusionProofWireSchema, value, 'inclusion proof');
export const parseConsistencyProofWire = (value: unknown): TConsistencyProofWire =>
  parseWith(ZConsistencyProofWireSchema, value, 'consistency proof');
