import { EvidenceError } from '../errors.js';
import { bytesEqual } from '../util/bytes.js';
import { hashChildren } from './hash.js';

export interface InclusionProofInput {
  leafIndex: number;
  treeSize: number;
  leafHash: Uint8Array;
  proof: readonly Uint8Array[];
}

const isOdd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

/**
 * RFC 9162 §2.1.3.2: recompute the root from a leaf hash and its inclusion path. Throws
 * MERKLE_INCLUSION_FAILED for any malformed input (index outside the tree, wrong-size hashes, surplus or missing nodes).
 * Arithmetic uses division, not bit shifts, so sizes up to 2^53 work.
 */
export function rootFromInclusionProof(input: InclusionProofInput): Uint8Array {
  const { leafIndex, treeSize, leafHash, proof } = input;
  if (!Number.isSafeInteger(leafIndex) || !Number.isSafeInteger(treeSize) || leafIndex < 0 || leafIndex >= treeSize) {
    throw new EvidenceError('MERKLE_INCLUSION_FAILED', `leaf index ${leafIndex} not in tree of size ${treeSize}`);
  }
  if (leafHash.byteLength !== 32 || proof.some((p) => p.byteLength !== 32)) {
    throw new EvidenceError('MERKLE_INCLUSION_FAILED', 'leaf and proof hashes must be 32 bytes (SHA-256)');
  }
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) throw new EvidenceError('MERKLE_INCLUSION_FAILED', 'inclusion proof has surplus nodes');
    if (isOdd(fn) || fn === sn) {
      r = hashChildren(p, r);
      if (!isOdd(fn)) {
        while (!(isOdd(fn) || fn === 0)) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) throw new EvidenceError('MERKLE_INCLUSION_FAILED', 'inclusion proof is too short');
  return r;
}

/** Throws MERKLE_INCLUSION_FAILED unless the proof places the leaf in the tree with this root. */
export function verifyInclusion(input: InclusionProofInput & { rootHash: Uint8Array }): void {
  const computed = rootFromInclusionProof(input);
  if (!bytesEqual(computed, input.rootHash)) {
    throw new EvidenceError('MERKLE_INCLUSION_FAILED', 'inclusion proof leads to a different root');
  }
}
