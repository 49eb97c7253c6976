import { EvidenceError } from '../errors.js';
import { EMPTY_ROOT_HASH, hashChildren, rootFromLeafHashes, splitPoint } from './hash.js';
import type { TreeStore } from './tree-store.js';

/**
 * Proof generation over a {@link TreeStore} (RFC 9162 §2.1.3.1 PATH and §2.1.4.1 PROOF/SUBPROOF).
 * Every proof node is the hash of a subtree D[lo:hi]; subtrees that are complete and aligned (size a power of two,
 * lo a multiple of it) never change in an append-only log, so their hashes are cached.
 */
export class MerkleTree {
  readonly store: TreeStore;
  readonly #cache = new Map<string, Uint8Array>();
  readonly #cacheLimit: number;

  constructor(store: TreeStore, opts: { cacheLimit?: number } = {}) {
    this.store = store;
    this.#cacheLimit = opts.cacheLimit ?? 100_000;
  }

  size(): Promise<number> {
    return this.store.size();
  }

  /** MTH(D[0:treeSize]). */
  async root(treeSize?: number): Promise<Uint8Array> {
    const n = await this.#checkedSize(treeSize);
    return n === 0 ? EMPTY_ROOT_HASH : this.subtreeHash(0, n);
  }

  /** MTH(D[lo:hi]) for hi > lo. */
  async subtreeHash(lo: number, hi: number): Promise<Uint8Array> {
    const n = hi - lo;
    const perfect = Number.isInteger(Math.log2(n)) && lo % n === 0;
    const key = `${lo}:${hi}`;
    if (perfect) {
      const hit = this.#cache.get(key);
      if (hit) return hit;
    }
    let h: Uint8Array;
    if (n <= 256) {
      h = rootFromLeafHashes(await this.store.leafHashes(lo, hi));
    } else {
      const k = splitPoint(n);
      h = hashChildren(await this.subtreeHash(lo, lo + k), await this.subtreeHash(lo + k, hi));
    }
    if (perfect && this.#cache.size < this.#cacheLimit) this.#cache.set(key, h);
    return h;
  }

  /** PATH(m, D[0:treeSize]) — RFC 9162 §2.1.3.1. */
  async inclusionProof(leafIndex: number, treeSize?: number): Promise<Uint8Array[]> {
    const n = await this.#checkedSize(treeSize);
    if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= n) {
      throw new EvidenceError('MERKLE_INVALID_ARGUMENT', `leaf index ${leafIndex} outside tree of size ${n}`);
    }
    const path: Uint8Array[] = [];
    let lo = 0;
    let hi = n;
    let m = leafIndex;
    const siblings: Array<[number, number]> = [];
    while (hi - lo > 1) {
      const k = splitPoint(hi - lo);
      if (m < k) {
        siblings.push([lo + k, hi]);
        hi = lo + k;
      } else {
        siblings.push([lo, lo + k]);
        lo += k;
        m -= k;
      }
    }
    // Collected root-down; the proof lists them leaf-up.
    for (const [a, b] of siblings.reverse()) path.push(await this.subtreeHash(a, b));
    return path;
  }

  /** PROOF(m, D[0:n]) — RFC 9162 §2.1.4.1, for 0 < m ≤ n. */
  async consistencyProof(fromSize: number, toSize?: number): Promise<Uint8Array[]> {
    const n = await this.#checkedSize(toSize);
    if (!Number.isSafeInteger(fromSize) || fromSize < 1 || fromSize > n) {
      throw new EvidenceError('MERKLE_INVALID_ARGUMENT', `cannot prove consistency from size ${fromSize} to ${n}`);
    }
    const nodes: Array<[number, number]> = [];
    let lo = 0;
    let hi = n;
    let m = fromSize;
    let isOldRoot = true;
    // SUBPROOF unrolled: walk down, remembering siblings; finally the subtree equal to the old tree (omitted if b).
    while (m !== hi - lo) {
      const k = splitPoint(hi - lo);
      if (m <= k) {
        nodes.push([lo + k, hi]);
        hi = lo + k;
      } else {
        nodes.push([lo, lo + k]);
        lo += k;
        m -= k;
        isOldRoot = false;
      }
    }
    const proof: Uint8Array[] = [];
    if (!isOldRoot) proof.push(await this.subtreeHash(lo, hi));
    for (const [a, b] of nodes.reverse()) proof.push(await this.subtreeHash(a, b));
    return proof;
  }

  async #checkedSize(treeSize: number | undefined): Promise<number> {
    const stored = await this.store.size();
    const n = treeSize ?? stored;
    if (!Number.isSafeInteger(n) || n < 0 || n > stored) {
      throw new EvidenceError('MERKLE_INVALID_ARGUMENT', `tree size ${n} not available (log has ${stored})`);
    }
    return n;
  }
}
