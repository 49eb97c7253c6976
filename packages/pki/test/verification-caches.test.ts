import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesKey } from '../src/cache/bytes-key.js';
import { LruCache } from '../src/cache/lru-cache.js';
import {
  buildChain,
  checkRevocation,
  type EventCredential,
  signCadesDetached,
  verifyCadesDetached,
  verifyTimestampToken,
} from '../src/index.js';
import { createTestPki } from './helpers/test-pki.js';

/**
 * Verification caches parsed structures and signature outcomes by the digest of exact bytes. These
 * tests verify a genuine input first (filling every cache), then a tampered or look-alike one, which
 * must fail exactly as it does on a cold start.
 */
let a: Awaited<ReturnType<typeof createTestPki>>;
let b: Awaited<ReturnType<typeof createTestPki>>;
let credA: EventCredential;
let credB: EventCredential;
const digest = new Uint8Array(32).fill(7);

beforeAll(async () => {
  a = await createTestPki();
  b = await createTestPki();
  credA = await a.pki.issueEventCertificate({ name: 'Cache Test', role: 'patient' });
  credB = await b.pki.issueEventCertificate({ name: 'Cache Test', role: 'patient' });
});
afterAll(async () => {
  await a.pki.close();
  await b.pki.close();
  a.dir.remove();
  b.dir.remove();
});

const signWith = (cred: EventCredential, tsa?: typeof a.pki.tsa) =>
  signCadesDetached({
    digest,
    signer: cred.signer,
    certificate: cred.certificate,
    chain: cred.chain,
    ...(tsa ? { timestamp: tsa } : {}),
  });
const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);

describe('caches never turn a bad input good', () => {
  it('a look-alike hierarchy (same subjects, other keys) stays untrusted after the genuine one verified', async () => {
    const subject = (der: Uint8Array) => new X509Certificate(der).subject;
    expect(subject(b.pki.eventCaCertificate)).toBe(subject(a.pki.eventCaCertificate));
    expect(subject(b.pki.rootCertificate)).toBe(subject(a.pki.rootCertificate));
    const anchors = [a.pki.rootCertificate];
    const good = await verifyCadesDetached(await signWith(credA), { digest }, { trustAnchors: anchors });
    expect(good.valid).toBe(true);
    const forged = await verifyCadesDetached(await signWith(credB), { digest }, { trustAnchors: anchors });
    expect(forged.valid).toBe(false);
    expect(codes(forged)).toContain('CHAIN_INVALID');
    // The look-alike Event CA offered next to the genuine one in the pool must not link B's leaf to A's root.
    const mixed = buildChain(
      credB.certificate,
      [a.pki.eventCaCertificate, b.pki.eventCaCertificate],
      anchors,
      new Date(),
    );
    expect(codes(mixed)).toContain('CHAIN_INVALID');
  });

  it('a certificate differing from a verified one only in its signature bytes fails the chain', () => {
    const anchors = [a.pki.rootCertificate];
    expect(buildChain(credA.certificate, credA.chain, anchors, new Date()).errors).toEqual([]);
    const tampered = credA.certificate.slice();
    tampered[tampered.length - 5] = (tampered[tampered.length - 5] as number) ^ 0x01;
    expect(new X509Certificate(tampered).subject).toBe(new X509Certificate(credA.certificate).subject);
    expect(codes(buildChain(tampered, credA.chain, anchors, new Date()))).toContain('CHAIN_INVALID');
  });

  it('validity is judged at every call: a cached chain gives CERT_EXPIRED / CERT_NOT_YET_VALID at other times', async () => {
    const cms = await signWith(credA);
    const anchors = [a.pki.rootCertificate];
    const leaf = new X509Certificate(credA.certificate);
    const inside = new Date(Date.parse(leaf.validFrom) + 60_000);
    expect((await verifyCadesDetached(cms, { digest }, { trustAnchors: anchors, at: inside })).valid).toBe(true);
    const after = new Date(Date.parse(leaf.validTo) + 1_000);
    const expired = await verifyCadesDetached(cms, { digest }, { trustAnchors: anchors, at: after });
    expect(expired.valid).toBe(false);
    expect(codes(expired)).toContain('CERT_EXPIRED');
    const before = new Date(Date.parse(leaf.validFrom) - 1_000);
    expect(codes(await verifyCadesDetached(cms, { digest }, { trustAnchors: anchors, at: before }))).toContain(
      'CERT_NOT_YET_VALID',
    );
    expect((await verifyCadesDetached(cms, { digest }, { trustAnchors: anchors, at: inside })).valid).toBe(true);
  });

  it('a flipped signature byte, another digest or a flipped token byte fails after the genuine CMS verified', async () => {
    const cms = await signWith(credA, a.pki.tsa);
    const anchors = [a.pki.rootCertificate];
    const good = await verifyCadesDetached(cms, { digest }, { trustAnchors: anchors });
    expect(good.valid).toBe(true);
    const token = good.signatureTimestamp?.token as Uint8Array;
    expect(token).toBeInstanceOf(Uint8Array);
    expect(codes(await verifyCadesDetached(cms, { digest: new Uint8Array(32) }, { trustAnchors: anchors }))).toContain(
      'DIGEST_MISMATCH',
    );
    // The token's own signature value is its last bytes; the CMS signature precedes the unsigned attributes.
    const at = Buffer.from(cms).indexOf(Buffer.from(token)) - 40;
    const badSignature = cms.slice();
    badSignature[at] = (badSignature[at] as number) ^ 0x01;
    const r1 = await verifyCadesDetached(badSignature, { digest }, { trustAnchors: anchors });
    expect(codes(r1)).toContain('SIGNATURE_INVALID');
    const badToken = cms.slice();
    const end = Buffer.from(cms).indexOf(Buffer.from(token)) + token.length - 3;
    badToken[end] = (badToken[end] as number) ^ 0x01;
    const r2 = await verifyCadesDetached(badToken, { digest }, { trustAnchors: anchors });
    expect(codes(r2)).toContain('TIMESTAMP_INVALID');
    expect((await verifyCadesDetached(cms, { digest }, { trustAnchors: anchors })).valid).toBe(true);
  });

  it('changing the caller’s buffers after a verification does not change what later calls see', async () => {
    const cms = await signWith(credA, a.pki.tsa);
    const copy = cms.slice();
    const anchors = [a.pki.rootCertificate];
    const first = await verifyCadesDetached(cms, { digest }, { trustAnchors: anchors });
    expect(first.valid).toBe(true);
    first.signerCertificate?.fill(0);
    // The last chain entry is the caller's own trust anchor array; the others come from the CMS.
    for (const c of first.chain.slice(0, -1)) c.fill(0);
    first.signatureTimestamp?.token.fill(0);
    cms.fill(0);
    expect((await verifyCadesDetached(copy, { digest }, { trustAnchors: anchors })).valid).toBe(true);
    const invalid = await verifyCadesDetached(cms, { digest }, { trustAnchors: anchors });
    expect(invalid.valid).toBe(false);
  });

  it('a certificate revoked after a good status is reported revoked with fresh revocation data', async () => {
    const cred = await a.pki.issueEventCertificate({ name: 'Cache Test', role: 'patient' });
    const chain = [cred.certificate, ...cred.chain];
    const before = await a.pki.revocationData(chain);
    expect(checkRevocation(chain, before, new Date())).toEqual([]);
    await a.pki.revoke(cred.certificate, new Date(Date.now() - 60_000));
    const after = await a.pki.revocationData(chain);
    expect(checkRevocation(chain, after, new Date()).map((e) => e.code)).toContain('CERT_REVOKED');
  });

  it('a timestamp token verified for one imprint is refused for another', async () => {
    const cms = await signWith(credA, a.pki.tsa);
    const good = await verifyCadesDetached(cms, { digest }, { trustAnchors: [a.pki.rootCertificate] });
    const token = good.signatureTimestamp?.token as Uint8Array;
    const other = await verifyTimestampToken(token, new Uint8Array(32), { trustAnchors: [a.pki.rootCertificate] });
    expect(codes(other)).toContain('DIGEST_MISMATCH');
    const foreign = await verifyTimestampToken(token, new Uint8Array(32), { trustAnchors: [b.pki.rootCertificate] });
    expect(codes(foreign)).toContain('CHAIN_INVALID');
  });
});

describe('cache building blocks', () => {
  it('LruCache keeps at most `limit` entries and evicts the least recently used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.getOrCompute('d', () => 4)).toBe(4);
    expect(cache.get('c')).toBeUndefined();
    expect(() =>
      cache.getOrCompute('e', () => {
        throw new Error('not cached');
      }),
    ).toThrow();
    expect(cache.get('e')).toBeUndefined();
  });

  it('bytesKey separates parts: no two splits of the same bytes share a key', () => {
    const ab = new Uint8Array([1, 2, 3]);
    expect(bytesKey(ab)).not.toBe(bytesKey(ab.subarray(0, 1), ab.subarray(1)));
    expect(bytesKey(ab.subarray(0, 2), ab.subarray(2))).not.toBe(bytesKey(ab.subarray(0, 1), ab.subarray(1)));
    expect(bytesKey(ab)).toBe(bytesKey(new Uint8Array([1, 2, 3])));
  });
});
