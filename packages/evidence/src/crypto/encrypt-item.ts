import { createCipheriv, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EvidenceError } from '../errors.js';
import { concatBytes } from '../util/bytes.js';
import { derHeader } from '../util/der.js';
import { escrowRecipientOf, type RecipientKind } from './escrow-recipient.js';
import { OID } from './oids.js';

/** One encrypted item: the DER ContentInfo(EnvelopedData) and the digest the manifest records for it. */
export interface EncryptedItem {
  bytes: Uint8Array;
  size: number;
  sha256: string;
  recipient: RecipientKind;
}

/**
 * Lets PKI.js build the recipient info (the part openssl is known to read, STANDARDS.md) while the content never
 * passes through it: AES-CBC "encryption" of PKI.js's dummy content is skipped and its session key captured.
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

/** The DER prefix of the envelope up to the first ciphertext byte, plus the Node cipher for the content. */
async function openEnvelope(escrowCertificate: Uint8Array, plaintextSize: number) {
  const { certificate, kind } = escrowRecipientOf(escrowCertificate);
  const { engine, sessionKey } = capturingEngine();
  // RFC 5652 §6: disableSplit keeps PKI.js from writing constructed (BER) OCTET STRINGs.
  const env = new pkijs.EnvelopedData({ disableSplit: true });
  env.addRecipientByCertificate(
    certificate,
    kind === 'rsa-oaep-sha256' ? { oaepHashAlgorithm: 'SHA-256' } : { kdfAlgorithm: 'SHA-256' },
    undefined,
    engine,
  );
  await env.encrypt({ name: 'AES-CBC', length: 256 } as AesKeyGenParams, new ArrayBuffer(0), engine);
  const key = new Uint8Array(await engine.exportKey('raw', sessionKey()));
  const algorithm = env.encryptedContentInfo.contentEncryptionAlgorithm;
  const iv = new Uint8Array((algorithm.algorithmParams as asn1js.OctetString).valueBlock.valueHexView);

  // AES-CBC with PKCS#7 padding always adds 1..16 bytes (RFC 5652 §6.3).
  const cipherLength = (Math.floor(plaintextSize / 16) + 1) * 16;
  // RFC 5652 §6.1: version 0 when every recipient is a v0 KeyTransRecipientInfo, else 2.
  const version = new asn1js.Integer({ value: kind === 'rsa-oaep-sha256' ? 0 : 2 }).toBER();
  const recipientInfos = new asn1js.Set({ value: env.recipientInfos.map((r) => r.toSchema()) }).toBER();
  const eciHead = concatBytes([
    new Uint8Array(new asn1js.ObjectIdentifier({ value: OID.data }).toBER()),
    new Uint8Array(algorithm.toSchema().toBER()),
    derHeader(0x80, cipherLength), // [0] IMPLICIT encryptedContent, primitive
  ]);
  const eci = concatBytes([derHeader(0x30, eciHead.byteLength + cipherLength), eciHead]);
  const envHead = concatBytes([new Uint8Array(version), new Uint8Array(recipientInfos), eci]);
  const envelope = concatBytes([derHeader(0x30, envHead.byteLength + cipherLength), envHead]);
  const explicit = concatBytes([derHeader(0xa0, envelope.byteLength + cipherLength), envelope]);
  const oid = new Uint8Array(new asn1js.ObjectIdentifier({ value: OID.envelopedData }).toBER());
  const prefix = concatBytes([derHeader(0x30, oid.byteLength + explicit.byteLength + cipherLength), oid, explicit]);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  key.fill(0);
  return { prefix, cipher, kind, totalSize: prefix.byteLength + cipherLength };
}

/**
 * Streams plaintext chunks into a DER ContentInfo(EnvelopedData) AES-256-CBC envelope for the escrow certificate
 * (RSA-OAEP-SHA-256 or ECDH P-256 + AES-256 key wrap). Memory stays flat: only the recipient info is built in memory.
 * `plaintextSize` must be known up front because DER lengths precede the content.
 */
export async function* encryptItemStream(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  plaintextSize: number,
  escrowCertificate: Uint8Array,
): AsyncGenerator<Uint8Array> {
  const { prefix, cipher } = await openEnvelope(escrowCertificate, plaintextSize);
  yield prefix;
  let seen = 0;
  for await (const chunk of chunks) {
    seen += chunk.byteLength;
    if (seen > plaintextSize) break;
    const out = cipher.update(chunk);
    if (out.byteLength > 0) yield new Uint8Array(out);
  }
  if (seen !== plaintextSize) {
    throw new EvidenceError('ENCRYPTION_FAILED', `item has ${seen}+ bytes, ${plaintextSize} were announced`);
  }
  yield new Uint8Array(cipher.final());
}

/** Encrypts one in-memory item; also returns the digest of the envelope the manifest records. */
export async function encryptItem(plaintext: Uint8Array, escrowCertificate: Uint8Array): Promise<EncryptedItem> {
  const { kind } = escrowRecipientOf(escrowCertificate);
  const parts: Uint8Array[] = [];
  const hash = createHash('sha256');
  for await (const part of encryptItemStream([plaintext], plaintext.byteLength, escrowCertificate)) {
    parts.push(part);
    hash.update(part);
  }
  const bytes = concatBytes(parts);
  return { bytes, size: bytes.byteLength, sha256: hash.digest('hex'), recipient: kind };
}
