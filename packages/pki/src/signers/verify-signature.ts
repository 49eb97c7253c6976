import { constants, createPublicKey, verify as nodeVerify } from 'node:crypto';
import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
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

/** Verifies an X.509/CMS signature value; false for a wrong signature, throws for unsupported algorithms. */
export function verifySignature(check: SignatureCheck): boolean {
  const oid = check.algorithm.algorithmId;
  if (oid === OID.sm2WithSm3 || isSm2Spki(check.spki)) {
    return sm2Verify(check.data, check.signature, sm2PublicKeyHexFromSpki(check.spki));
  }
  const key = createPublicKey({ key: Buffer.from(check.spki), format: 'der', type: 'spki' });
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
