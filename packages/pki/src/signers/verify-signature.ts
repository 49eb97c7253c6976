import { constants, createPublicKey, type KeyObject, verify as nodeVerify } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { bytesKey } from '../cache/bytes-key.js';
import { LruCache } from '../cache/lru-cache.js';
import { toDer } from '../der/der-codec.js';
import { oidFromContent, readChildren, readTlv, TAG, tlvContent } from '../der/der-reader.js';
import { OID } from '../der/oids.js';
import { hashFromOid } from '../hash.js';
import type { HashAlgorithm } from '../types.js';
import { sm2Verify } from './sm2.js';
import { isSm2Spki, sm2PublicKeyHexFromSpki } from './spki.js';

const NODE_HASH = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512', SM3: 'sm3' } as const;

const SIGNATURE_HASH: Record<string, HashAlgorithm> = {
  [OID.ecdsaWithSha256]: 'SHA-256',
  [OID.ecdsaWithSha384]: 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
  [OID.sha256WithRsa]: 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
  [OID.sm2WithSm3]: 'SM3',
};

/** RFC 4055 §3.1: the hash in [0] (default SHA-1, which we refuse) and salt in [2] (default 20). */
function readPssParams(params: unknown): { hash: HashAlgorithm; saltLength: number } {
  const p = new pkijs.RSASSAPSSParams({ schema: params as asn1js.Sequence });
  return { hash: hashFromOid(p.hashAlgorithm.algorithmId), saltLength: p.saltLength };
}

export interface SignatureCheck {
  spki: Uint8Array;
  algorithm: pkijs.AlgorithmIdentifier;
  /** Needed when the algorithm names only the key type (CMS rsaEncryption / id-ecPublicKey). */
  digestAlgorithm?: HashAlgorithm;
  data: Uint8Array;
  signature: Uint8Array;
}

type PublicKey = { kind: 'sm2'; publicKeyHex: string } | { kind: 'node'; key: KeyObject };

/** Imported public keys by SPKI digest: createPublicKey and the SM2 test re-parse the SPKI otherwise. */
const keys = new LruCache<string, PublicKey>(1024);

/**
 * SubjectPublicKeyInfo ::= SEQUENCE { algorithm SEQUENCE { OID, parameters }, subjectPublicKey BIT STRING }
 * (RFC 5280 §4.1.2.7): an SM2 key is id-ecPublicKey with the sm2 curve OID (GB/T 35276 §6). Read with
 * the DER reader; PKI.js decides only when the encoding is not strict DER.
 */
function isSm2Key(spki: Uint8Array): boolean {
  const top = readTlv(spki, 0, spki.length);
  const [algorithm] = top?.tag === TAG.sequence ? (readChildren(spki, top) ?? []) : [];
  const ids = algorithm?.tag === TAG.sequence ? readChildren(spki, algorithm) : undefined;
  const [keyType, parameters] = ids ?? [];
  if (keyType?.tag !== TAG.oid) return isSm2Spki(spki);
  const curve = parameters?.tag === TAG.oid ? oidFromContent(tlvContent(spki, parameters)) : undefined;
  return oidFromContent(tlvContent(spki, keyType)) === OID.ecPublicKey && curve === OID.sm2Curve;
}

function importKey(spki: Uint8Array): PublicKey {
  return keys.getOrCompute(bytesKey(spki), () =>
    isSm2Key(spki)
      ? { kind: 'sm2', publicKeyHex: sm2PublicKeyHexFromSpki(spki) }
      : { kind: 'node', key: createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }) },
  );
}

/**
 * Outcomes by digest of everything the outcome depends on (key, algorithm with parameters, digest
 * hint, signed bytes, signature value): verification is a pure function of these, so a hit can only
 * repeat the answer for byte-identical inputs. Certificates, CRLs and OCSP responses of one
 * hierarchy are checked again on every signature otherwise.
 */
const outcomes = new LruCache<string, boolean>(4096);

/** Verifies an X.509/CMS signature value; false for a wrong signature, throws for unsupported algorithms. */
export function verifySignature(check: SignatureCheck): boolean {
  const params = check.algorithm.algorithmParams as asn1js.BaseBlock | undefined;
  const key = bytesKey(
    check.spki,
    check.algorithm.algorithmId,
    params ? toDer(params) : new Uint8Array(0),
    check.digestAlgorithm ?? '',
    check.data,
    check.signature,
  );
  const hit = outcomes.get(key);
  if (hit !== undefined) return hit;
  return outcomes.set(key, verifyUncached(check));
}

function verifyUncached(check: SignatureCheck): boolean {
  const oid = check.algorithm.algorithmId;
  const publicKey = importKey(check.spki);
  if (oid === OID.sm2WithSm3 || publicKey.kind === 'sm2') {
    if (publicKey.kind !== 'sm2') return false;
    return sm2Verify(check.data, check.signature, publicKey.publicKeyHex);
  }
  const { key } = publicKey;
  if (oid === OID.rsassaPss) {
    const { hash, saltLength } = readPssParams(check.algorithm.algorithmParams);
    return nodeVerify(
      NODE_HASH[hash],
      check.data,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength },
      check.signature,
    );
  }
  const hash = SIGNATURE_HASH[oid] ?? check.digestAlgorithm;
  if (!hash) return false;
  return nodeVerify(NODE_HASH[hash], check.data, key, check.signature);
}
