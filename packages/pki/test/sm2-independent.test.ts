import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDer } from '../src/der/der-codec.js';
import { digest, generateInMemoryKey, OID, signCadesDetached, toPem, verifyCadesDetached } from '../src/index.js';
import { describeSpki } from '../src/signers/spki.js';
import { nobleSm2Verify } from './helpers/noble-sm2-verify.js';
import { openssl, type TempDir, tempDir } from './helpers/openssl.js';
import { createTestPki } from './helpers/test-pki.js';

let dir: TempDir;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

function opensslSm2Verify(data: Uint8Array, signature: Uint8Array, spki: Uint8Array, name: string) {
  const pub = dir.write(`${name}.pub.pem`, toPem(spki, 'PUBLIC KEY'));
  const sig = dir.write(`${name}.sig`, signature);
  const msg = dir.write(`${name}.bin`, data);
  // OpenSSL 3.0 defaults to an empty SM2 ID; the GM/T default must be passed explicitly.
  return openssl(['dgst', '-sm3', '-verify', pub, '-sigopt', 'distid:1234567812345678', '-signature', sig, msg]);
}

describe('SM2 signatures checked by independent implementations', () => {
  it('raw SM2 signatures verify with openssl dgst -sm3 (distid 1234567812345678) and with @noble/curves', async () => {
    for (let i = 0; i < 5; i++) {
      const key = generateInMemoryKey('SM2');
      const data = new TextEncoder().encode(`监护人签名 ${i}`);
      const signature = await key.signer.sign(data);
      expect(opensslSm2Verify(data, signature, key.publicKeyInfo, `raw${i}`).stdout).toContain('Verified OK');
      expect(nobleSm2Verify(data, signature, describeSpki(key.publicKeyInfo).keyBytes)).toBe(true);
      expect(
        nobleSm2Verify(new TextEncoder().encode('other'), signature, describeSpki(key.publicKeyInfo).keyBytes),
      ).toBe(false);
    }
  });

  it('openssl with the empty default ID does not verify: the Z value really uses the GM/T ID', async () => {
    const key = generateInMemoryKey('SM2');
    const data = new TextEncoder().encode('id matters');
    const signature = await key.signer.sign(data);
    const pub = dir.write('noid.pub.pem', toPem(key.publicKeyInfo, 'PUBLIC KEY'));
    const r = openssl([
      'dgst',
      '-sm3',
      '-verify',
      pub,
      '-signature',
      dir.write('noid.sig', signature),
      dir.write('noid.bin', data),
    ]);
    expect(r.stdout).not.toContain('Verified OK');
  });

  it('SM2 CMS: signed attributes verify with @noble/curves and openssl dgst; algorithms are SM3 (.401) and SM2-with-SM3 (.501)', async () => {
    const { pki, dir: pkiDir } = await createTestPki();
    const cred = await pki.issueEventCertificate({ name: '李四', role: 'patient', algorithm: 'SM2' });
    const content = new TextEncoder().encode('SM2 consent');
    const cms = await signCadesDetached({
      content,
      signer: cred.signer,
      certificate: cred.certificate,
      chain: cred.chain,
      timestamp: pki.tsa,
    });
    const ours = await verifyCadesDetached(cms, content, { trustAnchors: [pki.rootCertificate] });
    expect(ours.valid).toBe(true);

    const sd = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parseDer(cms, 'cms') }).content });
    const si = sd.signerInfos[0] as pkijs.SignerInfo;
    expect(si.digestAlgorithm.algorithmId).toBe(OID.sm3);
    expect(si.signatureAlgorithm.algorithmId).toBe(OID.sm2WithSm3);
    const signedAttrs = new Uint8Array(si.signedAttrs?.encodedValue as ArrayBuffer);
    expect(signedAttrs[0]).toBe(0x31);
    const signature = new Uint8Array(si.signature.valueBlock.valueHexView);
    const cert = new pkijs.Certificate({ schema: parseDer(cred.certificate, 'cert') });
    const point = new Uint8Array(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView);
    expect(nobleSm2Verify(signedAttrs, signature, point)).toBe(true);
    const spki = new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER());
    expect(opensslSm2Verify(signedAttrs, signature, spki, 'cms').stdout).toContain('Verified OK');

    // messageDigest is SM3 of the content (Node's SM3, independent of the signer's).
    const md = si.signedAttrs?.attributes.find((a) => a.type === OID.messageDigest)?.values[0];
    expect(Buffer.from((md as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView)).toEqual(
      Buffer.from(digest('SM3', content)),
    );
    const tampered = await verifyCadesDetached(cms, new TextEncoder().encode('SM2 consenT'), {
      trustAnchors: [pki.rootCertificate],
    });
    expect(tampered.errors.map((e) => e.code)).toContain('DIGEST_MISMATCH');
    await cred.destroy();
    pkiDir.remove();
  });
});
