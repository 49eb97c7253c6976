#!/usr/bin/env node
// `npm start`: build what is missing, then run the single server process (migrations and demo data happen inside).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1' };
if (!existsSync(join(root, 'server', '.next', 'BUILD_ID')) || process.argv.includes('--rebuild')) {
  console.log('Building (first start only)…');
  const built = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'server', 'server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { NODE_ENV: 'production', ...env },
});
process.exit(run.status ?? 1);
