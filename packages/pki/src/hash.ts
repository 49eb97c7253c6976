import { createHash } from 'node:crypto';
import { OID } from './der/oids.js';
import { PkiError } from './errors.js';
import type { HashAlgorithm } from './types.js';

const NODE_NAMES: Record<HashAlgorithm, string> = {
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  SM3: 'sm3',
};

const HASH_OIDS: Record<HashAlgorithm, string> = {
  'SHA-256': OID.sha256,
  'SHA-384': OID.sha384,
  'SHA-512': OID.sha512,
  SM3: OID.sm3,
};

export function digest(algorithm: HashAlgorithm, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash(NODE_NAMES[algorithm]).update(data).digest());
}

export function hashOid(algorithm: HashAlgorithm): string {
  return HASH_OIDS[algorithm];
}

export function hashFromOid(oid: string): HashAlgorithm {
  for (const [name, value] of Object.entries(HASH_OIDS)) if (value === oid) return name as HashAlgorithm;
  throw new PkiError('UNSUPPORTED_ALGORITHM', `unsupported digest algorithm ${oid}`);
}

export function hashLength(algorithm: HashAlgorithm): number {
  return { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64, SM3: 32 }[algorithm];
}
