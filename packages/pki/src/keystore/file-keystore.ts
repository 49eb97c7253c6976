import { createPrivateKey } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PkiError } from '../errors.js';
import { generateInMemoryKeyAsync, generateNodeKeyObject, inMemoryKeyFromKeyObject } from '../signers/in-memory-key.js';
import type { KeyHandle } from '../signers/key-handle.js';
import type { KeyAlgorithm } from '../types.js';
import { assertKeyLabel, type Keystore } from './keystore.js';

export interface FileKeystoreOptions {
  /** Directory for `<label>.key.pem` files (created on first use, mode 0700). */
  dir: string;
  passphrase: string;
}

/**
 * Encrypted PKCS#8 (RFC 5958 EncryptedPrivateKeyInfo, PBES2/PBKDF2 + AES-256-CBC as OpenSSL
 * writes it), one PEM file per label. Readable with `openssl pkey -in X.key.pem -passin`.
 */
export function createFileKeystore(opts: FileKeystoreOptions): Keystore {
  if (opts.passphrase.length < 8) throw new PkiError('BAD_PASSPHRASE', 'passphrase shorter than 8 characters');
  const loaded = new Map<string, KeyHandle>();

  async function readKey(path: string, algorithm: KeyAlgorithm): Promise<KeyHandle | undefined> {
    let pem: string;
    try {
      pem = await readFile(path, 'utf8');
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new PkiError('KEYSTORE_CORRUPT', undefined, { cause });
    }
    try {
      return inMemoryKeyFromKeyObject(algorithm, createPrivateKey({ key: pem, passphrase: opts.passphrase }));
    } catch (cause) {
      throw new PkiError('BAD_PASSPHRASE', undefined, { cause });
    }
  }

  return {
    kind: 'file',
    async loadOrCreateKey(label, algorithm) {
      assertKeyLabel(label);
      if (algorithm === 'SM2') {
        // Node cannot export SM2 keys safely (STANDARDS.md); long-term SM2 keys belong in an HSM.
        throw new PkiError('UNSUPPORTED_ALGORITHM', 'long-term SM2 keys need the PKCS#11 keystore');
      }
      const cached = loaded.get(label);
      if (cached && !cached.isDestroyed) return cached;
      await mkdir(opts.dir, { recursive: true, mode: 0o700 });
      const path = join(opts.dir, `${label}.key.pem`);
      let handle = await readKey(path, algorithm);
      if (!handle) {
        const key = generateNodeKeyObject(algorithm);
        const pem = key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: opts.passphrase });
        const tmp = `${path}.${process.pid}.tmp`;
        await writeFile(tmp, pem, { mode: 0o600, flag: 'wx' });
        await rename(tmp, path);
        handle = inMemoryKeyFromKeyObject(algorithm, key);
      }
      loaded.set(label, handle);
      return handle;
    },
    async generateEphemeralKey(algorithm) {
      return generateInMemoryKeyAsync(algorithm);
    },
    async close() {
      for (const handle of loaded.values()) await handle.destroy();
      loaded.clear();
    },
  };
}
