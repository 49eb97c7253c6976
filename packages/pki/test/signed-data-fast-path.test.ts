import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitSignedData } from '../src/cms/split-signed-data.js';
import { OID } from '../src/der/oids.js';
import { type KeyAlgorithm, signCadesDetached, verifyCadesDetached } from '../src/index.js';
import { createTestPki } from './helpers/test-pki.js';

/**
 * The strict-DER SignedData reader must agree with PKI.js on every part verification uses, and
 * must hand anything that is not strict DER back to PKI.js instead of guessing.
 */
let ctx: Awaited<ReturnType<typeof createTestPki>>;
const digest = new Uint8Array(32).fill(3);

beforeAll(async () => {
  ctx = await createTestPki();
});
afterAll(async () => {
  await ctx.pki.close();
  ctx.dir.remove();
});

async function sign(algorithm: KeyAlgorithm, timestamp: boolean): Promise<Uint8Array> {
  const cred = await ctx.pki.issueEventCertificate({ name: 'Fast Path', role: 'patient', algorithm });
  return signCadesDetached({
    digest,
    signer: cred.signer,
    certificate: cred.certificate,
    chain: cred.chain,
    ...(timestamp ? { timestamp: ctx.pki.tsa } : {}),
  });
}

const der = (v: { toBER(): ArrayBuffer }) => new Uint8Array(v.toBER());

function viaPkijs(cms: Uint8Array) {
  const ci = new pkijs.ContentInfo({ schema: asn1js.fromBER(cms.slice()).result });
  const sd = new pkijs.SignedData({ schema: ci.content });
  const si = sd.signerInfos[0] as pkijs.SignerInfo;
  const tst = si.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)?.values[0];
  return {
    certificates: (sd.certificates ?? []).map((c) => der((c as pkijs.Certificate).toSchema())),
    eContentType: sd.encapContentInfo.eContentType,
    signedAttrs: new Uint8Array(si.signedAttrs?.encodedValue ?? new ArrayBuffer(0)),
    signature: new Uint8Array(si.signature.valueBlock.valueHexView),
    token: tst ? der(tst) : undefined,
  };
}

describe('strict DER SignedData reader', () => {
  it.each([
    ['ECDSA-P256', true],
    ['RSA-2048', false],
    ['RSA-PSS-2048', false],
    ['SM2', false],
  ] as [KeyAlgorithm, boolean][])('%s (timestamp %s): the same parts as PKI.js', async (algorithm, timestamp) => {
    const cms = await sign(algorithm, timestamp);
    const fast = splitSignedData(cms);
    const slow = viaPkijs(cms);
    expect(fast).toBeDefined();
    expect(fast?.certificates).toEqual(slow.certificates);
    expect(fast?.eContentType).toBe(slow.eContentType);
    expect(fast?.signatureTimestampToken).toEqual(slow.token);
    const si = new pkijs.SignerInfo({ schema: asn1js.fromBER(fast?.signerInfo as Uint8Array).result });
    expect(new Uint8Array(si.signedAttrs?.encodedValue ?? new ArrayBuffer(0))).toEqual(slow.signedAttrs);
    expect(new Uint8Array(si.signature.valueBlock.valueHexView)).toEqual(slow.signature);
    expect(si.unsignedAttrs).toBeUndefined();
    if (fast?.signatureTimestampToken) {
      const token = splitSignedData(fast.signatureTimestampToken);
      expect(token?.eContentType).toBe(OID.tstInfo);
      expect(token?.eContent?.length).toBeGreaterThan(0);
    }
    expect((await verifyCadesDetached(cms, { digest }, { trustAnchors: [ctx.pki.rootCertificate] })).valid).toBe(true);
  });

  it('hands BER (indefinite length) and non-minimal lengths to PKI.js, which still verifies them', async () => {
    const cms = await sign('ECDSA-P256', true);
    // The outer ContentInfo SEQUENCE re-framed with BER's indefinite length form (X.690 §8.1.3.6).
    const header = cms[1] === 0x82 ? 4 : cms[1] === 0x81 ? 3 : 2;
    const ber = new Uint8Array([0x30, 0x80, ...cms.subarray(header), 0, 0]);
    expect(splitSignedData(ber)).toBeUndefined();
    expect((await verifyCadesDetached(ber, { digest }, { trustAnchors: [ctx.pki.rootCertificate] })).valid).toBe(true);
    // The same length in one more octet than needed: valid BER, not DER.
    const len = cms.length - header;
    const longForm = new Uint8Array([0x30, 0x83, len >> 16, (len >> 8) & 0xff, len & 0xff, ...cms.subarray(header)]);
    expect(splitSignedData(longForm)).toBeUndefined();
    const r = await verifyCadesDetached(longForm, { digest }, { trustAnchors: [ctx.pki.rootCertificate] });
    expect(r.valid).toBe(true);
  });

  it('rejects truncated input with the codes PKI.js gave, and ignores trailing octets as it did', async () => {
    const cms = await sign('ECDSA-P256', false);
    const anchors = [ctx.pki.rootCertificate];
    for (const cut of [10, cms.length - 3]) {
      const bad = cms.subarray(0, cms.length - cut);
      expect(splitSignedData(bad)).toBeUndefined();
      const r = await verifyCadesDetached(bad, { digest }, { trustAnchors: anchors });
      expect(r.valid).toBe(false);
      expect(['INVALID_DER', 'CMS_INVALID']).toContain(r.errors[0]?.code);
    }
    const padded = new Uint8Array([...cms, 0, 0, 0]);
    expect(splitSignedData(padded)?.certificates).toEqual(splitSignedData(cms)?.certificates);
    expect((await verifyCadesDetached(padded, { digest }, { trustAnchors: anchors })).valid).toBe(true);
  });
});
