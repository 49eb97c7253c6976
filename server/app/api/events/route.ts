import { handle } from '../../../src/http/handle';
import { sseResponse } from '../../../src/http/sse';
import { requireStaff } from '../../../src/http/staff-session';
import { STAFF_CHANNEL } from '../../../src/services/push-events/push-events';

export const dynamic = 'force-dynamic';

/** Live envelope status for the console (server-sent events). */
export const GET = handle(async (app, request) => {
  const session = await requireStaff(app, request);
  return sseResponse(request, app.push, [STAFF_CHANNEL], { user: session.username });
});
