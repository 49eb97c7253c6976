import { toHex } from './bytes.js';

/**
 * Memoises a pure function of a byte string (e.g. parsing the same escrow certificate for every item of every
 * bundle). Bounded: the oldest entry goes when full. Keys are the bytes themselves (hex), so equal input, equal output.
 */
export function memoByBytes<T>(f: (bytes: Uint8Array) => T, size = 16): (bytes: Uint8Array) => T {
  const cache = new Map<string, T>();
  return (bytes) => {
    const key = bytes.byteLength <= 8192 ? toHex(bytes) : undefined;
    if (key !== undefined) {
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
    }
    const value = f(bytes);
    if (key !== undefined) {
      if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      cache.set(key, value);
    }
    return value;
  };
}
