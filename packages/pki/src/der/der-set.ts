/**
 * DER SET OF ordering (X.690 §11.6): components sorted by their encodings as octet strings,
 * a shorter one that is a prefix of a longer one first. PKI.js keeps insertion order, and
 * BouncyCastle rejects unsorted signed attributes.
 */
export function compareDer(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export function sortDerSet<T>(items: T[], encode: (item: T) => Uint8Array): T[] {
  return items
    .map((item) => ({ item, der: encode(item) }))
    .sort((x, y) => compareDer(x.der, y.der))
    .map((x) => x.item);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && compareDer(a, b) === 0;
}
