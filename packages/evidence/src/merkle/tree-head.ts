import { constants, createPublicKey, type KeyObject, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import type { CmsSigner, TimestampClient } from '@inkproof/pki';
import { z } from 'zod';
import { EvidenceError } from '../errors.js';
import { bytesEqual, fromBase64, sha256, toBase64 } from '../util/bytes.js';
import { ZCanonicalBase64 } from '../util/canonical-base64.js';

/** A log key: a pki signer (ECDSA/RSA; DER ECDSA signatures) or a Node private KeyObject. */
export type LogSigner = CmsSigner | KeyObject;
/** A log verification key: Node public KeyObject, or SPKI DER. */
export type LogPublicKey = KeyObject | Uint8Array;

export const TREE_HEAD_VERSION = 1;
export const LOG_SIGNATURE_ALGORITHMS = ['ECDSA-P256', 'ECDSA-P384', 'RSA-2048', 'RSA-PSS-2048', 'Ed25519'] as const;
export type LogSignatureAlgorithm = (typeof LOG_SIGNATURE_ALGORITHMS)[number];

/** Wire form of a signed tree head as stored in `seal/log.json` and served by the log endpoints. */
export const ZSignedTreeHeadSchema = z.strictObject({
  version: z.literal(TREE_HEAD_VERSION),
  /** base64 SHA-256 of the log key's SubjectPublicKeyInfo (RFC 6962 §3.2 LogID). */
  logId: ZCanonicalBase64,
  treeSize: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  rootHash: ZCanonicalBase64,
  /** Milliseconds since the epoch, as RFC 9162 §4.9 TreeHeadDataV2.timestamp. */
  timestamp: z.number().int().nonnegative(),
  signatureAlgorithm: z.enum(LOG_SIGNATURE_ALGORITHMS),
  signature: ZCanonicalBase64,
  /** RFC 3161 TimeStampToken (DER, base64) over SHA-256(signature): anchors the head outside the log's own clock. */
  timestampToken: ZCanonicalBase64.optional(),
});
export type TSignedTreeHead = z.infer<typeof ZSignedTreeHeadSchema>;

function u64(n: number): Uint8Array {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, BigInt(n));
  return b;
}

/**
 * The signed bytes: RFC 9162 §4.9 TreeHeadDataV2 in TLS presentation encoding —
 * uint64 timestamp, uint64 tree_size, opaque root_hash<32..2^8-1>, Extension sth_extensions<0..2^16-1> (empty).
 */
export function encodeTreeHeadData(treeSize: number, rootHash: Uint8Array, timestamp: number): Uint8Array {
  const out = new Uint8Array(8 + 8 + 1 + rootHash.byteLength + 2);
  out.set(u64(timestamp), 0);
  out.set(u64(treeSize), 8);
  out[16] = rootHash.byteLength;
  out.set(rootHash, 17);
  return out;
}

function publicKeyOf(key: LogPublicKey): KeyObject {
  return key instanceof Uint8Array ? createPublicKey({ key: Buffer.from(key), format: 'der', type: 'spki' }) : key;
}

export function logIdOf(key: LogPublicKey): Uint8Array {
  return sha256(new Uint8Array(publicKeyOf(key).export({ type: 'spki', format: 'der' })));
}

function isKeyObject(s: LogSigner): s is KeyObject {
  return typeof (s as KeyObject).asymmetricKeyType === 'string' || (s as KeyObject).type === 'private';
}

async function signWith(
  signer: LogSigner,
  data: Uint8Array,
): Promise<{ algorithm: LogSignatureAlgorithm; signature: Uint8Array }> {
  if (!isKeyObject(signer)) {
    if (signer.algorithm === 'SM2') throw new EvidenceError('STH_INVALID', 'SM2 log keys are not supported yet');
    return { algorithm: signer.algorithm, signature: await signer.sign(data) };
  }
  const kind = signer.asymmetricKeyType;
  const curve = signer.asymmetricKeyDetails?.namedCurve;
  const algorithm =
    kind === 'ed25519' ? 'Ed25519' : kind === 'rsa' ? 'RSA-2048' : curve === 'secp384r1' ? 'ECDSA-P384' : 'ECDSA-P256';
  const hash = kind === 'ed25519' ? null : algorithm === 'ECDSA-P384' ? 'sha384' : 'sha256';
  return { algorithm, signature: new Uint8Array(nodeSign(hash, data, signer)) };
}

export async function signTreeHead(opts: {
  treeSize: number;
  rootHash: Uint8Array;
  signer: LogSigner;
  publicKey: LogPublicKey;
  tsa?: TimestampClient;
  clock?: () => Date;
}): Promise<TSignedTreeHead> {
  const timestamp = (opts.clock ?? (() => new Date()))().getTime();
  const { algorithm, signature } = await signWith(
    opts.signer,
    encodeTreeHeadData(opts.treeSize, opts.rootHash, timestamp),
  );
  const head: TSignedTreeHead = {
    version: TREE_HEAD_VERSION,
    logId: toBase64(logIdOf(opts.publicKey)),
    treeSize: opts.treeSize,
    rootHash: toBase64(opts.rootHash),
    timestamp,
    signatureAlgorithm: algorithm,
    signature: toBase64(signature),
  };
  if (opts.tsa) head.timestampToken = toBase64(await opts.tsa.timestamp(sha256(signature), 'SHA-256'));
  return head;
}

/** Parses untrusted JSON into a tree head; STH_INVALID lists every failing field. */
export function parseTreeHead(value: unknown): TSignedTreeHead {
  const r = ZSignedTreeHeadSchema.safeParse(value);
  if (!r.success) {
    const details = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new EvidenceError('STH_INVALID', 'signed tree head is malformed', { details });
  }
  return r.data;
}

/** The key type each algorithm needs: a head cannot claim another algorithm than its key's. */
function keyMatches(key: KeyObject, algorithm: LogSignatureAlgorithm): boolean {
  const type = key.asymmetricKeyType;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (algorithm === 'Ed25519') return type === 'ed25519';
  if (algorithm === 'ECDSA-P256') return type === 'ec' && curve === 'prime256v1';
  if (algorithm === 'ECDSA-P384') return type === 'ec' && curve === 'secp384r1';
  return type === 'rsa';
}

function verifySignatureBytes(
  key: KeyObject,
  algorithm: LogSignatureAlgorithm,
  data: Uint8Array,
  sig: Uint8Array,
): boolean {
  if (!keyMatches(key, algorithm)) return false;
  try {
    if (algorithm === 'Ed25519') return nodeVerify(null, data, key, sig);
    const hash = algorithm === 'ECDSA-P384' ? 'sha384' : 'sha256';
    if (algorithm === 'RSA-PSS-2048')
      return nodeVerify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig);
    return nodeVerify(hash, data, key, sig);
  } catch {
    return false;
  }
}

/** Checks the log id and signature of a tree head (RFC 9162 §4.10 step "verify the STH signature"). */
export function verifyTreeHeadSignature(head: TSignedTreeHead, publicKey: LogPublicKey): void {
  const key = publicKeyOf(publicKey);
  if (!bytesEqual(fromBase64(head.logId), logIdOf(key))) {
    throw new EvidenceError('STH_SIGNATURE_INVALID', 'tree head was not issued by this log key');
  }
  const data = encodeTreeHeadData(head.treeSize, fromBase64(head.rootHash), head.timestamp);
  if (!verifySignatureBytes(key, head.signatureAlgorithm, data, fromBase64(head.signature))) {
    throw new EvidenceError('STH_SIGNATURE_INVALID', 'tree head signature does not verify');
  }
}

/** The message imprint an STH's RFC 3161 token must carry. */
export function treeHeadTimestampImprint(head: TSignedTreeHead): Uint8Array {
  return sha256(fromBase64(head.signature));
}
