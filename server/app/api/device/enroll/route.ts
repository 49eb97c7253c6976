import { z } from 'zod';
import { serializeCookie } from '../../../../src/http/cookies';
import { DEVICE_COOKIE } from '../../../../src/http/device-auth';
import { handle } from '../../../../src/http/handle';
import { readJson } from '../../../../src/http/read-json';
import { enrollDevice } from '../../../../src/services/devices/devices';

export const dynamic = 'force-dynamic';

const ZEnrollSchema = z.object({ code: z.string().trim().min(8).max(16) });

/** Exchanges a one-time enrollment code for the device credential (returned once, also set as an HttpOnly cookie). */
export const POST = handle(async (app, request) => {
  const { code } = ZEnrollSchema.parse(await readJson(request, 4096));
  const result = await enrollDevice(app, { code });
  const cookie = serializeCookie(DEVICE_COOKIE, result.credential, {
    maxAgeSeconds: 5 * 365 * 24 * 3600,
    secure: app.config.publicUrl.startsWith('https:'),
  });
  return new Response(JSON.stringify(result), {
    status: 201,
    headers: { 'content-type': 'application/json; charset=utf-8', 'set-cookie': cookie },
  });
});
