import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents, evidenceBundles } from '../../src/db/schema';
import { TEST_DATABASE_KINDS } from '../../src/db/testing/open-test-database';
import { lookupVerificationCode, matchesOriginal } from '../../src/services/records/lookup-verification-code';
import {
  generateVerificationCode,
  issueVerificationCode,
  normalizeVerificationCode,
  VERIFICATION_CODE_PATTERN,
} from '../../src/services/records/verification-code';
import { VERIFY_UPLOAD_MAX_BYTES, verifyUpload } from '../../src/services/records/verify-upload';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { createSealedSigning } from './sealed-signing';
import { shadowAttack, tamperByte } from './tamper';

describe('verification codes', () => {
  it('are 10 Crockford base32 symbols and survive common misreadings', () => {
    const code = generateVerificationCode();
    expect(code).toMatch(VERIFICATION_CODE_PATTERN);
    expect(normalizeVerificationCode('abcd-efgh-jk')).toBe('ABCDEFGHJK');
    expect(normalizeVerificationCode('O1IL0 00000')).toBe('0111000000');
    expect(normalizeVerificationCode('too-short')).toBeNull();
  });
});

describe.each(TEST_DATABASE_KINDS)('public verification on %s', (kind) => {
  let t: TestApp;
  let signed: Uint8Array;
  let documentId: string;
  let bundle: Uint8Array;
  let deps: Parameters<typeof verifyUpload>[0];
  beforeAll(async () => {
    t = await createTestApp(kind);
    const signing = await createSealedSigning(t);
    const [doc] = await t.app.db.select().from(documents).where(eq(documents.envelopeId, signing.envelopeId));
    documentId = doc!.id;
    signed = await t.app.blobs.get(doc!.signedSha256!);
    const [b] = await t.app.db.select().from(evidenceBundles).where(eq(evidenceBundles.envelopeId, signing.envelopeId));
    bundle = await t.app.blobs.get(b!.bundleSha256);
    const trust = await t.app.trust();
    deps = { trustAnchors: [trust.pki.rootCertificate], trustedLogKeys: [trust.logKey.publicKey], clock: t.app.clock };
  }, 120_000);
  afterAll(() => t.cleanup());

  it('accepts the genuine PDF and bundle', async () => {
    const pdf = await verifyUpload(deps, signed);
    expect(pdf).toMatchObject({ kind: 'pdf', verdict: 'VALID', reasons: [] });
    expect(JSON.stringify(pdf)).not.toContain('ZY2026001');
    const zip = await verifyUpload(deps, bundle);
    expect(zip).toMatchObject({ kind: 'bundle', verdict: 'VALID' });
    expect(JSON.stringify(zip)).not.toContain('张建国');
  });

  it('rejects a tampered copy and a shadow-attacked copy with readable reasons', async () => {
    const tampered = await verifyUpload(deps, tamperByte(signed));
    expect(tampered.verdict).toBe('INVALID');
    expect(tampered.reasons.map((r) => r.code)).toContain('DIGEST_MISMATCH');
    expect(tampered.reasons.find((r) => r.code === 'DIGEST_MISMATCH')!.zh).toMatch(/修改/);
    const shadowed = await verifyUpload(deps, shadowAttack(signed));
    expect(shadowed.verdict).toBe('INVALID');
    expect(shadowed.reasons.map((r) => r.code)).toContain('REVISION_PAGE_CONTENT_CHANGED');
  });

  it('refuses unknown formats and oversized input without parsing', async () => {
    expect((await verifyUpload(deps, new TextEncoder().encode('hello'))).reasons[0]!.code).toBe('UNSUPPORTED_FILE');
    const big = new Uint8Array(VERIFY_UPLOAD_MAX_BYTES + 1);
    expect((await verifyUpload(deps, big)).reasons[0]!.code).toBe('TOO_LARGE');
  });

  it('issues one code per document and looks it up without patient data', async () => {
    const code = await issueVerificationCode(t.app.db, documentId);
    expect(await issueVerificationCode(t.app.db, documentId)).toBe(code);
    const status = await lookupVerificationCode({ ...t.app, trustAnchors: deps.trustAnchors }, code.toLowerCase());
    expect(status).toMatchObject({ code, status: 'sealed', verdict: 'VALID', signedBy: [{ role: 'guardian' }] });
    expect(JSON.stringify(status)).not.toMatch(/张|ZY2026/);
    expect(matchesOriginal(status!, signed)).toBe(true);
    expect(matchesOriginal(status!, tamperByte(signed))).toBe(false);
    expect(await lookupVerificationCode({ ...t.app, trustAnchors: deps.trustAnchors }, '0000000000')).toBeNull();
  });
});
