import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDer } from '../src/der/der-codec.js';
import { createBuiltinPki, OID, readEvidenceDigest, toPem } from '../src/index.js';
import { openssl } from './helpers/openssl.js';
import { createTestPki, TEST_PASSPHRASE } from './helpers/test-pki.js';

let ctx: Awaited<ReturnType<typeof createTestPki>>;

beforeAll(async () => {
  ctx = await createTestPki({ publicBaseUrl: 'https://consent.example-hospital.cn/' });
  const { pki, dir } = ctx;
  dir.write('root.pem', pki.rootPem);
  dir.write('event-ca.pem', toPem(pki.eventCaCertificate));
  dir.write('tsa.pem', toPem(pki.tsaCertificate));
  dir.write('ocsp.pem', toPem(pki.ocspCertificate));
  dir.write('seal.pem', toPem(pki.evidenceSeal.certificate));
});
afterAll(() => ctx.dir.remove());

const text = (name: string) => openssl(['x509', '-in', ctx.dir.file(name), '-noout', '-text']).stdout;

describe('built-in CA hierarchy (checked with openssl)', () => {
  it('every certificate chains to the root', () => {
    const r = openssl([
      'verify',
      '-CAfile',
      ctx.dir.file('root.pem'),
      '-untrusted',
      ctx.dir.file('event-ca.pem'),
      ctx.dir.file('event-ca.pem'),
      ctx.dir.file('tsa.pem'),
      ctx.dir.file('ocsp.pem'),
      ctx.dir.file('seal.pem'),
    ]);
    expect(r.stdout.match(/: OK/g)).toHaveLength(4);
  });

  it('root is P-384 and the Event CA P-256, both CAs', () => {
    expect(text('root.pem')).toMatch(/NIST CURVE: P-384[\s\S]*CA:TRUE, pathlen:1/);
    expect(text('event-ca.pem')).toMatch(/NIST CURVE: P-256[\s\S]*CA:TRUE, pathlen:0/);
  });

  it('TSA certificate has the single critical EKU timeStamping', () => {
    expect(text('tsa.pem')).toMatch(/X509v3 Extended Key Usage: critical\s+Time Stamping\s/);
  });

  it('OCSP responder certificate has ocsp-nocheck and OCSP Signing', () => {
    const t = text('ocsp.pem');
    expect(t).toContain('OCSP No Check');
    expect(t).toMatch(/Extended Key Usage:\s+OCSP Signing/);
  });

  it('CRLDP and AIA point at the configured public base URL', () => {
    expect(text('tsa.pem')).toContain('URI:https://consent.example-hospital.cn/pki/root.crl');
    expect(text('event-ca.pem')).toContain('CA Issuers - URI:https://consent.example-hospital.cn/pki/root.cer');
  });

  it('reopening the data dir yields the same hierarchy', async () => {
    const again = await createBuiltinPki({ dir: ctx.dir.file('pki'), passphrase: TEST_PASSPHRASE });
    expect(Buffer.compare(again.rootCertificate, ctx.pki.rootCertificate)).toBe(0);
    expect(Buffer.compare(again.evidenceSeal.certificate, ctx.pki.evidenceSeal.certificate)).toBe(0);
  });

  it('a wrong passphrase is refused with BAD_PASSPHRASE', async () => {
    await expect(createBuiltinPki({ dir: ctx.dir.file('pki'), passphrase: 'wrong passphrase' })).rejects.toMatchObject({
      code: 'BAD_PASSPHRASE',
    });
  });

  it('stores keys as encrypted PKCS#8 that openssl opens only with the passphrase', () => {
    const key = ctx.dir.file('pki/keys/root-ca.key.pem');
    expect(openssl(['pkey', '-in', key, '-passin', `pass:${TEST_PASSPHRASE}`, '-noout', '-text']).stdout).toContain(
      'NIST CURVE: P-384',
    );
    expect(openssl(['pkey', '-in', key, '-passin', 'pass:nope', '-noout']).status).not.toBe(0);
  });
});

describe('event certificates', () => {
  it('carry name, role, salted ID hash, KU, EKU and the evidence digest', async () => {
    const evidenceDigest = new Uint8Array(32).fill(7);
    const cred = await ctx.pki.issueEventCertificate({
      name: '王小明',
      role: 'guardian',
      relationship: '女儿',
      idNumberHash: 'a1'.repeat(32),
      evidenceDigest,
      validityMinutes: 15,
    });
    const pem = ctx.dir.write('event.pem', toPem(cred.certificate));
    const t = openssl(['x509', '-in', pem, '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus_space']).stdout;
    expect(t).toContain('CN=王小明 (guardian)');
    expect(t).toContain(`serialNumber=${'a1'.repeat(32)}`);
    expect(t).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(t).toMatch(/Extended Key Usage:\s+E-mail Protection, 1\.3\.6\.1\.5\.5\.7\.3\.36/);
    expect(t).toContain(OID.evidenceDigestExtension);
    expect(t).toContain('OCSP - URI:https://consent.example-hospital.cn/pki/ocsp');
    const cert = new pkijs.Certificate({ schema: parseDer(cred.certificate, 'cert') });
    expect([...(readEvidenceDigest(cert) ?? [])]).toEqual([...evidenceDigest]);
    const minutes = (cert.notAfter.value.getTime() - cert.notBefore.value.getTime()) / 60_000;
    expect(minutes).toBe(16); // 15 minutes plus one minute of back-dating for clock skew
    const chain = ctx.dir.write('chain.pem', toPem(cred.chain[0] as Uint8Array));
    expect(openssl(['verify', '-CAfile', ctx.dir.file('root.pem'), '-untrusted', chain, pem]).stdout).toContain(': OK');
    await cred.destroy();
  });

  it('refuses something that is not a hex digest as idNumberHash (a raw ID number)', async () => {
    for (const raw of ['11010519491231002X', '110105194912310021']) {
      await expect(
        ctx.pki.issueEventCertificate({ name: '张三', role: 'patient', idNumberHash: raw }),
      ).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
  });

  it('destroy() makes the private key unusable', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'Li Si', role: 'patient' });
    const data = new TextEncoder().encode('data');
    expect((await cred.signer.sign(data)).length).toBeGreaterThan(60);
    await cred.destroy();
    await expect(cred.signer.sign(data)).rejects.toMatchObject({ code: 'KEY_DESTROYED' });
  });

  it.each(['RSA-2048', 'SM2'] as const)('can use %s keys', async (algorithm) => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'Zhao', role: 'doctor', algorithm });
    const pem = ctx.dir.write(`event-${algorithm}.pem`, toPem(cred.certificate));
    const t = openssl(['x509', '-in', pem, '-noout', '-text']).stdout;
    expect(t).toMatch(algorithm === 'SM2' ? /ASN1 OID: SM2/ : /Public-Key: \(2048 bit\)/);
    await cred.destroy();
  });
});

describe('aiaOcsp option', () => {
  it('leaves the OCSP URL out of event certificates when false (pdfsig then needs no live responder)', async () => {
    const { pki, dir } = await createTestPki();
    const again = await createBuiltinPki({ dir: dir.file('pki'), passphrase: TEST_PASSPHRASE, aiaOcsp: false });
    const cred = await again.issueEventCertificate({ name: 'N', role: 'patient' });
    const t = openssl(['x509', '-in', dir.write('n.pem', toPem(cred.certificate)), '-noout', '-text']).stdout;
    expect(t).not.toContain('OCSP - URI');
    expect(t).toContain('CA Issuers - URI:http://127.0.0.1:3000/pki/event-ca.cer');
    expect(pki.publicBaseUrl).toBe('http://127.0.0.1:3000');
    dir.remove();
  });
});

describe('first use from two processes at once', () => {
  it('creates one hierarchy: concurrent openers of a new data dir agree on the root', async () => {
    const { dir } = await createTestPki();
    const fresh = dir.file('concurrent');
    const [a, b, c] = await Promise.all(
      [0, 1, 2].map(() => createBuiltinPki({ dir: fresh, passphrase: TEST_PASSPHRASE })),
    );
    expect(Buffer.compare(a?.rootCertificate as Uint8Array, b?.rootCertificate as Uint8Array)).toBe(0);
    expect(Buffer.compare(a?.evidenceSeal.certificate as Uint8Array, c?.evidenceSeal.certificate as Uint8Array)).toBe(
      0,
    );
    dir.remove();
  });
});
