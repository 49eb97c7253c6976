import { findClientEnvelope } from '../../../../../src/api/rest/find-client-envelope';
import { toRestEnvelope } from '../../../../../src/api/rest/to-rest-envelope';
import { handle, json } from '../../../../../src/http/handle';

export const dynamic = 'force-dynamic';

export const GET = handle<{ id: string }>(async (app, request, { id }) =>
  json(toRestEnvelope(await findClientEnvelope(app, request, id))),
);
