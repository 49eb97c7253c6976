import type { AppContext } from '../app-context';
import { AppError } from '../errors';
import { findSession, SESSION_COOKIE, type StaffSession } from '../services/auth/sessions';
import { readCookie } from './cookies';

export async function staffSessionOf(app: AppContext, request: Request): Promise<StaffSession | null> {
  const token = readCookie(request, SESSION_COOKIE);
  return token ? findSession(app, token) : null;
}

export async function requireStaff(app: AppContext, request: Request): Promise<StaffSession> {
  const session = await staffSessionOf(app, request);
  if (!session) throw new AppError('UNAUTHENTICATED', '请先登录 / Please sign in');
  return session;
}
