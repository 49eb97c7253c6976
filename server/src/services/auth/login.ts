import { eq } from 'drizzle-orm';
import { appendAudit } from '../../db/audit/append-audit';
import type { Db } from '../../db/db';
import { staffUsers } from '../../db/schema';
import { AppError } from '../../errors';
import type { LoginLimiter } from './login-limiter';
import { verifyPassword } from './password';
import { createSession } from './sessions';

export interface LoginDeps {
  db: Db;
  clock: () => Date;
  limiter: LoginLimiter;
  sessionHours: number;
}

/** Checks the password (rate-limited per username + address) and opens a session. */
export async function login(deps: LoginDeps, input: { username: string; password: string; address: string }) {
  const key = `${input.username.toLowerCase()}|${input.address}`;
  const now = deps.clock().getTime();
  if (deps.limiter.isBlocked(key, now)) {
    throw new AppError('RATE_LIMITED', '失败次数过多，请 5 分钟后再试 / Too many attempts, wait 5 minutes');
  }
  const [user] = await deps.db.select().from(staffUsers).where(eq(staffUsers.username, input.username)).limit(1);
  const ok = user && !user.disabled ? await verifyPassword(input.password, user.passwordHash) : false;
  if (!user || !ok) {
    deps.limiter.recordFailure(key, now);
    await appendAudit(deps.db, {
      actorType: 'system',
      action: 'staff.login_failed',
      subjectType: 'staff_user',
      subjectId: user?.id ?? null,
    });
    throw new AppError('BAD_CREDENTIALS', '用户名或密码错误 / Wrong username or password');
  }
  deps.limiter.reset(key);
  const session = await createSession(deps, user.id, deps.sessionHours);
  await appendAudit(deps.db, {
    actorType: 'staff',
    actorId: user.id,
    action: 'staff.login',
    subjectType: 'staff_user',
    subjectId: user.id,
  });
  return {
    ...session,
    user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles },
  };
}
