import type { Database } from '../db/create-database';
import { createMemoryPushBus } from './memory-push-bus';
import { createPgPushBus } from './pg-push-bus';
import type { PushBus } from './push-bus';

/** In-process bus on PGlite (always a single process); LISTEN/NOTIFY on PostgreSQL so every instance delivers. */
export function createPushBus(database: Database, options: { onError?: (error: unknown) => void } = {}): PushBus {
  if (database.kind === 'pglite') return createMemoryPushBus(options);
  return createPgPushBus({ url: database.url, publisher: database.raw, ...options });
}
