import { createHash, createPublicKey, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { toDer } from '../der/der-codec.js';
import { minimalUnsignedInteger } from '../der/der-integer.js';
import { PkiError } from '../errors.js';
import type { KeyAlgorithm } from '../types.js';
import type { Handle, Pkcs11, Pkcs11Lib } from './pkcs11-module.js';

type Supported = Exclude<KeyAlgorithm, 'SM2'>;

/** DER namedCurve OIDs for CKA_EC_PARAMS (PKCS#11 v2.40 §2.3.3). */
const EC_PARAMS: Record<'ECDSA-P256' | 'ECDSA-P384', Buffer> = {
  'ECDSA-P256': Buffer.from('06082a8648ce3d030107', 'hex'),
  'ECDSA-P384': Buffer.from('06052b81040022', 'hex'),
};

export function assertSupported(algorithm: KeyAlgorithm): asserts algorithm is Supported {
  // SoftHSM and most HSMs sold outside China have no SM2 mechanism; GM/T 0018 devices need their own adapter.
  if (algorithm === 'SM2')
    throw new PkiError('UNSUPPORTED_ALGORITHM', 'SM2 is not available through this PKCS#11 keystore');
}

export interface GenerateOptions {
  label: string;
  /** true: persistent token object; false: session object gone when the session closes. */
  token: boolean;
}

/** Key pair generated inside the token; the private half is sensitive and never extractable. */
export function generateKeyPair(
  lib: Pkcs11Lib,
  pkcs11: Pkcs11,
  session: Handle,
  algorithm: Supported,
  opts: GenerateOptions,
): { privateKey: Handle; publicKey: Handle } {
  const id = randomBytes(16);
  const common = [
    { type: lib.CKA_TOKEN, value: opts.token },
    { type: lib.CKA_LABEL, value: opts.label },
    { type: lib.CKA_ID, value: id },
  ];
  const priv = [
    ...common,
    { type: lib.CKA_CLASS, value: lib.CKO_PRIVATE_KEY },
    { type: lib.CKA_PRIVATE, value: true },
    { type: lib.CKA_SENSITIVE, value: true },
    { type: lib.CKA_EXTRACTABLE, value: false },
    { type: lib.CKA_SIGN, value: true },
  ];
  const pub = [...common, { type: lib.CKA_CLASS, value: lib.CKO_PUBLIC_KEY }, { type: lib.CKA_VERIFY, value: true }];
  if (algorithm === 'ECDSA-P256' || algorithm === 'ECDSA-P384') {
    return pkcs11.C_GenerateKeyPair(
      session,
      { mechanism: lib.CKM_EC_KEY_PAIR_GEN },
      [...pub, { type: lib.CKA_EC_PARAMS, value: EC_PARAMS[algorithm] }],
      priv,
    );
  }
  return pkcs11.C_GenerateKeyPair(
    session,
    { mechanism: lib.CKM_RSA_PKCS_KEY_PAIR_GEN },
    [
      ...pub,
      { type: lib.CKA_MODULUS_BITS, value: 2048 },
      { type: lib.CKA_PUBLIC_EXPONENT, value: Buffer.from([1, 0, 1]) },
    ],
    priv,
  );
}

const b64url = (b: Buffer) => b.toString('base64url');

/** CKA_EC_POINT is a DER OCTET STRING around the uncompressed point (some tokens return it bare). */
function unwrapEcPoint(value: Buffer): Buffer {
  if (value[0] === 0x04 && (value.length === 65 || value.length === 97)) return value;
  const parsed = asn1js.fromBER(value);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.OctetString)) {
    throw new PkiError('PKCS11_ERROR', 'unreadable CKA_EC_POINT');
  }
  return Buffer.from(parsed.result.valueBlock.valueHexView);
}

/** SubjectPublicKeyInfo from the public key object's attributes, via Node's JWK import. */
export function publicKeyInfo(
  lib: Pkcs11Lib,
  pkcs11: Pkcs11,
  session: Handle,
  publicKey: Handle,
  algorithm: Supported,
): Uint8Array {
  if (algorithm === 'ECDSA-P256' || algorithm === 'ECDSA-P384') {
    const [attr] = pkcs11.C_GetAttributeValue(session, publicKey, [{ type: lib.CKA_EC_POINT }]);
    const point = unwrapEcPoint(attr?.value as Buffer);
    const size = (point.length - 1) / 2;
    const jwk = {
      kty: 'EC',
      crv: algorithm === 'ECDSA-P256' ? 'P-256' : 'P-384',
      x: b64url(point.subarray(1, 1 + size)),
      y: b64url(point.subarray(1 + size)),
    };
    return new Uint8Array(createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'der' }));
  }
  const [n, e] = pkcs11.C_GetAttributeValue(session, publicKey, [
    { type: lib.CKA_MODULUS },
    { type: lib.CKA_PUBLIC_EXPONENT },
  ]);
  const jwk = { kty: 'RSA', n: b64url(n?.value as Buffer), e: b64url(e?.value as Buffer) };
  return new Uint8Array(createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'der' }));
}

/** Signs in the token; ECDSA hashes in Node (CKM_ECDSA) and re-encodes r||s as DER ECDSA-Sig-Value. */
export function signInToken(
  lib: Pkcs11Lib,
  pkcs11: Pkcs11,
  session: Handle,
  privateKey: Handle,
  algorithm: Supported,
  data: Uint8Array,
): Uint8Array {
  if (algorithm === 'ECDSA-P256' || algorithm === 'ECDSA-P384') {
    const size = algorithm === 'ECDSA-P256' ? 32 : 48;
    const hash = createHash(algorithm === 'ECDSA-P256' ? 'sha256' : 'sha384')
      .update(data)
      .digest();
    pkcs11.C_SignInit(session, { mechanism: lib.CKM_ECDSA }, privateKey);
    const raw = pkcs11.C_Sign(session, hash, Buffer.alloc(size * 2));
    return toDer(
      new asn1js.Sequence({
        value: [minimalUnsignedInteger(raw.subarray(0, size)), minimalUnsignedInteger(raw.subarray(size))],
      }),
    );
  }
  const mechanism =
    algorithm === 'RSA-PSS-2048'
      ? {
          mechanism: lib.CKM_SHA256_RSA_PKCS_PSS,
          parameter: { type: lib.CK_PARAMS_RSA_PSS, hashAlg: lib.CKM_SHA256, mgf: lib.CKG_MGF1_SHA256, saltLen: 32 },
        }
      : { mechanism: lib.CKM_SHA256_RSA_PKCS };
  pkcs11.C_SignInit(session, mechanism, privateKey);
  return new Uint8Array(pkcs11.C_Sign(session, Buffer.from(data), Buffer.alloc(256)));
}

export function findKeyByLabel(
  lib: Pkcs11Lib,
  pkcs11: Pkcs11,
  session: Handle,
  label: string,
  cls: number,
): Handle | undefined {
  pkcs11.C_FindObjectsInit(session, [
    { type: lib.CKA_LABEL, value: label },
    { type: lib.CKA_CLASS, value: cls },
    { type: lib.CKA_TOKEN, value: true },
  ]);
  try {
    return pkcs11.C_FindObjects(session) ?? undefined;
  } finally {
    pkcs11.C_FindObjectsFinal(session);
  }
}
