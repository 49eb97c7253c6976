import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createIdCardReader, type IdCardReader } from '@inkproof/idcard';
import type { Logger } from 'pino';
import { startBackground } from './background';
import type { BlobStore } from './blobs';
import { createFsBlobStore } from './blobs';
import { type Config, loadConfig } from './config';
import { createFieldCipher, type FieldCipher } from './crypto';
import { createDatabase, type Database } from './db/create-database';
import type { Db } from './db/db';
import { migrate } from './db/migrate';
import { createLogger } from './log';
import { createPushBus, type PushBus } from './push';
import { loadSecrets } from './secrets';
import { seedDemo, seedTemplates } from './seed/seed';
import { createLoginLimiter, type LoginLimiter } from './services/auth/login-limiter';
import { SEAL_JOB } from './services/device-flow/accept-submission';
import { failSealing } from './services/sealing/fail-sealing';
import { sealSubmission } from './services/sealing/seal-submission';
import { createTrustServices, type TrustServices } from './trust/trust-services';

export const VERSION = '0.1.0';
export const HOSPITAL_NAME = 'inkproof 演示医院';

/** Everything a request handler needs, built once per process (the composition root). */
export interface AppContext {
  config: Config;
  log: Logger;
  database: Database;
  db: Db;
  blobs: BlobStore;
  cipher: FieldCipher;
  push: PushBus;
  limiter: LoginLimiter;
  clock: () => Date;
  seededDemo: boolean;
  /** CA, TSA, escrow and log keys — created on first use (key generation takes a moment on a fresh data dir). */
  trust(): Promise<TrustServices>;
  /** The ID-card OCR worker pool (tesseract.js, offline), started on first use. */
  idcard(): Promise<IdCardReader>;
  close(): Promise<void>;
}

export interface AppContextOverrides {
  log?: Logger;
  /** An already opened database (tests); otherwise opened from the configuration. */
  database?: Database;
  clock?: () => Date;
  /** Start the job worker and the expiry sweep (default true; tests drive services directly). */
  background?: boolean;
  /** Job lease (ms): how long a crashed worker's job stays claimed before another worker may run it. */
  jobLeaseMs?: number;
}

export async function createAppContext(
  config: Config = loadConfig(),
  overrides: AppContextOverrides = {},
): Promise<AppContext> {
  const logger = overrides.log ?? createLogger(config.logLevel);
  mkdirSync(config.dataDir, { recursive: true });
  const secrets = loadSecrets(config.dataDir, { secret: config.secret, pkiPassphrase: config.pkiPassphrase });
  const database = overrides.database ?? createDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  const cipher = createFieldCipher({
    keys: secrets.fieldKeys,
    currentKeyId: secrets.currentFieldKeyId,
    pepper: secrets.pepper,
  });
  await seedTemplates(database.db);
  const seededDemo = config.seedDemo !== 'never' ? await seedDemo(database.db, cipher) : false;
  const blobs = createFsBlobStore(join(config.dataDir, 'blobs'));
  const push = createPushBus(database, { onError: (err) => logger.warn({ err }, 'push bus error') });
  await push.ready();
  const clock = overrides.clock ?? (() => new Date());
  let idcardPromise: Promise<IdCardReader> | undefined;
  const idcard = () => {
    idcardPromise ??= createIdCardReader(config.tessdataPath ? { langPath: config.tessdataPath } : {}).catch(
      (error) => {
        idcardPromise = undefined;
        throw error;
      },
    );
    return idcardPromise;
  };
  let trustPromise: Promise<TrustServices> | undefined;
  const trust = () => {
    trustPromise ??= createTrustServices({
      dataDir: config.dataDir,
      passphrase: secrets.pkiPassphrase,
      publicUrl: config.publicUrl,
      tsaUrls: config.tsaUrls,
      tsaTrustPath: config.tsaTrustPath,
      escrowCertPath: config.escrowCertPath,
      escrowKeyPath: config.escrowKeyPath,
      clock,
    }).catch((error) => {
      trustPromise = undefined;
      throw error;
    });
    return trustPromise;
  };
  const background =
    overrides.background === false
      ? null
      : startBackground({
          ...(overrides.jobLeaseMs ? { leaseMs: overrides.jobLeaseMs } : {}),
          db: database.db,
          cipher,
          push,
          clock,
          log: logger,
          onFailed: async (job) => {
            if (job.kind !== SEAL_JOB) return;
            const { submissionId } = job.payload as { submissionId: string };
            await failSealing({ db: database.db, clock, push }, submissionId, job.lastError ?? 'sealing failed');
          },
          handlers: {
            [SEAL_JOB]: async (job) => {
              const { submissionId } = job.payload as { submissionId: string };
              await sealSubmission(
                {
                  db: database.db,
                  blobs,
                  clock,
                  push,
                  log: logger,
                  trust: await trust(),
                  hospitalName: HOSPITAL_NAME,
                  cipher,
                  idcard,
                },
                submissionId,
              );
            },
          },
        });
  return {
    config,
    log: logger,
    database,
    db: database.db,
    blobs,
    cipher,
    push,
    limiter: createLoginLimiter(),
    clock,
    seededDemo,
    trust,
    idcard,
    async close() {
      await background?.stop();
      if (trustPromise) await (await trustPromise.catch(() => null))?.close();
      if (idcardPromise) await (await idcardPromise.catch(() => null))?.close();
      await push.close();
      await database.close();
    },
  };
}

const KEY = Symbol.for('inkproof.app-context');
type Holder = { [KEY]?: Promise<AppContext> };

/**
 * The process-wide context. The custom server creates it at start; Next.js route handlers (bundled separately)
 * reach the same instance through globalThis. Nothing opens the database at import time.
 */
export function getAppContext(): Promise<AppContext> {
  const holder = globalThis as Holder;
  holder[KEY] ??= createAppContext().catch((error) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

export function setAppContext(ctx: AppContext): void {
  (globalThis as Holder)[KEY] = Promise.resolve(ctx);
}
