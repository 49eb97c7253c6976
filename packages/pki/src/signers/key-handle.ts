import type { CmsSigner, KeyAlgorithm } from '../types.js';

/** A private key held by a keystore: signs, exposes its public key, and can be destroyed. */
export interface KeyHandle {
  readonly algorithm: KeyAlgorithm;
  readonly signer: CmsSigner;
  /** SubjectPublicKeyInfo, DER. */
  readonly publicKeyInfo: Uint8Array;
  readonly isDestroyed: boolean;
  /** Removes the key (zeroes/deletes it); afterwards signer.sign throws PkiError('KEY_DESTROYED'). */
  destroy(): Promise<void>;
}
