import type * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDer, toDer } from '../src/der/der-codec.js';
import { compareDer } from '../src/der/der-set.js';
import {
  digest,
  digestAlgorithmFor,
  type KeyAlgorithm,
  OID,
  readTstInfo,
  signCadesDetached,
  verifyCadesDetached,
} from '../src/index.js';
import { epochSeconds, openssl } from './helpers/openssl.js';
import { createTestPki } from './helpers/test-pki.js';

let ctx: Awaited<ReturnType<typeof createTestPki>>;
const content = new TextEncoder().encode('%PDF-1.7 患者知情同意书 byte ranges');

beforeAll(async () => {
  ctx = await createTestPki();
  ctx.dir.write('root.pem', ctx.pki.rootPem);
  ctx.dir.write('content.bin', content);
});
afterAll(() => ctx.dir.remove());

async function signWith(algorithm: KeyAlgorithm, withTimestamp = true) {
  const cred = await ctx.pki.issueEventCertificate({ name: 'Zhang San', role: 'patient', algorithm });
  const cms = await signCadesDetached({
    content,
    signer: cred.signer,
    certificate: cred.certificate,
    chain: cred.chain,
    ...(withTimestamp ? { timestamp: ctx.pki.tsa } : {}),
  });
  await cred.destroy();
  return { cms, cred };
}

function signerInfoOf(cms: Uint8Array): pkijs.SignerInfo {
  const ci = new pkijs.ContentInfo({ schema: parseDer(cms, 'cms') });
  return new pkijs.SignedData({ schema: ci.content }).signerInfos[0] as pkijs.SignerInfo;
}

describe('CAdES detached signatures', () => {
  it.each(['ECDSA-P256', 'ECDSA-P384', 'RSA-2048', 'RSA-PSS-2048'] as const)(
    '%s: openssl cms -verify accepts it at the timestamp time, and our verifier too',
    async (algorithm) => {
      const { cms, cred } = await signWith(algorithm);
      const sig = ctx.dir.write(`${algorithm}.p7s`, cms);
      const ours = await verifyCadesDetached(cms, content, {
        trustAnchors: [ctx.pki.rootCertificate],
        revocation: await ctx.pki.revocationData([cred.certificate, ...cred.chain]),
      });
      expect(ours.errors).toEqual([]);
      expect(ours.valid).toBe(true);
      const genTime = ours.signatureTimestamp?.genTime as Date;
      expect(ours.validatedAt.getTime()).toBe(genTime.getTime());
      const r = openssl([
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        sig,
        '-content',
        ctx.dir.file('content.bin'),
        '-CAfile',
        ctx.dir.file('root.pem'),
        '-purpose',
        'any',
        '-attime',
        epochSeconds(genTime),
        '-out',
        '/dev/null',
      ]);
      expect(r.stderr).toContain('CMS Verification successful');
    },
  );

  it('openssl rejects a flipped content byte, and our verifier reports DIGEST_MISMATCH', async () => {
    const { cms } = await signWith('ECDSA-P256', false);
    const tampered = Uint8Array.from(content);
    tampered[3] = (tampered[3] ?? 0) ^ 1;
    const sig = ctx.dir.write('tamper.p7s', cms);
    const bad = ctx.dir.write('tampered.bin', tampered);
    const r = openssl([
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sig,
      '-content',
      bad,
      '-CAfile',
      ctx.dir.file('root.pem'),
      '-purpose',
      'any',
      '-out',
      '/dev/null',
    ]);
    expect(r.stderr).not.toContain('CMS Verification successful');
    const ours = await verifyCadesDetached(cms, tampered, { trustAnchors: [ctx.pki.rootCertificate] });
    expect(ours.valid).toBe(false);
    expect(ours.errors.map((e) => e.code)).toContain('DIGEST_MISMATCH');
  });

  it('signed attributes are DER-sorted and carry contentType, messageDigest, signingCertificateV2', async () => {
    const cms = await (async () => {
      const cred = await ctx.pki.issueEventCertificate({ name: 'A', role: 'patient' });
      return signCadesDetached({
        content,
        signer: cred.signer,
        certificate: cred.certificate,
        signingTime: new Date(),
      });
    })();
    const attrs = signerInfoOf(cms).signedAttrs as pkijs.SignedAndUnsignedAttributes;
    const encoded = attrs.attributes.map((a) => toDer(a.toSchema()));
    for (let i = 1; i < encoded.length; i++)
      expect(compareDer(encoded[i - 1] as Uint8Array, encoded[i] as Uint8Array)).toBeLessThan(0);
    expect(attrs.attributes.map((a) => a.type).sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingTime, OID.signingCertificateV2].sort(),
    );
  });

  it('the signature-time-stamp token covers the signature value (openssl ts -verify)', async () => {
    const { cms } = await signWith('ECDSA-P256');
    const si = signerInfoOf(cms);
    const tst = si.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken);
    const token = toDer(tst?.values[0] as asn1js.Sequence);
    const signature = new Uint8Array(si.signature.valueBlock.valueHexView);
    const tokenFile = ctx.dir.write('sig-tst.der', token);
    const r = openssl([
      'ts',
      '-verify',
      '-in',
      tokenFile,
      '-token_in',
      '-digest',
      Buffer.from(digest('SHA-256', signature)).toString('hex'),
      '-CAfile',
      ctx.dir.file('root.pem'),
    ]);
    expect(r.stdout).toContain('Verification: OK');
  });

  it('accepts a precomputed digest instead of the content', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'B', role: 'patient', algorithm: 'ECDSA-P384' });
    const d = digest(digestAlgorithmFor('ECDSA-P384'), content);
    const cms = await signCadesDetached({
      digest: d,
      signer: cred.signer,
      certificate: cred.certificate,
      chain: cred.chain,
    });
    const v = await verifyCadesDetached(cms, { digest: d }, { trustAnchors: [ctx.pki.rootCertificate] });
    expect(v.valid).toBe(true);
    await expect(
      signCadesDetached({ digest: new Uint8Array(5), signer: cred.signer, certificate: cred.certificate }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('reports CHAIN_INVALID against an unrelated trust anchor', async () => {
    const other = await createTestPki();
    const { cms } = await signWith('ECDSA-P256', false);
    const v = await verifyCadesDetached(cms, content, { trustAnchors: [other.pki.rootCertificate] });
    expect(v.errors.map((e) => e.code)).toContain('CHAIN_INVALID');
    other.dir.remove();
  });

  it('a signature made with a destroyed key is impossible', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'C', role: 'witness' });
    await cred.destroy();
    await expect(
      signCadesDetached({ content, signer: cred.signer, certificate: cred.certificate }),
    ).rejects.toMatchObject({
      code: 'KEY_DESTROYED',
    });
  });

  it('the TSTInfo genTime has whole seconds', async () => {
    const token = await ctx.pki.tsa.timestamp(digest('SHA-256', content));
    expect(readTstInfo(token).genTime.getMilliseconds()).toBe(0);
  });
});

describe('validation time and revocation', () => {
  it('a short-lived certificate is valid at the timestamp time and expired later (CERT_EXPIRED)', async () => {
    let now = new Date('2026-03-01T08:00:00Z');
    const clocked = await createTestPki({ clock: () => now });
    const cred = await clocked.pki.issueEventCertificate({ name: 'D', role: 'patient', validityMinutes: 5 });
    const cms = await signCadesDetached({
      content,
      signer: cred.signer,
      certificate: cred.certificate,
      chain: cred.chain,
      timestamp: clocked.pki.tsa,
    });
    now = new Date('2026-03-01T09:00:00Z');
    const anchors = [clocked.pki.rootCertificate];
    const atTst = await verifyCadesDetached(cms, content, { trustAnchors: anchors });
    expect(atTst.valid).toBe(true);
    expect(atTst.validatedAt.toISOString()).toBe('2026-03-01T08:00:00.000Z');
    const later = await verifyCadesDetached(cms, content, { trustAnchors: anchors, at: now });
    expect(later.errors.map((e) => e.code)).toContain('CERT_EXPIRED');
    // openssl agrees at both times
    clocked.dir.write('root.pem', clocked.pki.rootPem);
    const sig = clocked.dir.write('s.p7s', cms);
    const c = clocked.dir.write('c.bin', content);
    const run = (t: Date) =>
      openssl([
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        sig,
        '-content',
        c,
        '-CAfile',
        clocked.dir.file('root.pem'),
        '-purpose',
        'any',
        '-attime',
        epochSeconds(t),
        '-out',
        '/dev/null',
      ]).stderr;
    expect(run(new Date('2026-03-01T08:00:30Z'))).toContain('CMS Verification successful');
    expect(run(now)).toContain('certificate has expired');
    clocked.dir.remove();
  });

  it('a revoked event certificate fails with CERT_REVOKED; missing revocation data gives REVOCATION_UNKNOWN', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'E', role: 'patient' });
    const cms = await signCadesDetached({
      content,
      signer: cred.signer,
      certificate: cred.certificate,
      chain: cred.chain,
    });
    const at = new Date(Date.now() + 5_000);
    await ctx.pki.revoke(cred.certificate, new Date(Date.now() - 1_000));
    const revocation = await ctx.pki.revocationData([cred.certificate, ...cred.chain]);
    const v = await verifyCadesDetached(cms, content, { trustAnchors: [ctx.pki.rootCertificate], revocation, at });
    expect(v.errors.map((e) => e.code)).toContain('CERT_REVOKED');
    const onlyCrls = await verifyCadesDetached(cms, content, {
      trustAnchors: [ctx.pki.rootCertificate],
      revocation: { crls: revocation.crls, ocsps: [] },
      at,
    });
    expect(onlyCrls.errors.map((e) => e.code)).toContain('CERT_REVOKED');
    const none = await verifyCadesDetached(cms, content, {
      trustAnchors: [ctx.pki.rootCertificate],
      revocation: { crls: [], ocsps: [] },
      at,
    });
    expect(none.errors.map((e) => e.code)).toContain('REVOCATION_UNKNOWN');
  });
});
