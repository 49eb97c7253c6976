import {
  constants,
  createPublicKey,
  generateKeyPair,
  generateKeyPairSync,
  type KeyObject,
  sign as nodeSign,
} from 'node:crypto';
import { promisify } from 'node:util';
import { PkiError } from '../errors.js';
import type { CmsSigner, KeyAlgorithm } from '../types.js';
import { digestAlgorithmFor } from './algorithms.js';
import type { KeyHandle } from './key-handle.js';
import { generateSm2KeyPair, type Sm2KeyPair, sm2Sign } from './sm2.js';
import { sm2PublicKeyInfo } from './spki.js';

const NODE_HASH = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512', SM3: 'sm3' } as const;

const generateKeyPairAsync = promisify(generateKeyPair);

type Secret = { kind: 'node'; key: KeyObject } | { kind: 'sm2'; key: Sm2KeyPair };

function signWith(algorithm: KeyAlgorithm, secret: Secret, data: Uint8Array): Uint8Array {
  if (secret.kind === 'sm2') return sm2Sign(data, secret.key);
  const hash = NODE_HASH[digestAlgorithmFor(algorithm)];
  if (algorithm === 'RSA-PSS-2048') {
    // RFC 4055 §3.1 parameters we advertise: SHA-256, MGF1-SHA-256, salt 32.
    return new Uint8Array(
      nodeSign(hash, data, { key: secret.key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }),
    );
  }
  // Node returns DER ECDSA-Sig-Value by default (dsaEncoding 'der'), the form X.509 and CMS carry.
  return new Uint8Array(nodeSign(hash, data, secret.key));
}

/** A key held in process memory; destroy() drops and (for SM2) overwrites the only reference. */
class InMemoryKey implements KeyHandle {
  readonly signer: CmsSigner;
  #secret: Secret | undefined;

  constructor(
    readonly algorithm: KeyAlgorithm,
    secret: Secret,
    readonly publicKeyInfo: Uint8Array,
  ) {
    this.#secret = secret;
    const self = this;
    this.signer = {
      algorithm,
      async sign(data: Uint8Array): Promise<Uint8Array> {
        const current = self.#secret;
        if (!current) throw new PkiError('KEY_DESTROYED');
        return signWith(algorithm, current, data);
      },
    };
  }

  get isDestroyed(): boolean {
    return this.#secret === undefined;
  }

  async destroy(): Promise<void> {
    if (this.#secret?.kind === 'sm2') this.#secret.key.privateKeyHex = '0'.repeat(64);
    this.#secret = undefined;
  }
}

export function generateNodeKeyObject(algorithm: Exclude<KeyAlgorithm, 'SM2'>): KeyObject {
  switch (algorithm) {
    case 'ECDSA-P256':
      return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    case 'ECDSA-P384':
      return generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    case 'RSA-2048':
    case 'RSA-PSS-2048':
      // A plain rsaEncryption key: RFC 4055 §1.2 lets it sign PSS too, and every validator reads it.
      return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }
}

export function inMemoryKeyFromKeyObject(algorithm: KeyAlgorithm, key: KeyObject): KeyHandle {
  if (algorithm === 'SM2') throw new PkiError('UNSUPPORTED_ALGORITHM', 'SM2 keys are not held as Node key objects');
  const spki = new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' }));
  return new InMemoryKey(algorithm, { kind: 'node', key }, spki);
}

export function inMemorySm2Key(pair: Sm2KeyPair): KeyHandle {
  return new InMemoryKey('SM2', { kind: 'sm2', key: { ...pair } }, sm2PublicKeyInfo(pair.publicKeyHex));
}

/** RSA key generation takes hundreds of milliseconds: off the event loop for servers. */
export async function generateInMemoryKeyAsync(algorithm: KeyAlgorithm): Promise<KeyHandle> {
  if (algorithm !== 'RSA-2048' && algorithm !== 'RSA-PSS-2048') return generateInMemoryKey(algorithm);
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  return inMemoryKeyFromKeyObject(algorithm, privateKey);
}

/** A fresh in-memory key. SM2 goes through sm-crypto-v2: Node's SM2 is not interoperable (STANDARDS.md). */
export function generateInMemoryKey(algorithm: KeyAlgorithm): KeyHandle {
  if (algorithm === 'SM2') return inMemorySm2Key(generateSm2KeyPair());
  return inMemoryKeyFromKeyObject(algorithm, generateNodeKeyObject(algorithm));
}
