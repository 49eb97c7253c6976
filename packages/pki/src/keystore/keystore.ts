import type { KeyHandle } from '../signers/key-handle.js';
import type { KeyAlgorithm } from '../types.js';

/**
 * Where private keys live. The embedded default keeps encrypted PKCS#8 files under the data dir
 * (file-keystore.ts); production deployments use an HSM through PKCS#11 (pkcs11-keystore.ts).
 */
export interface Keystore {
  readonly kind: 'file' | 'pkcs11';
  /** A long-term key (CA, TSA, OCSP, evidence seal) by label; generated and stored on first use. */
  loadOrCreateKey(label: string, algorithm: KeyAlgorithm): Promise<KeyHandle>;
  /** A fresh per-signing key that is never persisted; the caller destroys it right after use. */
  generateEphemeralKey(algorithm: KeyAlgorithm): Promise<KeyHandle>;
  /** Releases sessions and handles; keys obtained earlier stop working. */
  close(): Promise<void>;
}

export function assertKeyLabel(label: string): void {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(label)) throw new Error(`invalid key label ${JSON.stringify(label)}`);
}
