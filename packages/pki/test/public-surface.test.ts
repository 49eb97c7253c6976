import { describe, expect, it } from 'vitest';
import * as pki from '../src/index.js';

describe('public surface of @inkproof/pki', () => {
  it('exports exactly these runtime names (others code against them)', () => {
    expect(Object.keys(pki).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_PUBLIC_BASE_URL",
        "OID",
        "PkiError",
        "SM2_DEFAULT_USER_ID",
        "buildChain",
        "buildTimestampRequest",
        "checkRevocation",
        "createBuiltinPki",
        "createCertificationRequest",
        "createFileKeystore",
        "createPkcs11Keystore",
        "createPkiHttpHandler",
        "createTimestampClient",
        "createTsaHttpHandler",
        "digest",
        "digestAlgorithmFor",
        "fromPem",
        "generateInMemoryKey",
        "isPkiError",
        "issueEventCredential",
        "pkiUrls",
        "readEvidenceDigest",
        "readTstInfo",
        "respondToTimestampRequest",
        "signCadesDetached",
        "toPem",
        "tokenFromResponse",
        "verifyCadesDetached",
        "verifyCertificationRequest",
        "verifyTimestampToken",
      ]
    `);
  });

  it('contract functions exist with their documented arity', () => {
    expect(pki.createBuiltinPki.length).toBe(1);
    expect(pki.signCadesDetached.length).toBe(1);
    expect(pki.verifyCadesDetached.length).toBe(3);
    expect(pki.verifyTimestampToken.length).toBe(3);
    expect(new pki.PkiError('TSA_UNAVAILABLE').code).toBe('TSA_UNAVAILABLE');
  });
});
