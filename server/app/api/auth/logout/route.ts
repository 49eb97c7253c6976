import { readCookie, serializeCookie } from '../../../../src/http/cookies';
import { handle } from '../../../../src/http/handle';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  deleteSession,
  findSession,
  SESSION_COOKIE,
} from '../../../../src/services/auth/sessions';

export const dynamic = 'force-dynamic';

export const POST = handle(async (app, request) => {
  const token = readCookie(request, SESSION_COOKIE);
  const session = token ? await findSession(app, token) : null;
  // Logout is a mutation too: it must carry the CSRF token, or a foreign page could sign staff out.
  if (token && session && request.headers.get(CSRF_HEADER) === session.csrf) await deleteSession(app.db, token);
  const headers = new Headers();
  headers.append('set-cookie', serializeCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0 }));
  headers.append('set-cookie', serializeCookie(CSRF_COOKIE, '', { maxAgeSeconds: 0, httpOnly: false }));
  return new Response(null, { status: 204, headers });
});
