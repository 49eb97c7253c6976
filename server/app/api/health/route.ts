import { sql } from 'drizzle-orm';
import { VERSION } from '../../../src/app-context';
import { handle, json } from '../../../src/http/handle';

export const dynamic = 'force-dynamic';

export const GET = handle(async (app) => {
  const started = performance.now();
  await app.db.execute(sql`select 1`);
  return json({
    status: 'ok',
    version: VERSION,
    database: { kind: app.database.kind, ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
  });
});
