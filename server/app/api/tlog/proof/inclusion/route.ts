import { handle, json } from '../../../../../src/http/handle';
import { inclusionProof } from '../../../../../src/services/tlog/tlog-queries';

export const dynamic = 'force-dynamic';

export const GET = handle(async (app, request) =>
  json(await inclusionProof(app.db, Object.fromEntries(new URL(request.url).searchParams))),
);
