import { handle, json } from '../../../../src/http/handle';
import { latestTreeHead } from '../../../../src/services/tlog/tlog-queries';

export const dynamic = 'force-dynamic';

/** The newest signed, timestamped tree head: monitors keep these and check consistency between them. */
export const GET = handle(async (app) => json(await latestTreeHead(app.db)));
