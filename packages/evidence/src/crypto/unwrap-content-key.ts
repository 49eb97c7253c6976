import {
  constants,
  createDecipheriv,
  createECDH,
  createHash,
  createPrivateKey,
  type KeyObject,
  privateDecrypt,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EvidenceError } from '../errors.js';
import { toArrayBuffer } from '../util/bytes.js';
import { OID } from './oids.js';

const fail = (why: string, cause?: unknown): never => {
  throw new EvidenceError('DECRYPTION_FAILED', why, cause === undefined ? {} : { cause });
};

/** RFC 3560 §3: RSAES-OAEP; only SHA-256 with MGF1-SHA-256 is accepted (what we write). */
function unwrapKeyTrans(ri: pkijs.KeyTransRecipientInfo, key: KeyObject): Uint8Array {
  if (ri.keyEncryptionAlgorithm.algorithmId !== OID.rsaesOaep) fail('recipient is not RSA-OAEP');
  const params = new pkijs.RSAESOAEPParams({ schema: ri.keyEncryptionAlgorithm.algorithmParams });
  if (params.hashAlgorithm.algorithmId !== '2.16.840.1.101.3.4.2.1') fail('RSA-OAEP hash is not SHA-256');
  const encrypted = new Uint8Array(ri.encryptedKey.valueBlock.valueHexView);
  return new Uint8Array(
    privateDecrypt({ key, oaepHash: 'sha256', padding: constants.RSA_PKCS1_OAEP_PADDING }, encrypted),
  );
}

/** X9.63 KDF with SHA-256 for one 256-bit block (SEC 1 §3.6.1), SharedInfo = DER ECC-CMS-SharedInfo (RFC 5753 §7.2). */
function kdfSha256(z: Uint8Array, ukm: Uint8Array | undefined): Uint8Array {
  const sharedInfo = new pkijs.ECCCMSSharedInfo({
    keyInfo: new pkijs.AlgorithmIdentifier({ algorithmId: OID.aes256Wrap }),
    ...(ukm ? { entityUInfo: new asn1js.OctetString({ valueHex: toArrayBuffer(ukm) }) } : {}),
    suppPubInfo: new asn1js.OctetString({ valueHex: new Uint8Array([0, 0, 1, 0]).buffer }),
  });
  const info = new Uint8Array(sharedInfo.toSchema().toBER(false));
  return new Uint8Array(
    createHash('sha256')
      .update(z)
      .update(new Uint8Array([0, 0, 0, 1]))
      .update(info)
      .digest(),
  );
}

/**
 * RFC 5753 §3.1.2 ephemeral-static ECDH, dhSinglePass-stdDH-sha256kdf-scheme + AES-256 key wrap. UKM is optional:
 * messages without it (openssl, BouncyCastle) are read too — the case PKI.js cannot (pkijs issue #335).
 */
function unwrapKeyAgree(ri: pkijs.KeyAgreeRecipientInfo, key: KeyObject): Uint8Array {
  if (ri.keyEncryptionAlgorithm.algorithmId !== OID.ecdhStdSha256Kdf) fail('recipient is not ECDH with SHA-256 KDF');
  const wrap = new pkijs.AlgorithmIdentifier({ schema: ri.keyEncryptionAlgorithm.algorithmParams });
  if (wrap.algorithmId !== OID.aes256Wrap) fail('key wrap is not AES-256');
  if (ri.originator.variant !== 3) fail('originator is not an ephemeral public key');
  const originator = ri.originator.value as pkijs.OriginatorPublicKey;
  const point = new Uint8Array(originator.publicKey.valueBlock.valueHexView);
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'P-256' || !jwk.d) fail('escrow key is not an EC P-256 private key');
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(jwk.d!, 'base64url'));
  const z = new Uint8Array(ecdh.computeSecret(point));
  const ukm = ri.ukm ? new Uint8Array(ri.ukm.valueBlock.valueHexView) : undefined;
  const kek = kdfSha256(z, ukm);
  const wrapped = ri.recipientEncryptedKeys.encryptedKeys[0]?.encryptedKey;
  if (!wrapped) fail('no encrypted key');
  // RFC 3394 default IV A6A6…; Node's id-aes256-wrap checks it and throws on a wrong KEK.
  const unwrap = createDecipheriv('id-aes256-wrap', kek, Buffer.from('a6a6a6a6a6a6a6a6', 'hex'));
  return new Uint8Array(
    Buffer.concat([unwrap.update(new Uint8Array(wrapped!.valueBlock.valueHexView)), unwrap.final()]),
  );
}

/** Recovers the content-encryption key from the first recipient info the escrow key opens. */
export function unwrapContentKey(recipientInfosDer: Uint8Array, key: KeyObject): Uint8Array {
  const parsed = asn1js.fromBER(toArrayBuffer(recipientInfosDer));
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.Set)) fail('recipientInfos is not a SET');
  const errors: unknown[] = [];
  for (const node of (parsed.result as asn1js.Set).valueBlock.value) {
    try {
      const ri = new pkijs.RecipientInfo({ schema: node });
      if (ri.variant === 1 && key.asymmetricKeyType === 'rsa')
        return unwrapKeyTrans(ri.value as pkijs.KeyTransRecipientInfo, key);
      if (ri.variant === 2 && key.asymmetricKeyType === 'ec')
        return unwrapKeyAgree(ri.value as pkijs.KeyAgreeRecipientInfo, key);
    } catch (e) {
      errors.push(e);
    }
  }
  return fail('the escrow key opens none of the recipient infos', errors[0]);
}

/** Accepts the escrow key as a Node KeyObject, a PEM string or PKCS#8 DER. */
export function toPrivateKey(key: KeyObject | string | Uint8Array): KeyObject {
  if (typeof key !== 'string' && !(key instanceof Uint8Array)) return key;
  try {
    return typeof key === 'string'
      ? createPrivateKey(key)
      : createPrivateKey({ key: Buffer.from(key), format: 'der', type: 'pkcs8' });
  } catch (cause) {
    return fail('escrow key is not a PEM or PKCS#8 DER private key', cause);
  }
}
