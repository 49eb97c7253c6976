import { and, eq, gt, isNull } from 'drizzle-orm';
import { randomToken, sha256Hex } from '../../crypto/tokens';
import { DataError } from '../data-error';
import type { Db } from '../db';
import { linkTokens, type TLinkTokenPurpose } from '../schema';

export type LinkToken = typeof linkTokens.$inferSelect;

export interface CreateLinkTokenInput {
  envelopeId: string;
  signerId?: string | null;
  purpose: TLinkTokenPurpose;
  expiresAt: Date;
}

interface TokenOptions {
  purpose?: TLinkTokenPurpose;
  now?: Date;
}

/** base64url of 32 random bytes. Anything else cannot be a token we issued. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Issues a link token; the plain token is returned once (for the URL) and only its SHA-256 is stored. */
export async function createLinkToken(
  db: Db,
  input: CreateLinkTokenInput,
): Promise<{ token: string; tokenHash: string; expiresAt: Date }> {
  const token = randomToken(32);
  const tokenHash = sha256Hex(token);
  await db.insert(linkTokens).values({
    tokenHash,
    envelopeId: input.envelopeId,
    signerId: input.signerId ?? null,
    purpose: input.purpose,
    expiresAt: input.expiresAt,
  });
  return { token, tokenHash, expiresAt: input.expiresAt };
}

/**
 * Marks the token used and returns it — at most once, even under concurrent requests: the single UPDATE only matches
 * an unused, unexpired row. Failures: LINK_TOKEN_UNKNOWN, LINK_TOKEN_USED, LINK_TOKEN_EXPIRED.
 */
export async function consumeLinkToken(db: Db, token: string, options: TokenOptions = {}): Promise<LinkToken> {
  const now = options.now ?? new Date();
  if (!TOKEN_SHAPE.test(token)) throw new DataError('LINK_TOKEN_UNKNOWN');
  const tokenHash = sha256Hex(token);
  const [row] = await db
    .update(linkTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(linkTokens.tokenHash, tokenHash),
        isNull(linkTokens.usedAt),
        gt(linkTokens.expiresAt, now),
        options.purpose ? eq(linkTokens.purpose, options.purpose) : undefined,
      ),
    )
    .returning();
  if (row) return row;
  throw explainRejection(await findByHash(db, tokenHash), now, options.purpose);
}

/** Checks a token without consuming it (e.g. to show the consent before the signer submits). Same failure codes. */
export async function inspectLinkToken(db: Db, token: string, options: TokenOptions = {}): Promise<LinkToken> {
  const now = options.now ?? new Date();
  if (!TOKEN_SHAPE.test(token)) throw new DataError('LINK_TOKEN_UNKNOWN');
  const row = await findByHash(db, sha256Hex(token));
  if (row && !row.usedAt && row.expiresAt > now && (!options.purpose || row.purpose === options.purpose)) return row;
  throw explainRejection(row, now, options.purpose);
}

async function findByHash(db: Db, tokenHash: string): Promise<LinkToken | undefined> {
  const [row] = await db.select().from(linkTokens).where(eq(linkTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

function explainRejection(row: LinkToken | undefined, now: Date, purpose?: TLinkTokenPurpose): DataError {
  if (!row || (purpose && row.purpose !== purpose)) return new DataError('LINK_TOKEN_UNKNOWN');
  if (row.usedAt) return new DataError('LINK_TOKEN_USED');
  if (row.expiresAt <= now) return new DataError('LINK_TOKEN_EXPIRED');
  // The row became valid-looking between the UPDATE and this read only if another request is mid-flight; treat as used.
  return new DataError('LINK_TOKEN_USED');
}
