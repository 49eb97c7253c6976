import { EvidenceError } from '../errors.js';
import { bytesEqual } from '../util/bytes.js';
import { hashChildren } from './hash.js';

export interface ConsistencyProofInput {
  fromSize: number;
  toSize: number;
  fromRoot: Uint8Array;
  toRoot: Uint8Array;
  proof: readonly Uint8Array[];
}

const isOdd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);
const fail = (why: string): never => {
  throw new EvidenceError('MERKLE_CONSISTENCY_FAILED', why);
};

/**
 * RFC 9162 §2.1.4.2: proves the tree of size toSize is an append-only extension of the tree of size fromSize.
 * A rewritten leaf anywhere in the old range makes this throw MERKLE_CONSISTENCY_FAILED.
 * fromSize = 0 is refused: every tree extends the empty one, so such a "proof" says nothing.
 */
export function verifyConsistency(input: ConsistencyProofInput): void {
  const { fromSize, toSize, fromRoot, toRoot, proof } = input;
  if (!Number.isSafeInteger(fromSize) || !Number.isSafeInteger(toSize)) fail('sizes must be integers');
  if (fromSize < 1) fail('consistency from an empty tree proves nothing');
  if (toSize < fromSize) fail(`new size ${toSize} is smaller than old size ${fromSize}`);
  if (fromSize === toSize) {
    if (proof.length > 0) fail('equal sizes need an empty proof');
    if (!bytesEqual(fromRoot, toRoot)) fail('equal sizes but different roots');
    return;
  }
  if (proof.length === 0) fail('empty consistency proof');
  if (proof.some((p) => p.byteLength !== 32)) fail('proof hashes must be 32 bytes (SHA-256)');

  // Step 2: if the old size is a power of two, the old root itself is the first node.
  const path = Number.isInteger(Math.log2(fromSize)) ? [fromRoot, ...proof] : [...proof];
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) fail('consistency proof has surplus nodes');
    if (isOdd(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (!isOdd(fn)) {
        while (!(isOdd(fn) || fn === 0)) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) fail('consistency proof is too short');
  if (!bytesEqual(fr, fromRoot)) fail('proof does not reproduce the old root (history rewritten?)');
  if (!bytesEqual(sr, toRoot)) fail('proof does not reproduce the new root');
}
