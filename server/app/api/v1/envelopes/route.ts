import { createEnvelopeRest } from '../../../../src/api/rest/create-envelope-rest';
import { handle, json } from '../../../../src/http/handle';
import { readJson } from '../../../../src/http/read-json';

export const dynamic = 'force-dynamic';

export const POST = handle(async (app, request) => {
  const body = await readJson(request, app.config.bodyLimitBytes);
  const result = await createEnvelopeRest(
    app,
    request.headers.get('authorization'),
    request.headers.get('idempotency-key'),
    body,
  );
  return json(result.envelope, result.status);
});
