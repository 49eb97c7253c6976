import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDer } from '../src/der/der-codec.js';
import {
  createCertificationRequest,
  createFileKeystore,
  type ExternalCaAdapter,
  generateInMemoryKey,
  issueEventCredential,
  type KeyHandle,
  type Keystore,
  OID,
} from '../src/index.js';
import { createTestPki } from './helpers/test-pki.js';

let ctx: Awaited<ReturnType<typeof createTestPki>>;
beforeAll(async () => {
  ctx = await createTestPki();
});
afterAll(() => ctx.dir.remove());

const cnOf = (der: Uint8Array) =>
  new pkijs.Certificate({ schema: parseDer(der, 'cert') }).subject.typesAndValues.find((t) => t.type === OID.commonName)
    ?.value.valueBlock.value;

describe('external CA adapter contract (built-in Event CA as the implementation)', () => {
  it('takes the subject from the claims, not from the CSR', async () => {
    const key = generateInMemoryKey('ECDSA-P256');
    const csr = await createCertificationRequest(key, 'Mallory (doctor)');
    const issued = await ctx.pki.eventCa.issueFromCsr(csr, { name: '陈七', role: 'patient' });
    expect(cnOf(issued.certificate)).toBe('陈七 (patient)');
    expect(issued.chain).toHaveLength(2);
    expect(await ctx.pki.eventCa.trustAnchors()).toEqual([ctx.pki.rootCertificate]);
  });

  it('rejects a CSR whose proof of possession does not verify', async () => {
    const csr = await createCertificationRequest(generateInMemoryKey('ECDSA-P256'), 'x');
    const broken = Uint8Array.from(csr);
    broken[broken.length - 5] = (broken[broken.length - 5] ?? 0) ^ 0xff;
    await expect(ctx.pki.eventCa.issueFromCsr(broken, { name: 'x', role: 'patient' })).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
    });
  });

  it('issueEventCredential works with any adapter and destroys the key when the CA fails', async () => {
    const keystore = createFileKeystore({ dir: ctx.dir.file('ks'), passphrase: 'adapter passphrase' });
    let seenCsr: Uint8Array | undefined;
    const failing: ExternalCaAdapter = {
      async issueFromCsr(csr) {
        seenCsr = csr;
        throw new Error('licensed CA offline');
      },
      trustAnchors: async () => [],
    };
    const generated: KeyHandle[] = [];
    const spy: Keystore = {
      ...keystore,
      async generateEphemeralKey(algorithm) {
        const key = await keystore.generateEphemeralKey(algorithm);
        generated.push(key);
        return key;
      },
    };
    await expect(issueEventCredential(spy, failing, { name: 'y', role: 'patient' })).rejects.toThrow(
      'licensed CA offline',
    );
    expect(seenCsr?.length).toBeGreaterThan(100);
    expect(generated.map((k) => k.isDestroyed)).toEqual([true]);
    const cred = await issueEventCredential(keystore, ctx.pki.eventCa, { name: 'z', role: 'witness' }, 'SM2');
    expect(cred.signer.algorithm).toBe('SM2');
    await cred.destroy();
    await expect(cred.signer.sign(new Uint8Array([1]))).rejects.toMatchObject({ code: 'KEY_DESTROYED' });
  });
});
