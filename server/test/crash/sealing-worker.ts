// A server process that only runs the background worker (sealing jobs) against DATABASE_URL and a shared data dir;
// the crash test kills it mid-sealing and starts another one.
import pino from 'pino';
import { createAppContext } from '../../src/app-context';
import { loadConfig } from '../../src/config';

const app = await createAppContext(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }), {
  log: pino({ level: 'silent' }),
  jobLeaseMs: Number(process.env.JOB_LEASE_MS ?? 2000),
});
await app.trust();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
