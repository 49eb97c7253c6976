import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../crypto/tokens';
import { isDataError } from '../data-error';
import { linkTokens } from '../schema';
import { insertEnvelopeFixture } from '../testing/insert-envelope-fixture';
import { openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing/open-test-database';
import { consumeLinkToken, createLinkToken, inspectLinkToken } from './link-tokens';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (isDataError(error) ? error.code : String(error)),
  );
}

describe.each(TEST_DATABASE_KINDS)('link tokens on %s', (kind) => {
  let t: TestDatabase;
  let fixture: Awaited<ReturnType<typeof insertEnvelopeFixture>>;
  const inOneHour = () => new Date(Date.now() + 3_600_000);
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    fixture = await insertEnvelopeFixture(t.db);
  });
  afterAll(() => t?.cleanup());

  it('stores only the SHA-256 of a 32-byte base64url token', async () => {
    const { token, tokenHash } = await createLinkToken(t.db, { ...fixture, purpose: 'sign', expiresAt: inOneHour() });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [row] = await t.db.select().from(linkTokens).where(eq(linkTokens.tokenHash, tokenHash));
    expect(row!.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('consumes once; the second use is LINK_TOKEN_USED', async () => {
    const { token } = await createLinkToken(t.db, { ...fixture, purpose: 'sign', expiresAt: inOneHour() });
    expect((await inspectLinkToken(t.db, token)).usedAt).toBeNull();
    const row = await consumeLinkToken(t.db, token, { purpose: 'sign' });
    expect(row.envelopeId).toBe(fixture.envelopeId);
    expect(row.usedAt).toBeInstanceOf(Date);
    expect(await codeOf(consumeLinkToken(t.db, token))).toBe('LINK_TOKEN_USED');
    expect(await codeOf(inspectLinkToken(t.db, token))).toBe('LINK_TOKEN_USED');
  });

  it('lets exactly one of many concurrent consumers win', async () => {
    const { token } = await createLinkToken(t.db, { ...fixture, purpose: 'sign', expiresAt: inOneHour() });
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => codeOf(consumeLinkToken(t.db, token))));
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'LINK_TOKEN_USED')).toHaveLength(7);
  });

  it('distinguishes expired, unknown and wrong-purpose tokens', async () => {
    const { token } = await createLinkToken(t.db, {
      ...fixture,
      purpose: 'view',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expect(await codeOf(consumeLinkToken(t.db, token, { now: new Date(Date.now() + 120_000) }))).toBe(
      'LINK_TOKEN_EXPIRED',
    );
    expect(await codeOf(consumeLinkToken(t.db, token, { purpose: 'sign' }))).toBe('LINK_TOKEN_UNKNOWN');
    expect(await codeOf(consumeLinkToken(t.db, 'A'.repeat(43)))).toBe('LINK_TOKEN_UNKNOWN');
    expect(await codeOf(consumeLinkToken(t.db, 'not a token'))).toBe('LINK_TOKEN_UNKNOWN');
    expect((await consumeLinkToken(t.db, token, { purpose: 'view' })).purpose).toBe('view');
  });
});
