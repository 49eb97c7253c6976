import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { PkiError } from '../errors.js';
import type { KeyAlgorithm } from '../types.js';
import { signatureAlgorithmIdentifier } from './algorithms.js';
import { generateInMemoryKey } from './in-memory-key.js';
import { verifySignature } from './verify-signature.js';

const data = new TextEncoder().encode('知情同意书 consent');
const algorithms: KeyAlgorithm[] = ['ECDSA-P256', 'ECDSA-P384', 'RSA-2048', 'RSA-PSS-2048', 'SM2'];

describe('in-memory keys', () => {
  it.each(algorithms)('%s signs data that verifies with its public key, and not other data', async (alg) => {
    const key = generateInMemoryKey(alg);
    const signature = await key.signer.sign(data);
    const algorithm = signatureAlgorithmIdentifier(alg);
    expect(algorithm).toBeInstanceOf(pkijs.AlgorithmIdentifier);
    expect(verifySignature({ spki: key.publicKeyInfo, algorithm, data, signature })).toBe(true);
    const other = new TextEncoder().encode('tampered');
    expect(verifySignature({ spki: key.publicKeyInfo, algorithm, data: other, signature })).toBe(false);
  });

  it('a destroyed key cannot sign any more', async () => {
    const key = generateInMemoryKey('ECDSA-P256');
    await key.signer.sign(data);
    await key.destroy();
    expect(key.isDestroyed).toBe(true);
    await expect(key.signer.sign(data)).rejects.toMatchObject({ code: 'KEY_DESTROYED' });
    await expect(key.signer.sign(data)).rejects.toBeInstanceOf(PkiError);
  });
});
