import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { DataError } from '../db/data-error';
import { type BlobInput, type BlobStore, SHA256_HEX, type StoredBlob } from './blob-store';

/**
 * Filesystem blob store under `root` (normally `${dataDir}/blobs`): `sha256/ab/cd/<hex>`, written to `tmp/`, fsynced,
 * renamed into place, directory fsynced. Renaming identical content over an existing file is harmless, so
 * concurrent puts of the same bytes need no coordination and a put also repairs a corrupted copy.
 */
export function createFsBlobStore(root: string): BlobStore {
  const tmpDir = join(root, 'tmp');
  const pathOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256))
      throw new DataError('BLOB_INVALID_DIGEST', 'Blob address must be lower-case hex SHA-256');
    return join(root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  return {
    async put(input: BlobInput, mediaType = 'application/octet-stream'): Promise<StoredBlob> {
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
      try {
        const { sha256, size } = await writeDurably(tmp, input);
        const target = pathOf(sha256);
        const created = await mkdir(dirname(target), { recursive: true });
        await rename(tmp, target);
        await fsyncDir(dirname(target));
        // New shard directories must themselves be recorded in their parents to survive a power cut.
        if (created) await fsyncDir(dirname(dirname(target)));
        if (created) await fsyncDir(join(root, 'sha256'));
        return { sha256, size, mediaType };
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
    },
    async get(sha256) {
      const bytes = await readFile(pathOf(sha256)).catch((error: unknown) => rethrowMissing(error));
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        throw new DataError('BLOB_CORRUPT', `Stored blob does not match its digest: ${sha256}`);
      }
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    async has(sha256) {
      return stat(pathOf(sha256)).then(
        (s) => s.isFile(),
        () => false,
      );
    },
    async stream(sha256) {
      const handle = await open(pathOf(sha256), 'r').catch((error: unknown) => rethrowMissing(error));
      const source = handle.createReadStream({ autoClose: true });
      const verified = verifyDigest(sha256);
      source.on('error', (error) => verified.destroy(error));
      return source.pipe(verified);
    },
  };
}

async function writeDurably(path: string, input: BlobInput): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const handle = await open(path, 'wx', 0o640);
  try {
    const chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array> = input instanceof Uint8Array ? [input] : input;
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(bytes);
      size += bytes.byteLength;
      await handle.write(bytes);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), size };
}

async function fsyncDir(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

function verifyDigest(sha256: string): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest('hex');
      callback(
        actual === sha256 ? null : new DataError('BLOB_CORRUPT', `Stored blob does not match its digest: ${sha256}`),
      );
    },
  });
}

function rethrowMissing(error: unknown): never {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new DataError('BLOB_NOT_FOUND', 'Blob not found', { cause: error });
  }
  throw error;
}
