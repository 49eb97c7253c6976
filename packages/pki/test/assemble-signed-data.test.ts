import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../src/ca/parse-certificate.js';
import { buildSignedData } from '../src/cms/build-signed-data.js';
import { contentTypeAttribute, messageDigestAttribute, sortedSignedAttributes } from '../src/cms/signed-attributes.js';
import { OID } from '../src/der/oids.js';
import { type CmsSigner, digest, signCadesDetached, verifyCadesDetached } from '../src/index.js';
import { digestAlgorithmIdentifier, signatureAlgorithmIdentifier } from '../src/signers/algorithms.js';
import { createTestPki } from './helpers/test-pki.js';

/**
 * SignedData is encoded by PKI.js without certificates and unsigned attributes, which are then added
 * as raw bytes. The result must be byte-identical to PKI.js encoding everything itself.
 */
let ctx: Awaited<ReturnType<typeof createTestPki>>;
beforeAll(async () => {
  ctx = await createTestPki();
});
afterAll(async () => {
  await ctx.pki.close();
  ctx.dir.remove();
});

const fixedSigner: CmsSigner = { algorithm: 'ECDSA-P256', sign: async () => new Uint8Array(70).fill(0x42) };

/** The whole structure through PKI.js, as the builder did before. */
function viaPkijs(certificate: Uint8Array, chain: Uint8Array[], md: Uint8Array, token?: Uint8Array): Uint8Array {
  const cert = parseCertificate(certificate);
  const signedAttrs = sortedSignedAttributes([contentTypeAttribute(OID.data), messageDigestAttribute(md)]);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: digestAlgorithmIdentifier('SHA-256'),
    signedAttrs,
    signatureAlgorithm: signatureAlgorithmIdentifier('ECDSA-P256'),
    signature: new asn1js.OctetString({ valueHex: new Uint8Array(70).fill(0x42).buffer }),
  });
  if (token) {
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [asn1js.fromBER(token).result] })],
    });
  }
  const sd = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [digestAlgorithmIdentifier('SHA-256')],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [certificate, ...chain].map(parseCertificate),
    signerInfos: [signerInfo],
  });
  return new Uint8Array(
    new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) }).toSchema().toBER(),
  );
}

describe('assembleSignedData', () => {
  it('gives the bytes PKI.js gives, with and without an unsigned token attribute', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'Assemble', role: 'patient' });
    const md = digest('SHA-256', new Uint8Array([1, 2, 3]));
    const token = await ctx.pki.tsa.timestamp(digest('SHA-256', new Uint8Array([4])));
    for (const withToken of [false, true]) {
      const ours = await buildSignedData({
        eContentType: OID.data,
        signer: fixedSigner,
        certificate: cred.certificate,
        certificates: [cred.certificate, ...cred.chain],
        signedAttributes: [contentTypeAttribute(OID.data), messageDigestAttribute(md)],
        ...(withToken
          ? { unsignedAttributes: async () => [{ type: OID.signatureTimeStampToken, values: [token] }] }
          : {}),
      });
      expect(
        Buffer.from(ours).equals(
          Buffer.from(viaPkijs(cred.certificate, cred.chain, md, withToken ? token : undefined)),
        ),
      ).toBe(true);
    }
  });

  it('signatures made through it verify, and a TSA answering garbage is refused with INVALID_DER', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'Assemble', role: 'patient' });
    const md = new Uint8Array(32).fill(9);
    const cms = await signCadesDetached({
      digest: md,
      signer: cred.signer,
      certificate: cred.certificate,
      chain: cred.chain,
      timestamp: ctx.pki.tsa,
    });
    const v = await verifyCadesDetached(cms, { digest: md }, { trustAnchors: [ctx.pki.rootCertificate] });
    expect(v.valid).toBe(true);
    expect(v.signatureTimestamp?.valid).toBe(true);
    const garbage = { timestamp: async () => new Uint8Array([0x30, 0x03, 0x02, 0x01]) };
    await expect(
      signCadesDetached({ digest: md, signer: cred.signer, certificate: cred.certificate, timestamp: garbage }),
    ).rejects.toMatchObject({ code: 'INVALID_DER' });
  });
});
