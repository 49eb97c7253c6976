import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBuiltinPki,
  createPkiHttpHandler,
  createTimestampClient,
  digest,
  signCadesDetached,
  toPem,
  verifyCadesDetached,
  verifyTimestampToken,
} from '../src/index.js';
import { type Loopback, startLoopback } from './helpers/loopback.js';
import { openssl, opensslAsync } from './helpers/openssl.js';
import { createTestPki, TEST_PASSPHRASE } from './helpers/test-pki.js';

let ctx: Awaited<ReturnType<typeof createTestPki>>;
let server: Loopback;

beforeAll(async () => {
  ctx = await createTestPki();
  const handler = createPkiHttpHandler(ctx.pki);
  server = await startLoopback(async (req, res) => {
    if (!(await handler(req, res))) {
      res.statusCode = 404;
      res.end();
    }
  });
  ctx.dir.write('root.pem', ctx.pki.rootPem);
  ctx.dir.write('event-ca.pem', toPem(ctx.pki.eventCaCertificate));
  ctx.dir.write('chain.pem', toPem(ctx.pki.eventCaCertificate) + ctx.pki.rootPem);
});
afterAll(async () => {
  await server.close();
  ctx.dir.remove();
});

describe('CRLs (openssl crl)', () => {
  it.each(['root', 'event-ca'] as const)('%s CRL parses and its signature verifies', async (ca) => {
    const f = ctx.dir.write(`${ca}.crl`, await ctx.pki.crl(ca));
    const r = openssl(['crl', '-in', f, '-inform', 'DER', '-noout', '-text', '-CAfile', ctx.dir.file('chain.pem')]);
    expect(r.output).toContain('verify OK');
    expect(r.stdout).toMatch(/CRL Number:\s+\d+/);
    expect(r.stdout).toContain('Authority Key Identifier');
  });

  it('lists a revoked certificate by serial', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'R', role: 'patient' });
    await ctx.pki.revoke(cred.certificate);
    const leaf = ctx.dir.write('revoked.pem', toPem(cred.certificate));
    const serial = openssl(['x509', '-in', leaf, '-noout', '-serial']).stdout.trim().split('=')[1] as string;
    const f = ctx.dir.write('after.crl', await ctx.pki.crl('event-ca'));
    expect(openssl(['crl', '-in', f, '-inform', 'DER', '-noout', '-text']).stdout).toContain(
      `Serial Number: ${serial}`,
    );
    await cred.destroy();
  });
});

describe('revocation across instances', () => {
  it('a revocation made by another instance on the same data dir shows in this one (CLI vs server)', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'S', role: 'patient' });
    const other = await createBuiltinPki({ dir: ctx.dir.file('pki'), passphrase: TEST_PASSPHRASE });
    await other.revoke(cred.certificate);
    const v = await verifyCadesDetached(
      await signCadesDetached({
        content: new Uint8Array([1]),
        signer: cred.signer,
        certificate: cred.certificate,
        chain: cred.chain,
      }),
      new Uint8Array([1]),
      {
        trustAnchors: [ctx.pki.rootCertificate],
        revocation: await ctx.pki.revocationData([cred.certificate, ...cred.chain]),
        at: new Date(Date.now() + 2000),
      },
    );
    expect(v.errors.map((e) => e.code)).toContain('CERT_REVOKED');
    await cred.destroy();
  });
});

describe('OCSP (openssl ocsp against the /pki HTTP handler)', () => {
  async function ask(certPem: string, issuerPem: string) {
    return opensslAsync([
      'ocsp',
      '-issuer',
      issuerPem,
      '-cert',
      certPem,
      '-url',
      `${server.url}/pki/ocsp`,
      '-CAfile',
      ctx.dir.file('root.pem'),
      '-resp_text',
    ]);
  }

  it('reports an event certificate good, with a verified delegated responder and nonce', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'G', role: 'patient' });
    const leaf = ctx.dir.write('good.pem', toPem(cred.certificate));
    const r = await ask(leaf, ctx.dir.file('event-ca.pem'));
    expect(r.output).toContain('Response verify OK');
    expect(r.stdout).toContain(`${leaf}: good`);
    expect(r.stdout).toContain('OCSP Nonce');
    await cred.destroy();
  });

  it('reports a revoked certificate revoked', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'X', role: 'patient' });
    await ctx.pki.revoke(cred.certificate);
    const leaf = ctx.dir.write('rev.pem', toPem(cred.certificate));
    const r = await ask(leaf, ctx.dir.file('event-ca.pem'));
    expect(r.output).toContain('Response verify OK');
    expect(r.stdout).toContain(`${leaf}: revoked`);
  });

  it('answers root-issued certificates with a root-signed response', async () => {
    const tsa = ctx.dir.write('tsa.pem', toPem(ctx.pki.tsaCertificate));
    const r = await ask(tsa, ctx.dir.file('root.pem'));
    expect(r.output).toContain('Response verify OK');
    expect(r.stdout).toContain(`${tsa}: good`);
  });

  it('revocationData OCSP responses parse and verify offline', async () => {
    const cred = await ctx.pki.issueEventCertificate({ name: 'D', role: 'doctor' });
    const data = await ctx.pki.revocationData([cred.certificate, ...cred.chain]);
    expect(data.crls).toHaveLength(2);
    expect(data.ocsps).toHaveLength(2);
    const resp = ctx.dir.write('dss.ocsp', data.ocsps[0] as Uint8Array);
    const leaf = ctx.dir.write('dss-leaf.pem', toPem(cred.certificate));
    const r = openssl([
      'ocsp',
      '-respin',
      resp,
      '-issuer',
      ctx.dir.file('event-ca.pem'),
      '-cert',
      leaf,
      '-CAfile',
      ctx.dir.file('root.pem'),
      '-no_nonce',
    ]);
    expect(r.output).toContain('Response verify OK');
    expect(r.stdout).toContain(`${leaf}: good`);
  });

  it('serves certificates and CRLs over HTTP', async () => {
    const cer = new Uint8Array(await (await fetch(`${server.url}/pki/root.cer`)).arrayBuffer());
    expect(Buffer.compare(cer, ctx.pki.rootCertificate)).toBe(0);
    const crl = await fetch(`${server.url}/pki/event-ca.crl`);
    expect(crl.headers.get('content-type')).toBe('application/pkix-crl');
    const f = ctx.dir.write('http.crl', new Uint8Array(await crl.arrayBuffer()));
    expect(
      openssl(['crl', '-in', f, '-inform', 'DER', '-noout', '-CAfile', ctx.dir.file('chain.pem')]).output,
    ).toContain('verify OK');
    expect((await fetch(`${server.url}/pki/nothing`)).status).toBe(404);
    expect(readFileSync(f).length).toBeGreaterThan(100);
  });

  it('serves the TSA at /pki/tsa for the HTTP timestamp client', async () => {
    const imprint = digest('SHA-256', new TextEncoder().encode('over http'));
    const client = createTimestampClient({ urls: [`${server.url}/pki/tsa`], trustAnchors: [ctx.pki.rootCertificate] });
    const token = await client.timestamp(imprint);
    expect((await verifyTimestampToken(token, imprint, { trustAnchors: [ctx.pki.rootCertificate] })).valid).toBe(true);
    const wrongType = await fetch(`${server.url}/pki/tsa`, { method: 'POST', body: 'x' });
    expect(wrongType.status).toBe(415);
  });
});
