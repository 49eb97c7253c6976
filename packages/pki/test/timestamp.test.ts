import { readFileSync } from 'node:fs';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSignedData } from '../src/cms/build-signed-data.js';
import { parseSignedData } from '../src/cms/parse-signed-data.js';
import { contentTypeAttribute, messageDigestAttribute } from '../src/cms/signed-attributes.js';
import { parseDer } from '../src/der/der-codec.js';
import {
  buildTimestampRequest,
  createTimestampClient,
  createTsaHttpHandler,
  digest,
  OID,
  toPem,
  verifyTimestampToken,
} from '../src/index.js';
import { deadUrl, type Loopback, readAll, startLoopback } from './helpers/loopback.js';
import { openssl } from './helpers/openssl.js';
import { createTestPki } from './helpers/test-pki.js';

let ctx: Awaited<ReturnType<typeof createTestPki>>;
let tsaServer: Loopback;
const content = new TextEncoder().encode('evidence manifest {"v":1}');
const imprint = digest('SHA-256', content);
const exchanges: { request: Uint8Array; response: Uint8Array }[] = [];

beforeAll(async () => {
  ctx = await createTestPki();
  ctx.dir.write('root.pem', ctx.pki.rootPem);
  ctx.dir.write('tsa.pem', toPem(ctx.pki.tsaCertificate));
  ctx.dir.write('content.bin', content);
  const handler = createTsaHttpHandler(async (der) => {
    const response = await ctx.pki.tsaRespond(der);
    exchanges.push({ request: der, response });
    return response;
  });
  tsaServer = await startLoopback(handler);
});
afterAll(async () => {
  await tsaServer.close();
  ctx.dir.remove();
});

function verifyPair(request: Uint8Array, response: Uint8Array, name: string) {
  const q = ctx.dir.write(`${name}.tsq`, request);
  const r = ctx.dir.write(`${name}.tsr`, response);
  return openssl([
    'ts',
    '-verify',
    '-queryfile',
    q,
    '-in',
    r,
    '-CAfile',
    ctx.dir.file('root.pem'),
    '-untrusted',
    ctx.dir.file('tsa.pem'),
  ]);
}

describe('built-in TSA answering openssl requests', () => {
  it('openssl ts -query (nonce, certReq) → our response → openssl ts -verify OK', async () => {
    const req = openssl([
      'ts',
      '-query',
      '-data',
      ctx.dir.file('content.bin'),
      '-sha256',
      '-cert',
      '-out',
      ctx.dir.file('o.tsq'),
    ]);
    expect(req.status).toBe(0);
    const request = new Uint8Array(readFileSync(ctx.dir.file('o.tsq')));
    const response = await ctx.pki.tsaRespond(request);
    expect(verifyPair(request, response, 'o').stdout).toContain('Verification: OK');
    const text = openssl(['ts', '-reply', '-in', ctx.dir.file('o.tsr'), '-text']).stdout;
    expect(text).toContain('Status: Granted.');
    expect(text).toMatch(/Nonce: 0x[0-9A-F]+/);
    expect(text).toContain('Policy OID: 1.3.6.1.4.1.55555.7.2.1');
  });

  it('without certReq the token carries no certificates', async () => {
    openssl([
      'ts',
      '-query',
      '-data',
      ctx.dir.file('content.bin'),
      '-sha256',
      '-no_nonce',
      '-out',
      ctx.dir.file('n.tsq'),
    ]);
    const request = new Uint8Array(readFileSync(ctx.dir.file('n.tsq')));
    const response = await ctx.pki.tsaRespond(request);
    const resp = new pkijs.TimeStampResp({ schema: parseDer(response, 'resp') });
    const sd = new pkijs.SignedData({ schema: resp.timeStampToken?.content });
    expect(sd.certificates ?? []).toHaveLength(0);
    expect(verifyPair(request, response, 'n').stdout).toContain('Verification: OK');
  });

  it('rejects garbage with a PKIStatus rejection instead of failing', async () => {
    const response = await ctx.pki.tsaRespond(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]));
    const resp = new pkijs.TimeStampResp({ schema: parseDer(response, 'resp') });
    expect(resp.status.status).toBe(2);
    expect(resp.timeStampToken).toBeUndefined();
  });

  it('openssl ts -verify accepts a token from the in-process TSA client', async () => {
    const token = await ctx.pki.tsa.timestamp(imprint);
    const f = ctx.dir.write('t.der', token);
    const r = openssl([
      'ts',
      '-verify',
      '-in',
      f,
      '-token_in',
      '-data',
      ctx.dir.file('content.bin'),
      '-CAfile',
      ctx.dir.file('root.pem'),
    ]);
    expect(r.stdout).toContain('Verification: OK');
    const v = await verifyTimestampToken(token, imprint, { trustAnchors: [ctx.pki.rootCertificate] });
    expect(v.valid).toBe(true);
    const wrong = await verifyTimestampToken(token, digest('SHA-256', new Uint8Array([1])), {
      trustAnchors: [ctx.pki.rootCertificate],
    });
    expect(wrong.errors.map((e) => e.code)).toContain('DIGEST_MISMATCH');
  });
});

describe('token verification details', () => {
  it('requires the ESS signingCertificate attribute in a token (RFC 3161 §2.4.2)', async () => {
    const good = await ctx.pki.tsa.timestamp(imprint);
    const eContent = parseSignedData(good).eContent as Uint8Array;
    const tsaKey = await ctx.pki.keystore.loadOrCreateKey('tsa', 'ECDSA-P256');
    const bare = await buildSignedData({
      eContentType: OID.tstInfo,
      eContent,
      signer: tsaKey.signer,
      certificate: ctx.pki.tsaCertificate,
      certificates: [ctx.pki.tsaCertificate],
      signedAttributes: [contentTypeAttribute(OID.tstInfo), messageDigestAttribute(digest('SHA-256', eContent))],
    });
    const v = await verifyTimestampToken(bare, imprint, { trustAnchors: [ctx.pki.rootCertificate] });
    expect(v.errors.map((e) => e.code)).toEqual(['TIMESTAMP_INVALID']);
  });
});

describe('timestamp client', () => {
  it('requests with a nonce and certReq, verifies the answer and its chain', async () => {
    const client = createTimestampClient({
      urls: [tsaServer.url],
      timeoutMs: 5_000,
      trustAnchors: [ctx.pki.rootCertificate],
    });
    const token = await client.timestamp(imprint);
    const v = await verifyTimestampToken(token, imprint, { trustAnchors: [ctx.pki.rootCertificate] });
    expect(v.valid).toBe(true);
    const last = exchanges.at(-1) as { request: Uint8Array; response: Uint8Array };
    const q = ctx.dir.write('client.tsq', last.request);
    const text = openssl(['ts', '-query', '-in', q, '-text']).stdout;
    expect(text).toContain('Certificate required: yes');
    expect(text).toMatch(/Nonce: 0x[0-9A-F]+/);
  });

  it('fails over: HTTP 500, a dead port and a hanging TSA are skipped', async () => {
    const broken = await startLoopback((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    const hanging = await startLoopback(() => undefined);
    const client = createTimestampClient({
      urls: [broken.url, await deadUrl(), hanging.url, tsaServer.url],
      timeoutMs: 300,
      trustAnchors: [ctx.pki.rootCertificate],
    });
    const token = await client.timestamp(imprint);
    expect((await verifyTimestampToken(token, imprint, { trustAnchors: [ctx.pki.rootCertificate] })).valid).toBe(true);
    await broken.close();
    await hanging.close();
  });

  it('refuses a TSA that answers for another imprint, and throws TSA_UNAVAILABLE when none answers properly', async () => {
    const liar = await startLoopback(async (req, res) => {
      await readAll(req);
      const other = buildTimestampRequest(digest('SHA-256', new Uint8Array([9])), 'SHA-256');
      res.setHeader('content-type', 'application/timestamp-reply');
      res.end(await ctx.pki.tsaRespond(other.der));
    });
    const client = createTimestampClient({ urls: [liar.url, await deadUrl()], timeoutMs: 300 });
    await expect(client.timestamp(imprint)).rejects.toMatchObject({ code: 'TSA_UNAVAILABLE' });
    await liar.close();
  });

  it('rejects a token from a TSA outside the trust anchors', async () => {
    const other = await createTestPki();
    const foreign = await startLoopback(createTsaHttpHandler((der) => other.pki.tsaRespond(der)));
    const client = createTimestampClient({ urls: [foreign.url], trustAnchors: [ctx.pki.rootCertificate] });
    await expect(client.timestamp(imprint)).rejects.toMatchObject({ code: 'TSA_UNAVAILABLE' });
    await foreign.close();
    other.dir.remove();
  });
});

describe('regression: nonce with a leading 0x00 octet (non-minimal DER broke openssl ~1/128)', () => {
  const sources: [string, number[]][] = [
    ['leading zero octets', [0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc]],
    ['a single leading zero before a low octet', [0x00, 0x7f, 1, 2, 3, 4, 5, 6]],
    ['high bit set', [0x80, 1, 2, 3, 4, 5, 6, 7]],
  ];
  it.each(sources)('%s: minimal request nonce, openssl ts -verify OK on request and response', async (name, bytes) => {
    const client = createTimestampClient({ urls: [tsaServer.url], random: (n) => Uint8Array.from(bytes.slice(0, n)) });
    await client.timestamp(imprint);
    const last = exchanges.at(-1) as { request: Uint8Array; response: Uint8Array };
    const req = new pkijs.TimeStampReq({ schema: parseDer(last.request, 'req') });
    const nonce = new Uint8Array(req.nonce?.valueBlock.valueHexView ?? []);
    const redundantZero = nonce.length > 1 && nonce[0] === 0 && ((nonce[1] ?? 0) & 0x80) === 0;
    expect(redundantZero).toBe(false);
    expect(verifyPair(last.request, last.response, name.replace(/\W+/g, '-')).stdout).toContain('Verification: OK');
  });

  it('500 random requests never carry a non-minimal nonce', () => {
    for (let i = 0; i < 500; i++) {
      const { nonce } = buildTimestampRequest(imprint, 'SHA-256');
      expect(nonce.length > 1 && nonce[0] === 0 && ((nonce[1] ?? 0) & 0x80) === 0).toBe(false);
    }
  });
});
