import { z } from 'zod';
import { requireDevice } from '../../../../../src/http/device-auth';
import { handle, json } from '../../../../../src/http/handle';
import { readBody } from '../../../../../src/http/read-json';
import { readIdCard } from '../../../../../src/services/device-flow/read-id-card';

export const dynamic = 'force-dynamic';

/** POST the ID-card photo (image/jpeg or image/png, ≤ 8 MB) with an optional `?envelopeId=` (then `matchesPatient` compares with that patient); answers the parsed, masked fields. */
export const POST = handle(async (app, request) => {
  const device = await requireDevice(app, request);
  const raw = new URL(request.url).searchParams.get('envelopeId');
  const envelopeId = raw === null ? null : z.uuid().parse(raw);
  const type = request.headers.get('content-type')?.startsWith('image/png') ? 'image/png' : 'image/jpeg';
  const image = await readBody(request, 8 * 1024 * 1024, /^image\/(jpeg|png)\b/i);
  return json(await readIdCard(app, device.id, envelopeId, image, type));
});
