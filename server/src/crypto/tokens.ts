import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): bearer secrets such as link tokens and device credentials. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 hex — how bearer secrets are stored (a database dump must not yield usable tokens). */
export function sha256Hex(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}
