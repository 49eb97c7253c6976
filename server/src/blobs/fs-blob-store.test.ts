import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDataError } from '../db/data-error';
import type { BlobStore } from './blob-store';
import { createFsBlobStore } from './fs-blob-store';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (isDataError(error) ? error.code : String(error)),
  );
}

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('filesystem blob store', () => {
  let root: string;
  let store: BlobStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'inkproof-blobs-'));
    store = createFsBlobStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 in sharded directories and reads them back', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7 知情同意书');
    const stored = await store.put(bytes, 'application/pdf');
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length, mediaType: 'application/pdf' });
    expect(await readdir(join(root, 'sha256', stored.sha256.slice(0, 2), stored.sha256.slice(2, 4)))).toEqual([
      stored.sha256,
    ]);
    expect(Buffer.from(await store.get(stored.sha256)).equals(Buffer.from(bytes))).toBe(true);
    expect(await store.has(stored.sha256)).toBe(true);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('accepts streams and async iterables and streams content back', async () => {
    const parts = [Buffer.alloc(100_000, 1), Buffer.alloc(70_000, 2)];
    const all = Buffer.concat(parts);
    const fromStream = await store.put(Readable.from(parts));
    async function* gen() {
      yield* parts;
    }
    const fromIterable = await store.put(gen());
    expect(fromStream.sha256).toBe(sha(all));
    expect(fromIterable).toEqual(fromStream);
    expect((await drain(await store.stream(fromStream.sha256))).equals(all)).toBe(true);
  });

  it('is idempotent under concurrent puts of the same content', async () => {
    const bytes = Buffer.alloc(256 * 1024, 7);
    const results = await Promise.all(Array.from({ length: 12 }, () => store.put(bytes)));
    expect(new Set(results.map((r) => r.sha256))).toEqual(new Set([sha(bytes)]));
    expect(Buffer.from(await store.get(sha(bytes))).equals(bytes)).toBe(true);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('detects a corrupted file on get and at the end of a stream, and a put repairs it', async () => {
    const bytes = Buffer.from('evidence bytes');
    const { sha256 } = await store.put(bytes);
    const path = join(root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    await writeFile(path, 'evidence bytez');
    expect(await codeOf(store.get(sha256))).toBe('BLOB_CORRUPT');
    expect(await codeOf(store.stream(sha256).then(drain))).toBe('BLOB_CORRUPT');
    await store.put(bytes);
    expect(Buffer.from(await store.get(sha256)).equals(bytes)).toBe(true);
  });

  it('answers BLOB_NOT_FOUND for unknown content and rejects malformed addresses', async () => {
    const missing = sha(Buffer.from('never stored'));
    expect(await store.has(missing)).toBe(false);
    expect(await codeOf(store.get(missing))).toBe('BLOB_NOT_FOUND');
    expect(await codeOf(store.stream(missing))).toBe('BLOB_NOT_FOUND');
    expect(await codeOf(store.get('../../etc/passwd'))).toBe('BLOB_INVALID_DIGEST');
    expect(await codeOf(store.get(missing.toUpperCase()))).toBe('BLOB_INVALID_DIGEST');
  });
});
