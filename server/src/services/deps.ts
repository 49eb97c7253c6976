import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Db } from '../db/db';

/** What every use case may receive; each service takes only the parts it needs, passed explicitly. */
export interface ServiceDeps {
  db: Db;
  clock: () => Date;
  log: Logger;
  config: Config;
}

export interface Actor {
  type: 'staff' | 'api_client' | 'device' | 'system';
  id: string | null;
}
