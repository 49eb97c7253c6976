import { join } from 'node:path';
import pino from 'pino';
import { type AppContext, createAppContext, setAppContext } from '../../src/app-context';
import { loadConfig } from '../../src/config';
import type { DatabaseKind } from '../../src/db/db';
import { openTestDatabase } from '../../src/db/testing/open-test-database';

export interface TestApp {
  app: AppContext;
  kind: DatabaseKind;
  cleanup(): Promise<void>;
}

/** A full application context (migrated, templates + demo data seeded) on a fresh database of the given kind. */
export async function createTestApp(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApp> {
  const tdb = await openTestDatabase(kind);
  const config = loadConfig({ INKPROOF_DATA_DIR: join(tdb.dataDir, 'data'), LOG_LEVEL: 'silent', ...env });
  const app = await createAppContext(config, {
    database: tdb.database,
    log: pino({ level: 'silent' }),
    background: false,
  });
  setAppContext(app);
  return {
    app,
    kind,
    async cleanup() {
      await app.close();
      await tdb.cleanup();
    },
  };
}
