/**
 * Where leaf hashes live. The server implements this over its database (append in the sealing transaction);
 * tests and tools use {@link MemoryTreeStore}. Leaves are append-only: a stored leaf hash never changes.
 */
export interface TreeStore {
  /** Number of leaves currently stored. */
  size(): Promise<number>;
  /** Leaf hashes with indices in [start, end). */
  leafHashes(start: number, end: number): Promise<Uint8Array[]>;
  /** Appends leaf hashes; returns the index of the first one. */
  append(leafHashes: readonly Uint8Array[]): Promise<number>;
}

export class MemoryTreeStore implements TreeStore {
  readonly #leaves: Uint8Array[] = [];

  constructor(initial: readonly Uint8Array[] = []) {
    this.#leaves.push(...initial);
  }

  async size(): Promise<number> {
    return this.#leaves.length;
  }

  async leafHashes(start: number, end: number): Promise<Uint8Array[]> {
    return this.#leaves.slice(start, end);
  }

  async append(leafHashes: readonly Uint8Array[]): Promise<number> {
    const first = this.#leaves.length;
    this.#leaves.push(...leafHashes);
    return first;
  }
}
