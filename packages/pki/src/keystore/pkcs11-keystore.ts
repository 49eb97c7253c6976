import { randomBytes, timingSafeEqual } from 'node:crypto';
import { PkiError } from '../errors.js';
import type { KeyHandle } from '../signers/key-handle.js';
import type { CmsSigner, KeyAlgorithm } from '../types.js';
import { assertKeyLabel, type Keystore } from './keystore.js';
import { assertSupported, findKeyByLabel, generateKeyPair, publicKeyInfo, signInToken } from './pkcs11-keys.js';
import {
  acquireModule,
  findSlotByTokenLabel,
  type Handle,
  loadPkcs11Lib,
  releaseModule,
  wrapPkcs11Error,
} from './pkcs11-module.js';

const CKR_USER_ALREADY_LOGGED_IN = 0x100;
const loginPins = new Map<string, string>();

function samePin(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface Pkcs11KeystoreOptions {
  /** Path of the PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so. */
  modulePath: string;
  /** The token is chosen by its label, not by slot number (slot numbers change across restarts). */
  tokenLabel: string;
  /** User PIN. */
  pin: string;
}

/**
 * Keys inside an HSM through PKCS#11 (v2.40). Long-term keys are token objects found by CKA_LABEL;
 * per-signing keys are session objects (CKA_TOKEN false), sensitive and non-extractable, and
 * destroy() removes them with C_DestroyObject.
 */
export function createPkcs11Keystore(opts: Pkcs11KeystoreOptions): Keystore {
  const lib = loadPkcs11Lib();
  const pkcs11 = acquireModule(opts.modulePath);
  let session: Handle;
  const loginKey = `${opts.modulePath}\u0000${opts.tokenLabel}`;
  try {
    const slot = findSlotByTokenLabel(pkcs11, opts.tokenLabel);
    session = pkcs11.C_OpenSession(slot, lib.CKF_SERIAL_SESSION | lib.CKF_RW_SESSION);
    try {
      pkcs11.C_Login(session, lib.CKU_USER, opts.pin);
    } catch (cause) {
      // Login state is per application and token (PKCS#11 §6.7.1): another keystore may already hold it,
      // and the token then does not check this PIN — compare it with the one that logged in.
      const alreadyIn = (cause as { code?: number }).code === CKR_USER_ALREADY_LOGGED_IN;
      if (!alreadyIn || !samePin(loginPins.get(loginKey), opts.pin)) {
        pkcs11.C_CloseSession(session);
        throw new PkiError('BAD_PASSPHRASE', 'PKCS#11 login failed', { cause });
      }
    }
    loginPins.set(loginKey, opts.pin);
  } catch (cause) {
    releaseModule(opts.modulePath);
    throw wrapPkcs11Error('PKCS#11 open', cause);
  }
  let closed = false;
  const live = new Set<KeyHandle>();

  function handle(
    algorithm: KeyAlgorithm,
    keys: { privateKey: Handle; publicKey: Handle },
    ephemeral: boolean,
  ): KeyHandle {
    assertSupported(algorithm);
    const spki = publicKeyInfo(lib, pkcs11, session, keys.publicKey, algorithm);
    let destroyed = false;
    const signer: CmsSigner = {
      algorithm,
      async sign(data) {
        if (destroyed || closed) throw new PkiError('KEY_DESTROYED');
        try {
          return signInToken(lib, pkcs11, session, keys.privateKey, algorithm, data);
        } catch (cause) {
          throw wrapPkcs11Error('C_Sign', cause);
        }
      },
    };
    const key: KeyHandle = {
      algorithm,
      signer,
      publicKeyInfo: spki,
      get isDestroyed() {
        return destroyed || closed;
      },
      async destroy() {
        if (destroyed) return;
        destroyed = true;
        live.delete(key);
        // Long-term token keys stay in the HSM; only this handle is retired.
        if (ephemeral && !closed) {
          pkcs11.C_DestroyObject(session, keys.privateKey);
          pkcs11.C_DestroyObject(session, keys.publicKey);
        }
      },
    };
    live.add(key);
    return key;
  }

  return {
    kind: 'pkcs11',
    async loadOrCreateKey(label, algorithm) {
      assertKeyLabel(label);
      assertSupported(algorithm);
      try {
        const privateKey = findKeyByLabel(lib, pkcs11, session, label, lib.CKO_PRIVATE_KEY);
        const publicKey = findKeyByLabel(lib, pkcs11, session, label, lib.CKO_PUBLIC_KEY);
        if (privateKey && publicKey) return handle(algorithm, { privateKey, publicKey }, false);
        return handle(algorithm, generateKeyPair(lib, pkcs11, session, algorithm, { label, token: true }), false);
      } catch (cause) {
        throw wrapPkcs11Error('key lookup', cause);
      }
    },
    async generateEphemeralKey(algorithm) {
      assertSupported(algorithm);
      const label = `event-${randomBytes(8).toString('hex')}`;
      try {
        return handle(algorithm, generateKeyPair(lib, pkcs11, session, algorithm, { label, token: false }), true);
      } catch (cause) {
        throw wrapPkcs11Error('C_GenerateKeyPair', cause);
      }
    },
    async close() {
      if (closed) return;
      for (const key of [...live]) await key.destroy();
      closed = true;
      // No C_Logout: it would log out every other keystore on this token; closing the last session does it.
      pkcs11.C_CloseSession(session);
      releaseModule(opts.modulePath);
    },
  };
}
