import { verify } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBuiltinPki,
  createPkcs11Keystore,
  type Keystore,
  signCadesDetached,
  toPem,
  verifyCadesDetached,
} from '../src/index.js';
import { epochSeconds, openssl } from './helpers/openssl.js';
import { createSoftHsm, SOFTHSM_MODULE, type SoftHsm } from './helpers/softhsm.js';

const require = createRequire(import.meta.url);
const available = (() => {
  try {
    require('pkcs11js');
    return SOFTHSM_MODULE !== undefined;
  } catch {
    return false;
  }
})();

describe.skipIf(!available)('PKCS#11 keystore on SoftHSM2 (private SOFTHSM2_CONF, token by label)', () => {
  let hsm: SoftHsm;
  let keystore: Keystore;
  const open = () => createPkcs11Keystore({ modulePath: hsm.modulePath, tokenLabel: hsm.tokenLabel, pin: hsm.pin });

  beforeAll(() => {
    hsm = createSoftHsm();
    keystore = open();
  });
  afterAll(async () => {
    await keystore.close();
    hsm.dir.remove();
  });

  it.each(['ECDSA-P256', 'ECDSA-P384', 'RSA-2048', 'RSA-PSS-2048'] as const)(
    '%s: the token signs, Node verifies',
    async (alg) => {
      const key = await keystore.generateEphemeralKey(alg);
      const data = Buffer.from('in the HSM');
      const sig = await key.signer.sign(data);
      const pub = { key: Buffer.from(key.publicKeyInfo), format: 'der' as const, type: 'spki' as const };
      const hash = alg === 'ECDSA-P384' ? 'sha384' : 'sha256';
      const ok =
        alg === 'RSA-PSS-2048'
          ? verify(hash, data, { ...pub, padding: 6, saltLength: 32 }, sig)
          : verify(hash, data, pub, sig);
      expect(ok).toBe(true);
      await key.destroy();
    },
  );

  it('per-signing keys are non-extractable session objects, and destroy() removes them from the token', async () => {
    const lib = require('pkcs11js');
    const key = await keystore.generateEphemeralKey('ECDSA-P256');
    await key.signer.sign(Buffer.from('once'));
    // Inspect with an independent session: the object exists as a sensitive, non-extractable session key.
    const inspector = new lib.PKCS11();
    inspector.load(hsm.modulePath);
    const slot = inspector
      .C_GetSlotList(true)
      .find((s: Buffer) => inspector.C_GetTokenInfo(s).label.trim() === hsm.tokenLabel);
    const session = inspector.C_OpenSession(slot, lib.CKF_SERIAL_SESSION);
    const privateKeys = () => {
      inspector.C_FindObjectsInit(session, [
        { type: lib.CKA_CLASS, value: lib.CKO_PRIVATE_KEY },
        { type: lib.CKA_TOKEN, value: false },
      ]);
      const found = inspector.C_FindObjects(session, 10);
      inspector.C_FindObjectsFinal(session);
      return found as Buffer[];
    };
    const before = privateKeys();
    expect(before.length).toBeGreaterThan(0);
    const attrs = inspector.C_GetAttributeValue(session, before[0], [
      { type: lib.CKA_EXTRACTABLE },
      { type: lib.CKA_SENSITIVE },
      { type: lib.CKA_TOKEN },
    ]);
    expect(attrs.map((a: { value: Buffer }) => a.value[0])).toEqual([0, 1, 0]);
    await key.destroy();
    expect(privateKeys()).toHaveLength(before.length - 1);
    await expect(key.signer.sign(Buffer.from('twice'))).rejects.toMatchObject({ code: 'KEY_DESTROYED' });
    inspector.C_CloseSession(session);
  });

  it('long-term keys persist in the token and are found again by label', async () => {
    const a = await keystore.loadOrCreateKey('evidence-seal', 'ECDSA-P256');
    const other = open();
    const b = await other.loadOrCreateKey('evidence-seal', 'ECDSA-P256');
    expect(Buffer.compare(a.publicKeyInfo, b.publicKeyInfo)).toBe(0);
    await other.close();
  });

  it('selects the token by label and reports a missing one', () => {
    expect(() =>
      createPkcs11Keystore({ modulePath: hsm.modulePath, tokenLabel: 'no-such-token', pin: hsm.pin }),
    ).toThrow(expect.objectContaining({ code: 'PKCS11_TOKEN_NOT_FOUND' }));
    expect(() =>
      createPkcs11Keystore({ modulePath: hsm.modulePath, tokenLabel: hsm.tokenLabel, pin: '000000' }),
    ).toThrow(expect.objectContaining({ code: 'BAD_PASSPHRASE' }));
  });

  it('runs the whole built-in PKI on HSM keys; openssl verifies the CMS', async () => {
    const pki = await createBuiltinPki({ dir: hsm.dir.file('pki'), keystore });
    const cred = await pki.issueEventCertificate({ name: '赵六', role: 'doctor' });
    const content = Buffer.from('consent signed with an HSM key');
    const cms = await signCadesDetached({
      content,
      signer: cred.signer,
      certificate: cred.certificate,
      chain: cred.chain,
      timestamp: pki.tsa,
    });
    await cred.destroy();
    const v = await verifyCadesDetached(cms, content, {
      trustAnchors: [pki.rootCertificate],
      revocation: await pki.revocationData([cred.certificate, ...cred.chain]),
    });
    expect(v.errors).toEqual([]);
    const r = openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      hsm.dir.write('h.p7s', cms),
      '-content',
      hsm.dir.write('h.bin', content),
      '-CAfile',
      hsm.dir.write('root.pem', pki.rootPem),
      '-purpose',
      'any',
      '-attime',
      epochSeconds(v.signatureTimestamp?.genTime as Date),
      '-out',
      '/dev/null',
    ]);
    expect(r.stderr).toContain('CMS Verification successful');
    expect(toPem(pki.rootCertificate)).toBe(pki.rootPem);
  });
});
