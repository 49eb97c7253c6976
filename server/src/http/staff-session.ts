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

/** A state-changing request from the console: the session cookie and the session's CSRF token in `x-csrf-token`. */
export async function requireStaffMutation(app: AppContext, request: Request): Promise<StaffSession> {
  const session = await requireStaff(app, request);
  if (request.headers.get('x-csrf-token') !== session.csrf) {
    throw new AppError('CSRF_REJECTED', '页面已过期，请刷新后重试 / Page expired, reload and retry');
  }
  return session;
}
