/**
 * A bounded least-recently-used map. Verification touches the same few certificates, keys and
 * tokens over and over (root, Event CA, TSA, evidence seal, a batch's tree-head token); caching
 * what is derived from their exact bytes avoids re-parsing them, and the bound keeps memory flat
 * however many distinct inputs a long-running server sees.
 */
const everyCache = new Set<WeakRef<LruCache<unknown, unknown>>>();

/** Empties every verification cache, for benchmarks that model a process seeing its inputs for the first time. */
export function clearAllCaches(): void {
  for (const ref of everyCache) ref.deref()?.clear();
}

export class LruCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly limit: number) {
    everyCache.add(new WeakRef(this));
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: K, value: V): V {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value as K);
    return value;
  }

  /** Returns the cached value or computes, stores and returns it (exceptions are not cached). */
  getOrCompute(key: K, compute: () => V): V {
    const hit = this.get(key);
    return hit !== undefined ? hit : this.set(key, compute());
  }

  clear(): void {
    this.#entries.clear();
  }
}
