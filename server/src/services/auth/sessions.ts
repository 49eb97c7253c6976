import { randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import { sha256Hex } from '../../crypto/tokens';
import type { Db } from '../../db/db';
import { sessions, staffUsers, type TStaffRole } from '../../db/schema';

export const SESSION_COOKIE = 'inkproof_session';
export const CSRF_COOKIE = 'inkproof_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface StaffSession {
  sessionId: string;
  userId: string;
  username: string;
  displayName: string;
  roles: TStaffRole[];
  wardId: string | null;
  csrf: string;
  expiresAt: Date;
}

export const hashToken = (token: string) => sha256Hex(token);

/** Creates a session and returns the cookie token (only its hash is stored) and the CSRF token. */
export async function createSession(
  deps: { db: Db; clock: () => Date },
  userId: string,
  hours: number,
): Promise<{ token: string; csrf: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await deps.db.insert(sessions).values({ id: hashToken(token), userId, csrfSecret: csrf, expiresAt, lastSeenAt: now });
  // Opportunistic cleanup keeps the table small without a separate job.
  await deps.db.delete(sessions).where(lt(sessions.expiresAt, now));
  return { token, csrf, expiresAt };
}

export async function findSession(deps: { db: Db; clock: () => Date }, token: string): Promise<StaffSession | null> {
  if (!token || token.length > 200) return null;
  const id = hashToken(token);
  const [row] = await deps.db
    .select({
      sessionId: sessions.id,
      userId: staffUsers.id,
      username: staffUsers.username,
      displayName: staffUsers.displayName,
      roles: staffUsers.roles,
      wardId: staffUsers.wardId,
      disabled: staffUsers.disabled,
      csrf: sessions.csrfSecret,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(staffUsers, eq(staffUsers.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, deps.clock())))
    .limit(1);
  if (!row || row.disabled) return null;
  const { disabled: _disabled, ...session } = row;
  return session;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}
