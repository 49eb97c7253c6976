import type { Readable } from 'node:stream';

/** Bytes to store: a buffer, a Node stream or any async iterable of chunks (e.g. a web ReadableStream). */
export type BlobInput = Uint8Array | Readable | AsyncIterable<Uint8Array>;

export interface StoredBlob {
  /** Lower-case hex SHA-256 of the content — the blob's address. */
  sha256: string;
  size: number;
  mediaType: string;
}

/**
 * Content-addressed store for every binary the product keeps (PDFs, ink, photos, bundles). Writes are durable
 * before `put` resolves and idempotent; reads verify the digest, so silent corruption surfaces as BLOB_CORRUPT.
 */
export interface BlobStore {
  put(input: BlobInput, mediaType?: string): Promise<StoredBlob>;
  /** The whole content, digest-checked; BLOB_NOT_FOUND / BLOB_CORRUPT. */
  get(sha256: string): Promise<Uint8Array>;
  has(sha256: string): Promise<boolean>;
  /** A stream of the content that errors with BLOB_CORRUPT at its end if the digest does not match. */
  stream(sha256: string): Promise<Readable>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
