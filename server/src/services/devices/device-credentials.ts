import { randomInt } from 'node:crypto';
import { randomToken } from '../../crypto/tokens';

// Crockford-style alphabet without 0/O/1/I/L so a nurse can type the code from the screen without mistakes.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An 8-character enrollment code shown as `XXXX-XXXX` (≈ 40 bits; single use, expires in hours). */
export function newEnrollmentCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function normaliseEnrollmentCode(input: string): string {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** A 256-bit device credential; only its SHA-256 is stored. */
export function newDeviceCredential(): string {
  return `dev_${randomToken()}`;
}
