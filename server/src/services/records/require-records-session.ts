import type { AppContext } from '../../app-context';
import { AppError } from '../../errors';
import { requireStaff } from '../../http/staff-session';
import type { StaffSession } from '../auth/sessions';
import type { Actor } from '../deps';

/** Roles that may open the records views (admin passes every role check, as in tRPC's roleProcedure). */
export function mayReadRecords(roles: readonly string[]): boolean {
  return roles.some((r) => r === 'records' || r === 'admin');
}

/** The signed-in records (or admin) user of a plain route handler; 401 without a session, 403 for other roles. */
export async function requireRecordsSession(
  app: AppContext,
  request: Request,
): Promise<{ session: StaffSession; actor: Actor }> {
  const session = await requireStaff(app, request);
  if (!mayReadRecords(session.roles)) {
    throw new AppError('FORBIDDEN', '仅病案室可查看 / Records staff only', { required: ['records'] });
  }
  return { session, actor: { type: 'staff', id: session.userId } };
}
