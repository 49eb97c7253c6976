/**
 * Child process for the crash-recovery test: runs a worker whose `crash.me` handler prints `RUNNING <job id>` and
 * never finishes, so the parent can SIGKILL it mid-job.
 */
import { createDatabase } from '../../db/create-database';
import { startWorker } from '../start-worker';

const database = createDatabase({ url: process.env.DATABASE_URL, dataDir: '/nonexistent' });
startWorker({
  db: database.db,
  pollMs: 20,
  leaseMs: Number(process.argv[2] ?? '500'),
  workerId: 'child-worker',
  handlers: {
    'crash.me': async (job) => {
      process.stdout.write(`RUNNING ${job.id}\n`);
      await new Promise(() => {});
    },
  },
});
