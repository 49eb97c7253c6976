import { describe, expect, it } from 'vitest';
import { isDataError } from '../db/data-error';
import { createFieldCipher, FIELD_CONTEXTS } from './field-cipher';
import { parseFieldKeys } from './parse-field-keys';

const K1 = 'k1-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const K2 = 'k2-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const PEPPER = 'pepper-0123456789abcdefghijklmnopqrstuvwxyz';
const ID = '11010519491231002X';
const CTX = FIELD_CONTEXTS.patientIdNumber;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isDataError(error) ? error.code : 'OTHER';
  }
  return undefined;
}

describe('field cipher', () => {
  const cipher = createFieldCipher({ keys: { k1: K1 }, currentKeyId: 'k1', pepper: PEPPER });

  it('produces a different ciphertext per call that decrypts to the plaintext', () => {
    const a = cipher.encrypt(ID, CTX);
    const b = cipher.encrypt(ID, CTX);
    expect(a).not.toBe(b);
    expect(a).not.toContain(ID);
    expect(a.startsWith('ef1.k1.')).toBe(true);
    expect(cipher.decrypt(a, CTX)).toBe(ID);
    expect(cipher.decrypt(b, CTX)).toBe(ID);
    expect(cipher.decrypt(cipher.encrypt('张三 13800000000', CTX), CTX)).toBe('张三 13800000000');
  });

  it('rejects a tampered ciphertext, a wrong context and garbage', () => {
    const ciphertext = cipher.encrypt(ID, CTX);
    const [f, id, iv, body] = ciphertext.split('.');
    const bytes = Buffer.from(body!, 'base64url');
    bytes[0]! ^= 1;
    expect(codeOf(() => cipher.decrypt([f, id, iv, bytes.toString('base64url')].join('.'), CTX))).toBe(
      'CIPHERTEXT_INVALID',
    );
    expect(codeOf(() => cipher.decrypt(ciphertext, FIELD_CONTEXTS.patientPhone))).toBe('CIPHERTEXT_INVALID');
    expect(codeOf(() => cipher.decrypt('ef1.k1.short.x', CTX))).toBe('CIPHERTEXT_INVALID');
    expect(codeOf(() => cipher.decrypt(ID, CTX))).toBe('CIPHERTEXT_INVALID');
  });

  it('gives a stable lookup hash that depends on the pepper and context', () => {
    const again = createFieldCipher({ keys: { k2: K2 }, currentKeyId: 'k2', pepper: PEPPER });
    expect(cipher.lookupHash(ID, CTX)).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.lookupHash(ID, CTX)).toBe(again.lookupHash(ID, CTX));
    expect(cipher.lookupHash(ID, CTX)).not.toBe(cipher.lookupHash(ID, FIELD_CONTEXTS.signerPhone));
    const otherPepper = createFieldCipher({ keys: { k1: K1 }, currentKeyId: 'k1', pepper: `${PEPPER}!` });
    expect(otherPepper.lookupHash(ID, CTX)).not.toBe(cipher.lookupHash(ID, CTX));
  });

  it('rotates keys: old ciphertexts decrypt under the ring, new ones use the current key', () => {
    const old = cipher.encrypt(ID, CTX);
    const rotated = createFieldCipher({ ...parseFieldKeys(`k2:${K2},k1:${K1}`), pepper: PEPPER });
    expect(rotated.currentKeyId).toBe('k2');
    expect(rotated.decrypt(old, CTX)).toBe(ID);
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.keyIdOf(rotated.encrypt(ID, CTX))).toBe('k2');
    const withoutK1 = createFieldCipher({ keys: { k2: K2 }, currentKeyId: 'k2', pepper: PEPPER });
    expect(codeOf(() => withoutK1.decrypt(old, CTX))).toBe('CIPHER_KEY_UNKNOWN');
  });

  it('refuses weak or inconsistent configuration', () => {
    expect(codeOf(() => createFieldCipher({ keys: { k1: 'short' }, currentKeyId: 'k1', pepper: PEPPER }))).toBe(
      'CIPHER_CONFIG_INVALID',
    );
    expect(codeOf(() => createFieldCipher({ keys: { k1: K1 }, currentKeyId: 'k9', pepper: PEPPER }))).toBe(
      'CIPHER_CONFIG_INVALID',
    );
    expect(codeOf(() => createFieldCipher({ keys: { k1: K1 }, currentKeyId: 'k1', pepper: K1 }))).toBe(
      'CIPHER_CONFIG_INVALID',
    );
    expect(codeOf(() => parseFieldKeys('nocolon'))).toBe('CIPHER_CONFIG_INVALID');
  });
});
