import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, FIELD_CONTEXTS } from './field-cipher';

// Re-implements the documented format with WebCrypto only (HKDF RFC 5869 → AES-256-GCM / HMAC-SHA-256), so the
// stored ciphertexts stay readable by any other tool that follows the description in field-cipher.ts.
const { subtle } = webcrypto;
const enc = new TextEncoder();
const SECRET = 'k1-secret-0123456789abcdefghijklmnopqrstuvwxyz';
const PEPPER = 'pepper-0123456789abcdefghijklmnopqrstuvwxyz';

async function hkdf(secret: string, info: string, usage: AesKeyAlgorithm | HmacImportParams, uses: KeyUsage[]) {
  const ikm = await subtle.importKey('raw', enc.encode(secret), 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: enc.encode('inkproof field-encryption v1'), info: enc.encode(info) },
    ikm,
    usage,
    false,
    uses,
  );
}

describe('field cipher format', () => {
  const cipher = createFieldCipher({ keys: { k1: SECRET }, currentKeyId: 'k1', pepper: PEPPER });

  it('decrypts with an independent WebCrypto implementation of the documented format', async () => {
    const context = FIELD_CONTEXTS.patientIdNumber;
    const [format, kid, iv, body] = cipher.encrypt('11010519491231002X', context).split('.');
    expect(format).toBe('ef1');
    const key = await hkdf(SECRET, `aes-256-gcm:${kid}`, { name: 'AES-GCM', length: 256 }, ['decrypt']);
    const plain = await subtle.decrypt(
      { name: 'AES-GCM', iv: Buffer.from(iv!, 'base64url'), additionalData: enc.encode(`ef1|${kid}|${context}`) },
      key,
      Buffer.from(body!, 'base64url'),
    );
    expect(new TextDecoder().decode(plain)).toBe('11010519491231002X');
  });

  it('computes the lookup hash as HMAC-SHA-256(HKDF(pepper), context NUL value)', async () => {
    const context = FIELD_CONTEXTS.patientIdNumber;
    const key = await hkdf(PEPPER, 'lookup-hmac-sha256', { name: 'HMAC', hash: 'SHA-256', length: 256 }, ['sign']);
    const mac = await subtle.sign('HMAC', key, enc.encode(`${context}\u0000110105194912310021`));
    expect(cipher.lookupHash('110105194912310021', context)).toBe(Buffer.from(mac).toString('hex'));
  });
});
