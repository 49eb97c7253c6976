import * as asn1js from 'asn1js';
import { sm2 } from 'sm-crypto-v2';
import { parseDer, toDer } from '../der/der-codec.js';
import { bytesToHex, hexToBytes, minimalUnsignedInteger } from '../der/der-integer.js';
import { PkiError } from '../errors.js';

/** GM/T 0009-2012 §10 / GB/T 35276 default signer identity; OpenSSL needs `-sigopt distid:` for it. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

export interface Sm2KeyPair {
  privateKeyHex: string;
  /** Uncompressed point 04||X||Y, hex. */
  publicKeyHex: string;
}

export function generateSm2KeyPair(): Sm2KeyPair {
  const kp = sm2.generateKeyPairHex();
  return { privateKeyHex: kp.privateKey.padStart(64, '0'), publicKeyHex: kp.publicKey };
}

/** SM2Signature ::= SEQUENCE { r INTEGER, s INTEGER } (GM/T 0009 §7.2) from the raw r||s hex. */
function encodeSm2Signature(rawHex: string): Uint8Array {
  const raw = hexToBytes(rawHex.padStart(128, '0'));
  return toDer(
    new asn1js.Sequence({
      value: [minimalUnsignedInteger(raw.subarray(0, 32)), minimalUnsignedInteger(raw.subarray(32, 64))],
    }),
  );
}

/** Signs SM3(Z_A || data) with the default user ID (GB/T 32918.2 §6.1). */
export function sm2Sign(data: Uint8Array, key: Sm2KeyPair): Uint8Array {
  const rawHex = sm2.doSignature(data, key.privateKeyHex, {
    hash: true,
    publicKey: key.publicKeyHex,
    userId: SM2_DEFAULT_USER_ID,
  });
  return encodeSm2Signature(rawHex);
}

export function sm2Verify(data: Uint8Array, signatureDer: Uint8Array, publicKeyHex: string): boolean {
  try {
    const seq = parseDer(signatureDer, 'SM2Signature') as asn1js.Sequence;
    const [r, s] = seq.valueBlock.value as asn1js.Integer[];
    if (!r || !s) return false;
    const hex = (i: asn1js.Integer) =>
      bytesToHex(new Uint8Array(i.valueBlock.valueHexView))
        .replace(/^(00)+/, '')
        .padStart(64, '0');
    return sm2.doVerifySignature(data, hex(r) + hex(s), publicKeyHex, { hash: true, userId: SM2_DEFAULT_USER_ID });
  } catch (cause) {
    if (cause instanceof PkiError) return false;
    return false;
  }
}
