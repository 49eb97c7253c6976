import { clientAddress } from '../../../../src/http/cookies';
import { requireDevice } from '../../../../src/http/device-auth';
import { handle, json } from '../../../../src/http/handle';
import { JSON_TYPE, parseJsonBytes, readBody } from '../../../../src/http/read-json';
import { acceptSubmission, SUBMISSION_LIMIT_BYTES } from '../../../../src/services/device-flow/accept-submission';

export const dynamic = 'force-dynamic';

export const POST = handle(async (app, request) => {
  const device = await requireDevice(app, request);
  const raw = await readBody(request, SUBMISSION_LIMIT_BYTES, JSON_TYPE);
  const result = await acceptSubmission(app, device.id, parseJsonBytes(raw), raw, { address: clientAddress(request) });
  return json(result.body, result.status);
});
