import { z } from 'zod';
import { clientAddress, serializeCookie } from '../../../../src/http/cookies';
import { handle } from '../../../../src/http/handle';
import { readJson } from '../../../../src/http/read-json';
import { login } from '../../../../src/services/auth/login';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../../src/services/auth/sessions';

export const dynamic = 'force-dynamic';

const ZLoginSchema = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });

export const POST = handle(async (app, request) => {
  const input = ZLoginSchema.parse(await readJson(request, 16_384));
  const result = await login(
    { db: app.db, clock: app.clock, limiter: app.limiter, sessionHours: app.config.sessionHours },
    { ...input, address: clientAddress(request) },
  );
  const secure = app.config.publicUrl.startsWith('https:');
  const maxAge = (result.expiresAt.getTime() - Date.now()) / 1000;
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' });
  headers.append('set-cookie', serializeCookie(SESSION_COOKIE, result.token, { maxAgeSeconds: maxAge, secure }));
  headers.append(
    'set-cookie',
    serializeCookie(CSRF_COOKIE, result.csrf, { maxAgeSeconds: maxAge, secure, httpOnly: false }),
  );
  return new Response(JSON.stringify({ user: result.user, csrf: result.csrf }), { status: 200, headers });
});
