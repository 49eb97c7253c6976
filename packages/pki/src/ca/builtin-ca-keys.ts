import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Keystore } from '../keystore/keystore.js';
import type { KeyHandle } from '../signers/key-handle.js';

export interface BuiltinCaKeys {
  root: KeyHandle;
  eventCa: KeyHandle;
  tsa: KeyHandle;
  ocsp: KeyHandle;
  evidenceSeal: KeyHandle;
}

/** Root P-384 → Event CA P-256; service keys P-256 (issue 3, "Built-in CA"). */
export async function loadBuiltinCaKeys(keystore: Keystore): Promise<BuiltinCaKeys> {
  return {
    root: await keystore.loadOrCreateKey('root-ca', 'ECDSA-P384'),
    eventCa: await keystore.loadOrCreateKey('event-ca', 'ECDSA-P256'),
    tsa: await keystore.loadOrCreateKey('tsa', 'ECDSA-P256'),
    ocsp: await keystore.loadOrCreateKey('ocsp', 'ECDSA-P256'),
    evidenceSeal: await keystore.loadOrCreateKey('evidence-seal', 'ECDSA-P256'),
  };
}

/**
 * Development fallback when no passphrase is configured: a random one kept next to the keys
 * (mode 0600). It protects nothing against someone who can read the data dir — production
 * configures a passphrase or an HSM.
 */
export async function developmentPassphrase(dir: string): Promise<string> {
  const path = join(dir, 'keys', 'dev-passphrase.txt');
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
  }
  await mkdir(join(dir, 'keys'), { recursive: true, mode: 0o700 });
  const passphrase = randomBytes(24).toString('base64url');
  try {
    await writeFile(path, `${passphrase}\n`, { mode: 0o600, flag: 'wx' });
    return passphrase;
  } catch (cause) {
    // Another process created it first: use theirs.
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(path, 'utf8')).trim();
    throw cause;
  }
}
