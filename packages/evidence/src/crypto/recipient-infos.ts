import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EvidenceError } from '../errors.js';
import { escrowRecipientOf, type RecipientKind } from './escrow-recipient.js';

/**
 * Lets PKI.js build the recipient info (the part openssl is known to read, STANDARDS.md) while the content never
 * passes through it: its AES "encryption" of a dummy content is skipped and the session key captured.
 */
function capturingEngine(): { engine: pkijs.ICryptoEngine; sessionKey: () => CryptoKey } {
  const base = pkijs.getCrypto(true);
  let captured: CryptoKey | undefined;
  const engine = Object.create(base) as pkijs.ICryptoEngine;
  engine.generateKey = (async (alg: AlgorithmIdentifier, extractable: boolean, usages: KeyUsage[]) => {
    const key = await base.generateKey(alg as AesKeyGenParams, extractable, usages);
    if ((alg as AesKeyGenParams).name === 'AES-CBC') captured = key as CryptoKey;
    return key;
  }) as pkijs.ICryptoEngine['generateKey'];
  engine.encrypt = (async (alg: AlgorithmIdentifier, key: CryptoKey, data: BufferSource) =>
    (alg as { name?: string }).name === 'AES-CBC'
      ? new ArrayBuffer(0)
      : base.encrypt(alg as RsaOaepParams, key, data)) as pkijs.ICryptoEngine['encrypt'];
  return {
    engine,
    sessionKey: () => {
      if (!captured) throw new EvidenceError('ENCRYPTION_FAILED', 'no content-encryption key was generated');
      return captured;
    },
  };
}

export interface RecipientInfos {
  kind: RecipientKind;
  /** DER `SET OF RecipientInfo`. */
  der: Uint8Array;
  /** The fresh 256-bit content-encryption key the recipient info wraps. */
  contentKey: Uint8Array;
  /** A fresh 16-byte CBC IV (only the first 12 bytes are used as a GCM nonce). */
  iv: Uint8Array;
}

/** RecipientInfos for the escrow certificate: RSA-OAEP-SHA-256 (RFC 8017/3560) or ECDH P-256 + AES-256 wrap. */
export async function buildRecipientInfos(escrowCertificate: Uint8Array): Promise<RecipientInfos> {
  const { certificate, kind } = escrowRecipientOf(escrowCertificate);
  const { engine, sessionKey } = capturingEngine();
  const env = new pkijs.EnvelopedData({ disableSplit: true });
  env.addRecipientByCertificate(
    certificate,
    kind === 'rsa-oaep-sha256' ? { oaepHashAlgorithm: 'SHA-256' } : { kdfAlgorithm: 'SHA-256' },
    undefined,
    engine,
  );
  await env.encrypt({ name: 'AES-CBC', length: 256 } as AesKeyGenParams, new ArrayBuffer(0), engine);
  const contentKey = new Uint8Array(await engine.exportKey('raw', sessionKey()));
  const der = new Uint8Array(new asn1js.Set({ value: env.recipientInfos.map((r) => r.toSchema()) }).toBER());
  return { kind, der, contentKey, iv: new Uint8Array(randomBytes(16)) };
}
