/**
 * Child process for the multi-process push test. `listen <channel> <count>`: prints READY once listening, then one
 * `EVENT <json>` line per event, and exits after <count> events. `publish <channel> <json>`: publishes and exits.
 */
import { createDatabase } from '../../db/create-database';
import { createPushBus } from '../create-push-bus';

const [mode, channel, arg] = process.argv.slice(2);
const database = createDatabase({ url: process.env.DATABASE_URL, dataDir: '/nonexistent' });
const bus = createPushBus(database);

if (mode === 'listen') {
  let remaining = Number(arg ?? '1');
  bus.subscribe(channel!, (event) => {
    process.stdout.write(`EVENT ${JSON.stringify(event)}\n`);
    remaining -= 1;
    if (remaining === 0) void bus.close().then(() => database.close());
  });
  await bus.ready();
  process.stdout.write('READY\n');
} else {
  await bus.ready();
  await bus.publish(channel!, JSON.parse(arg ?? '{}') as Record<string, unknown>);
  process.stdout.write('SENT\n');
  await bus.close();
  await database.close();
}
